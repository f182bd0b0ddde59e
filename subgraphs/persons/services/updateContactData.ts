/** Contact data and address in one transaction; a new address re-derives the clinic (UMF). */
import { badInput, notFound } from '../../../schema/errors/client-errors.ts';
import { authorize } from '../../shared/access/index.ts';
import type { MutationUpdateContactDataArgs } from '../__generated__/resolvers-types.ts';
import type { PersonsContext } from '../context.ts';
import type { PersonRow } from '../mappers.ts';
import { managePerson } from '../permissions.ts';
import { txQueries } from '../repository.ts';
import { validateAddress } from '../rules/index.ts';

export async function updateContactData({ input }: MutationUpdateContactDataArgs, ctx: PersonsContext): Promise<PersonRow> {
  // Insured persons change their own record; staff name the person.
  const curp = input.curp ?? ctx.viewer?.curp ?? null;
  if (!curp) throw notFound('Person');
  await authorize(ctx, managePerson(ctx, curp), { subjectCurp: curp, what: 'updateContactData' });
  const phone = input.phone?.trim() || undefined;
  if (phone !== undefined && !/^\+?[0-9 ()-]{7,20}$/.test(phone)) {
    throw badInput('PHONE_FORMAT', 'Phone must have 7 to 20 digits');
  }
  const address = input.address ? validateAddress(input.address) : null;
  const changed = [...(input.email ? ['email'] : []), ...(phone ? ['phone'] : []), ...(address ? ['address', 'clinic'] : [])];

  const updated = await ctx.repository.transaction(async (tx) => {
    if (!(await txQueries.lockPerson(tx, curp))) throw notFound('Person');
    let clinicId: string | null | undefined;
    if (address) {
      await txQueries.upsertAddress(tx, { curp, ...address });
      clinicId = (await txQueries.clinicForPostalCode(tx, address.postalCode))?.id ?? null;
    }
    const [row] = await txQueries.updateContact(tx, curp, {
      ...(input.email ? { email: input.email } : {}),
      ...(phone ? { phone } : {}),
      ...(clinicId !== undefined ? { clinicId } : {}),
    });
    await ctx.audit.append([{ action: 'WRITE', subjectCurp: curp, what: 'updateContactData', fields: changed }], tx);
    return row!;
  });
  ctx.loaders.personByCurp.clear(curp).prime(curp, updated);
  ctx.loaders.addressByCurp.clear(curp);
  ctx.released.release('Person', curp);
  return updated;
}

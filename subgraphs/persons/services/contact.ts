import { badInput, notFound } from '../../../schema/errors/client-errors.ts';
import { canManagePerson } from '../access.ts';
import type { PersonsContext } from '../context.ts';
import type { PersonRow } from '../mappers.ts';
import { txQueries } from '../repository.ts';
import { validateAddress, type AddressInput } from './address.ts';

export interface UpdateContactInput {
  curp?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: AddressInput | null;
}

/** Contact data and address in one transaction; a new address re-derives the clinic. */
export async function updateContactData(input: UpdateContactInput, ctx: PersonsContext): Promise<PersonRow> {
  const curp = input.curp ?? ctx.viewer?.curp ?? null;
  if (!curp || !canManagePerson(ctx.viewer, ctx.purpose, curp)) throw notFound('Person');
  const phone = input.phone?.trim() || undefined;
  if (phone !== undefined && !/^\+?[0-9 ()-]{7,20}$/.test(phone)) {
    throw badInput('PHONE_FORMAT', 'Phone must have 7 to 20 digits');
  }
  const address = input.address ? validateAddress(input.address) : null;
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
    await ctx.audit.recordReads([curp], 'updateContactData', ['email', 'phone', 'address'], tx);
    return row!;
  });
  ctx.loaders.personByCurp.clear(curp).prime(curp, updated);
  ctx.loaders.addressByCurp.clear(curp);
  return updated;
}

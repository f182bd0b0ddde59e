/** Removes a beneficiary of a holder the caller may manage. */
import { notFound } from '../../../schema/errors/client-errors.ts';
import type { MutationRemoveBeneficiaryArgs, RemoveBeneficiaryPayload } from '../__generated__/resolvers-types.ts';
import type { PersonsContext } from '../context.ts';
import { txQueries } from '../repository.ts';
import { beneficiaryOf } from './beneficiary-of.ts';

export async function removeBeneficiary({ id }: MutationRemoveBeneficiaryArgs, ctx: PersonsContext): Promise<RemoveBeneficiaryPayload> {
  const current = await beneficiaryOf(id, 'removeBeneficiary', ctx);
  return ctx.repository.transaction(async (tx) => {
    const [deleted] = await txQueries.deleteBeneficiary(tx, id);
    if (!deleted) throw notFound('Beneficiary'); // removed concurrently
    await ctx.audit.append([{ action: 'WRITE', subjectCurp: current.holderCurp, what: 'removeBeneficiary', fields: ['beneficiaries'] }], tx);
    return { id, removed: true };
  });
}

/**
 * Records a change in a beneficiary's household or student-extension facts. The facts are recorded
 * even when they end the beneficiary's eligibility (a parent who moves out): the answer says so.
 */
import { notFound } from '../../../schema/errors/client-errors.ts';
import type { MutationUpdateBeneficiaryArgs } from '../__generated__/resolvers-types.ts';
import type { PersonsContext } from '../context.ts';
import type { BeneficiaryModel } from '../mappers.ts';
import { txQueries } from '../repository.ts';
import { beneficiaryOf } from './beneficiary-of.ts';

export async function updateBeneficiary({ input }: MutationUpdateBeneficiaryArgs, ctx: PersonsContext): Promise<BeneficiaryModel> {
  const current = await beneficiaryOf(input.id, 'updateBeneficiary', ctx);
  const next = {
    ...current,
    livesInHousehold: input.livesInHousehold ?? current.livesInHousehold,
    studentExtensionUntil: input.studentExtensionUntil === undefined ? current.studentExtensionUntil : input.studentExtensionUntil,
  };
  return ctx.repository.transaction(async (tx) => {
    const [row] = await txQueries.updateBeneficiary(tx, input.id, {
      livesInHousehold: next.livesInHousehold,
      studentExtensionUntil: next.studentExtensionUntil,
    });
    if (!row) throw notFound('Beneficiary'); // removed concurrently
    await ctx.audit.append([{ action: 'WRITE', subjectCurp: current.holderCurp, what: 'updateBeneficiary', fields: ['beneficiaries'] }], tx);
    return row;
  });
}

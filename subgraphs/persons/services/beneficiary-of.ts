/**
 * Finding the beneficiary a caller may change: one who exists and whose holder the caller may
 * manage (permissions.ts). Anything else is "not found", never "forbidden", so a beneficiary id
 * reveals nothing about whose it is.
 */
import { notFound } from '../../../schema/errors/client-errors.ts';
import { authorize } from '../../shared/access/index.ts';
import { isUuid } from '../../shared/batching.ts';
import type { PersonsContext } from '../context.ts';
import type { BeneficiaryModel } from '../mappers.ts';
import { managePerson, type PersonsWrite } from '../permissions.ts';

export async function beneficiaryOf(id: string, what: PersonsWrite, ctx: PersonsContext): Promise<BeneficiaryModel> {
  const row = isUuid(id) ? await ctx.repository.beneficiaryById(id) : undefined;
  if (!row) throw notFound('Beneficiary');
  await authorize(ctx, managePerson(ctx, row.holderCurp), { subjectCurp: row.holderCurp, what, notFoundAs: 'Beneficiary' });
  return row;
}

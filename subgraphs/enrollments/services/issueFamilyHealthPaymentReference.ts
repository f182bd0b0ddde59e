/**
 * A family health (modalidad 33) annual fee's payment reference: the enrollment's first year at
 * the fee quoted on enrollment, or its renewal, the year after its current end, at the fees in
 * force on that year's first day for each member's age then. Due on the year's first day.
 */
import { notFound, ruleViolation } from '../../../schema/errors/client-errors.ts';
import { validateCurp } from '../../../schema/scalars/identifiers/index.ts';
import { authorize } from '../../shared/access/index.ts';
import { isUuid } from '../../shared/batching.ts';
import type { MutationIssueFamilyHealthPaymentReferenceArgs } from '../__generated__/resolvers-types.ts';
import type { EnrollmentsContext } from '../context.ts';
import type { PaymentReferenceModel } from '../mappers.ts';
import { mexicoCityToday } from '../mexico-today.ts';
import { enrollVoluntarily } from '../permissions.ts';
import { withRuleErrors } from '../rule-errors.ts';
import { familyHealthQuote } from '../rules/family-health/index.ts';
import { familyHealthObligation } from '../rules/payments/index.ts';
import { issueReference } from './payment-reference-issuing.ts';

export async function issueFamilyHealthPaymentReference({ input }: MutationIssueFamilyHealthPaymentReferenceArgs, ctx: EnrollmentsContext): Promise<PaymentReferenceModel> {
  const enrollment = isUuid(input.enrollmentId) ? (await ctx.repository.enrollmentsById([input.enrollmentId]))[0] : undefined;
  if (enrollment) await authorize(ctx, enrollVoluntarily(ctx, enrollment.curp), { subjectCurp: enrollment.curp, what: 'issueFamilyHealthPaymentReference', notFoundAs: 'Enrollment' });
  const detail = enrollment?.kind === 'FAMILY_HEALTH' ? (await ctx.repository.familyHealthByEnrollment([enrollment.id]))[0] : undefined;
  if (!enrollment || !detail) throw notFound('Enrollment');

  const renewal = input.renewal ?? false;
  const today = mexicoCityToday(ctx.clock);
  const { obligation, total } = await withRuleErrors(async () => {
    const obligation = familyHealthObligation(enrollment, renewal, today);
    if (!renewal) return { obligation, total: detail.totalAnnualFeeCentavos };
    const members = await ctx.repository.membersByEnrollment([enrollment.id]);
    const quote = familyHealthQuote(members.map((m) => {
      const parsed = validateCurp(m.curp);
      if (!parsed.ok) throw ruleViolation(parsed.issues);
      return { birthDate: parsed.birthDate, ref: m.curp };
    }), obligation.periodStart, await ctx.reference.familyHealthFees());
    if (!quote.ok) throw ruleViolation(quote.issues);
    return { obligation, total: quote.total };
  });
  return issueReference(ctx, 'issueFamilyHealthPaymentReference', obligation, { curp: enrollment.curp, enrollmentId: enrollment.id }, total);
}

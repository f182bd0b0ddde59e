/**
 * A PTI contribution's payment reference: the enrollment's payment period starting in `period`,
 * its amount computed month by month with the values in force (the same computation as the
 * enrollment's first period), due by the PTI deadline of the month before it starts.
 */
import { notFound, ruleViolation } from '../../../schema/errors/client-errors.ts';
import { authorize } from '../../shared/access/index.ts';
import type { MutationIssueIndependentWorkerPaymentReferenceArgs } from '../__generated__/resolvers-types.ts';
import type { EnrollmentsContext } from '../context.ts';
import type { PaymentReferenceModel } from '../mappers.ts';
import { mexicoCityToday } from '../mexico-today.ts';
import { enrollVoluntarily } from '../permissions.ts';
import { withRuleErrors } from '../rule-errors.ts';
import { PERIOD_MONTHS, ptiContribution } from '../rules/contributions/index.ts';
import { independentWorkerObligation } from '../rules/payments/index.ts';
import { isUuid } from '../../shared/batching.ts';
import { ptiDeadlineForCoverage } from '../rules/reference/index.ts';
import { issueReference } from './payment-reference-issuing.ts';

export async function issueIndependentWorkerPaymentReference({ input }: MutationIssueIndependentWorkerPaymentReferenceArgs, ctx: EnrollmentsContext): Promise<PaymentReferenceModel> {
  const enrollment = isUuid(input.enrollmentId) ? (await ctx.repository.enrollmentsById([input.enrollmentId]))[0] : undefined;
  // Another person's enrollment is answered like an unknown one (after the refusal is audited).
  if (enrollment) await authorize(ctx, enrollVoluntarily(ctx, enrollment.curp), { subjectCurp: enrollment.curp, what: 'issueIndependentWorkerPaymentReference', notFoundAs: 'Enrollment' });
  const detail = enrollment?.kind === 'INDEPENDENT_WORKER' ? (await ctx.repository.independentWorkerByEnrollment([enrollment.id]))[0] : undefined;
  if (!enrollment || !detail) throw notFound('Enrollment');

  const today = mexicoCityToday(ctx.clock);
  const { obligation, total } = await withRuleErrors(async () => {
    const [programme, calendar, uma, minimumWage, rates] = await Promise.all([
      ctx.reference.ptiProgramme(), ctx.reference.calendar(), ctx.reference.uma(), ctx.reference.minimumWage(), ctx.reference.ptiRates(),
    ]);
    const deadlineFor = (coverageStart: string) => ptiDeadlineForCoverage(coverageStart, programme, calendar);
    const obligation = independentWorkerObligation(
      { id: enrollment.id, startDate: enrollment.startDate, endDate: enrollment.endDate, months: PERIOD_MONTHS[detail.paymentPeriod] },
      input.period, deadlineFor, today,
    );
    const contribution = ptiContribution(
      { declaredMonthlyIncome: detail.declaredMonthlyIncomeCentavos, zone: detail.wageZone, period: detail.paymentPeriod, periodStart: obligation.periodStart },
      { uma, minimumWage, rates },
    );
    if (!contribution.ok) throw ruleViolation(contribution.issues);
    return { obligation, total: contribution.total };
  });
  return issueReference(ctx, 'issueIndependentWorkerPaymentReference', obligation, { curp: enrollment.curp, enrollmentId: enrollment.id }, total);
}

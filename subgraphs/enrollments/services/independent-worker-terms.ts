/**
 * The terms of a PTI enrollment (docs/domain.md §5), shared by the quote and the enrollment: a
 * payment made by the deadline day of a month (PTI programme table) starts coverage on the first
 * day of the next month; the declared income must lie between the floor and the ceiling in force
 * in every month the payment covers; the contribution is computed month by month with the values
 * in force in each month.
 */
import { badInput, ruleViolation } from '../../../schema/errors/client-errors.ts';
import { addMonths } from '../../shared/dates.ts';
import type { PaymentPeriod, WageZone } from '../__generated__/resolvers-types.ts';
import type { EnrollmentsContext } from '../context.ts';
import { ptiContribution, type PtiContribution } from '../rules/contributions/index.ts';
import { coverageStartAfterPayment } from '../rules/payments/index.ts';
import { isIsoDate, ptiDeadlineForCoverage, valueInForce } from '../rules/reference/index.ts';

export interface IndependentWorkerTerms {
  coverageStart: string;
  /** Last day to pay the first period for coverage to start on coverageStart. */
  paymentDeadline: string;
  contribution: PtiContribution;
  /** The modalidad in force on the coverage start (PTI programme table). */
  modality: string;
}

export interface IndependentWorkerRequest {
  declaredMonthlyIncomeCentavos: number;
  paymentPeriod: PaymentPeriod;
  wageZone: WageZone;
  /** A first of month; null for the earliest coverage start whose deadline has not passed. */
  coverageStart: string | null;
}

/**
 * The deadline and coverage for `request` as of `today` (Mexico City), or the refusal: a coverage
 * start that is not a first of month (PERIOD_START_INVALID), a first payment whose deadline has
 * passed (PTI_PAYMENT_DEADLINE_PASSED), an income outside the limits in force (INCOME_*).
 */
export async function independentWorkerTerms(request: IndependentWorkerRequest, today: string, ctx: EnrollmentsContext): Promise<IndependentWorkerTerms> {
  const [programme, calendar] = await Promise.all([ctx.reference.ptiProgramme(), ctx.reference.calendar()]);
  const deadlineFor = (coverageStart: string) => ptiDeadlineForCoverage(coverageStart, programme, calendar);

  const thisMonthStart = coverageStartAfterPayment(today);
  const earliest = today <= deadlineFor(thisMonthStart) ? thisMonthStart : addMonths(thisMonthStart, 1);
  const coverageStart = request.coverageStart ?? earliest;
  if (!isIsoDate(coverageStart) || !coverageStart.endsWith('-01')) {
    throw badInput('PERIOD_START_INVALID', `Coverage starts on the first day of a month, got "${coverageStart}".`, { coverageStart });
  }
  const paymentDeadline = deadlineFor(coverageStart);
  if (today > paymentDeadline) {
    throw badInput(
      'PTI_PAYMENT_DEADLINE_PASSED',
      `Coverage from ${coverageStart} needed its first payment by ${paymentDeadline}; today is ${today}. The earliest coverage start now is ${earliest}.`,
      { coverageStart, paymentDeadline, today, earliestCoverageStart: earliest },
    );
  }

  const [uma, minimumWage, rates] = await Promise.all([ctx.reference.uma(), ctx.reference.minimumWage(), ctx.reference.ptiRates()]);
  const contribution = ptiContribution(
    { declaredMonthlyIncome: request.declaredMonthlyIncomeCentavos, zone: request.wageZone, period: request.paymentPeriod, periodStart: coverageStart },
    { uma, minimumWage, rates },
  );
  if (!contribution.ok) throw ruleViolation(contribution.issues);
  return { coverageStart, paymentDeadline, contribution, modality: valueInForce(programme, coverageStart).value.modality };
}

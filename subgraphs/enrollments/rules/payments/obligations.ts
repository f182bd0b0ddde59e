/**
 * What a payment reference is for (docs/domain.md §7): the obligation's period, its due date and
 * the reference's expiry, per concept, and whether a reported payment settles it. Pure: today and
 * the calendar come in as arguments; amounts are computed elsewhere (contributions, fees) or
 * declared (an employer's SUA determination).
 *
 * - PTI: the period of the enrollment's payment period (1, 6 or 12 months) that starts in the
 *   month named, aligned on the enrollment's start; due by the PTI deadline of the month before it
 *   starts (paying by then starts coverage on its first day, independent-workers.ts).
 * - Family health: a year paid in advance, due on its first day (family-health.ts).
 * - Employer cuotas: the month named, due on day 17 of the next month, rolled forward past
 *   non-business days (due-dates.ts). Once overdue a reference can still be issued (late payment);
 *   it expires at the end of the month it is issued in. Surcharges (recargos) and inflation
 *   adjustment (actualización) are not computed.
 */
import { addDays, addMonths } from '../../../shared/dates.ts';
import type { BusinessCalendar } from '../calendar/business-calendar.ts';
import { employerMonthlyDueDate } from './due-dates.ts';
import { familyHealthAnnualTerm } from './family-health.ts';
import { PaymentRuleError, parsePaymentPeriod } from './payment-period.ts';

export type PaymentConcept = 'INDEPENDENT_WORKER_CONTRIBUTION' | 'FAMILY_HEALTH_FEE' | 'EMPLOYER_MONTHLY_CUOTAS';

export interface Obligation {
  concept: PaymentConcept;
  /** `<concept>:<enrollment id or registration>:<period>`: one obligation, whatever references it had. */
  key: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  expiresOn: string;
}

const monthStart = (period: string) => `${period}-01`;
const lastDayOfMonth = (date: string) => addDays(addMonths(`${date.slice(0, 7)}-01`, 1), -1);

/** A PTI period: `period` must be a month where one of the enrollment's payment periods starts. */
export function independentWorkerObligation(
  enrollment: { id: string; startDate: string; endDate: string | null; months: number },
  period: string,
  deadlineFor: (coverageStart: string) => string,
  today: string,
): Obligation {
  parsePaymentPeriod(period);
  const periodStart = monthStart(period);
  const offset = monthsBetween(enrollment.startDate, periodStart);
  if (offset < 0 || offset % enrollment.months !== 0) {
    throw new PaymentRuleError('PAYMENT_PERIOD_NOT_PAYABLE', `Period ${period} is not the start of a payment period of this enrollment: periods of ${enrollment.months} month(s) start on ${enrollment.startDate} and every ${enrollment.months} month(s) after.`, { period, startDate: enrollment.startDate, months: enrollment.months });
  }
  if (enrollment.endDate !== null && periodStart > enrollment.endDate) {
    throw new PaymentRuleError('PAYMENT_PERIOD_NOT_PAYABLE', `Period ${period} starts after the enrollment ended on ${enrollment.endDate}.`, { period, endDate: enrollment.endDate });
  }
  const dueDate = deadlineFor(periodStart);
  if (today > dueDate) {
    throw new PaymentRuleError('PTI_PAYMENT_DEADLINE_PASSED', `Coverage from ${periodStart} needed its payment by ${dueDate}; today is ${today}.`, { coverageStart: periodStart, paymentDeadline: dueDate, today });
  }
  return {
    concept: 'INDEPENDENT_WORKER_CONTRIBUTION',
    key: `INDEPENDENT_WORKER_CONTRIBUTION:${enrollment.id}:${period}`,
    period,
    periodStart,
    periodEnd: addDays(addMonths(periodStart, enrollment.months), -1),
    dueDate,
    expiresOn: dueDate,
  };
}

/** The first year of a family health enrollment, or (renewal) the year after its current end. */
export function familyHealthObligation(enrollment: { id: string; startDate: string; endDate: string | null }, renewal: boolean, today: string): Obligation {
  const start = renewal ? addDays(enrollment.endDate ?? enrollment.startDate, enrollment.endDate ? 1 : 0) : enrollment.startDate;
  const term = familyHealthAnnualTerm(start);
  if (today > term.start) {
    throw new PaymentRuleError('FAMILY_HEALTH_PAYMENT_NOT_IN_ADVANCE', `The family health insurance is paid annually in advance: the term starting ${term.start} had to be paid by ${term.start}, today is ${today}`, { coverageStart: term.start, today });
  }
  const period = term.start.slice(0, 7);
  return { concept: 'FAMILY_HEALTH_FEE', key: `FAMILY_HEALTH_FEE:${enrollment.id}:${period}`, period, periodStart: term.start, periodEnd: term.end, dueDate: term.start, expiresOn: term.start };
}

/** An employer's month of cuotas; not a month that has not started. */
export function employerObligation(registration: string, period: string, calendar: BusinessCalendar, today: string): Obligation {
  parsePaymentPeriod(period);
  const periodStart = monthStart(period);
  if (periodStart > today) {
    throw new PaymentRuleError('PAYMENT_PERIOD_NOT_PAYABLE', `The cuotas of ${period} cannot be paid before the month starts (today is ${today}).`, { period, today });
  }
  const dueDate = employerMonthlyDueDate(period, calendar);
  return {
    concept: 'EMPLOYER_MONTHLY_CUOTAS',
    key: `EMPLOYER_MONTHLY_CUOTAS:${registration}:${period}`,
    period,
    periodStart,
    periodEnd: lastDayOfMonth(periodStart),
    dueDate,
    // A late payment stays payable to the end of the month its reference is issued in.
    expiresOn: today <= dueDate ? dueDate : lastDayOfMonth(today),
  };
}

export type ReferenceStatus = 'PENDING' | 'PAID' | 'EXPIRED';

/** PAID once a payment is recorded; EXPIRED after its expiry day or once superseded; else PENDING. */
export function referenceStatus(reference: { expiresOn: string; supersededAt: Date | null }, paid: boolean, today: string): ReferenceStatus {
  if (paid) return 'PAID';
  return reference.supersededAt !== null || today > reference.expiresOn ? 'EXPIRED' : 'PENDING';
}

export interface PaymentFacts {
  amountCentavos: number;
  /** The Mexico City day the payer paid. */
  paidOn: string;
}

/**
 * Why a bank's payment cannot settle the reference, or null: already paid, expired (paid after
 * its expiry day, or superseded by a newer reference), another amount.
 */
export function paymentRefusal(
  reference: { amountCentavos: number; expiresOn: string; supersededAt: Date | null },
  alreadyPaid: boolean,
  payment: PaymentFacts,
): { code: string; message: string; details: Record<string, unknown> } | null {
  if (alreadyPaid) return { code: 'PAYMENT_REFERENCE_ALREADY_PAID', message: 'This payment reference is already paid; it cannot be paid twice.', details: {} };
  if (reference.supersededAt !== null) {
    return { code: 'PAYMENT_REFERENCE_EXPIRED', message: `This payment reference was replaced by a newer one on ${reference.supersededAt.toISOString()}; it cannot be paid.`, details: { expiresOn: reference.expiresOn } };
  }
  if (payment.paidOn > reference.expiresOn) {
    return { code: 'PAYMENT_REFERENCE_EXPIRED', message: `This payment reference expired on ${reference.expiresOn}; it was paid on ${payment.paidOn}.`, details: { expiresOn: reference.expiresOn, paidOn: payment.paidOn } };
  }
  if (payment.amountCentavos !== reference.amountCentavos) {
    return { code: 'PAYMENT_AMOUNT_MISMATCH', message: `The amount paid, ${payment.amountCentavos} centavos, is not the reference's amount, ${reference.amountCentavos} centavos.`, details: { expected: reference.amountCentavos, paid: payment.amountCentavos } };
  }
  return null;
}

function monthsBetween(from: string, to: string): number {
  const a = parsePaymentPeriod(from.slice(0, 7));
  const b = parsePaymentPeriod(to.slice(0, 7));
  return (b.year - a.year) * 12 + (b.month - a.month) - (to.slice(8) < from.slice(8) ? 1 : 0);
}

/**
 * Employer payment due dates (docs/domain.md §7):
 * - monthly cuotas by day 17 of the following month, LSS art. 39 (http://lena.mx/v/lss/a:39);
 * - RCV and Infonavit by bimester (Jan–Feb, Mar–Apr, …, Nov–Dec), by day 17 of the month after
 *   the bimester (https://vlex.com.mx/vid/marzo-2019-792504173);
 * - a due date on a non-business day moves to the next business day (CFF art. 12, which the LSS
 *   applies to cuotas as fiscal credits).
 * The due days are configuration (PaymentDueRules).
 */
import { assertIsoDate } from '../calendar/iso-date.ts';
import type { BusinessCalendar } from '../calendar/business-calendar.ts';
import { dayOfMonthAfter, parsePaymentPeriod } from './payment-period.ts';

export interface PaymentDueRules {
  /** LSS art. 39: day of the following month the monthly cuotas are due. */
  employerMonthlyDueDay: number;
  /** Day of the month after the bimester that RCV and Infonavit are due. */
  bimonthlyDueDay: number;
}

export const PAYMENT_DUE_RULES: Readonly<PaymentDueRules> = Object.freeze({
  employerMonthlyDueDay: 17,
  bimonthlyDueDay: 17,
});

/** Due date of the monthly cuotas of `period` ('YYYY-MM'): day 17 of the next month, rolled forward. */
export function employerMonthlyDueDate(period: string, calendar: BusinessCalendar, rules: PaymentDueRules = PAYMENT_DUE_RULES): string {
  return calendar.nextBusinessDayOnOrAfter(dayOfMonthAfter(parsePaymentPeriod(period), 1, rules.employerMonthlyDueDay));
}

export interface Bimester {
  year: number;
  /** 1 (Jan–Feb) … 6 (Nov–Dec). */
  number: number;
  firstMonth: string;
  lastMonth: string;
}

/** The bimester a month 'YYYY-MM' belongs to. */
export function bimesterOf(period: string): Bimester {
  const { year, month } = parsePaymentPeriod(period);
  const number = Math.ceil(month / 2);
  const mm = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
  return { year, number, firstMonth: mm(number * 2 - 1), lastMonth: mm(number * 2) };
}

/** Due date of RCV and Infonavit for the bimester containing `period` (either of its months). */
export function bimonthlyDueDate(period: string, calendar: BusinessCalendar, rules: PaymentDueRules = PAYMENT_DUE_RULES): string {
  const lastMonth = parsePaymentPeriod(bimesterOf(period).lastMonth);
  return calendar.nextBusinessDayOnOrAfter(dayOfMonthAfter(lastMonth, 1, rules.bimonthlyDueDay));
}

/** True once `asOf` is after `dueDate`; paying on the due date itself is on time. */
export function isOverdue(dueDate: string, asOf: string): boolean {
  return assertIsoDate(asOf, 'asOf') > assertIsoDate(dueDate, 'dueDate');
}

/**
 * Personas Trabajadoras Independientes (PTI, docs/domain.md §5): pay by a day of the month, and
 * coverage starts on the first day of the month after the payment.
 * The deadline day is UNCONFIRMED: an IMSS official quoted day 20 (Dec 2025,
 * https://www.elmanana.com/local/reynosa/programa-de-personas-trabajadoras-independientes-del-imss/6066182),
 * another outlet says "the first 15 days" (https://migranoticias.com/?p=23263). So the day, and
 * whether a deadline on a non-business day moves forward as the employer deadlines do (CFF art. 12),
 * are a dated table the caller passes in.
 */
import { firstOfNextMonth } from '../../../shared/dates.ts';
import { assertIsoDate } from '../calendar/iso-date.ts';
import type { BusinessCalendar } from '../calendar/business-calendar.ts';
import { dayOfMonthAfter, parsePaymentPeriod } from './payment-period.ts';

export interface PtiPaymentRules {
  /** Day of the month by which that month's payment is due (1–28). */
  paymentDeadlineDay: number;
  /** Whether a deadline on a non-business day moves to the next business day. */
  rollForwardOnNonBusinessDay: boolean;
  status: 'CONFIRMED' | 'PARTIAL' | 'UNCONFIRMED';
  /** When the value was last checked against its sources. */
  checkedOn: string;
  sources: readonly string[];
}

export const PTI_PAYMENT_RULES: Readonly<PtiPaymentRules> = Object.freeze({
  paymentDeadlineDay: 20,
  rollForwardOnNonBusinessDay: true,
  status: 'UNCONFIRMED',
  checkedOn: '2026-12-01',
  sources: Object.freeze([
    'https://www.elmanana.com/local/reynosa/programa-de-personas-trabajadoras-independientes-del-imss/6066182',
    'https://migranoticias.com/?p=23263',
  ]),
});

/** The last day to pay for `period` ('YYYY-MM'), a month of PTI coverage paid within that month. */
export function ptiPaymentDeadline(period: string, config: PtiPaymentRules, calendar: BusinessCalendar): string {
  const day = dayOfMonthAfter(parsePaymentPeriod(period), 0, config.paymentDeadlineDay);
  return config.rollForwardOnNonBusinessDay ? calendar.nextBusinessDayOnOrAfter(day) : day;
}

/** PTI coverage paid on `paidOn` starts on the first day of the next month. */
export function coverageStartAfterPayment(paidOn: string): string {
  return firstOfNextMonth(assertIsoDate(paidOn, 'paidOn'));
}

/**
 * Payment due dates (LSS art. 39, docs/domain.md §5, §7). Weekdays checked against a printed
 * calendar: 17 May 2026 and 17 Jan 2027 are Sundays; 17 Mar 2025 and 17 Nov 2025 are rest-day
 * Mondays; 20 Jun 2026 is a Saturday.
 */
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../subgraphs/enrollments/rules/calendar/index.ts';
import {
  bimesterOf, bimonthlyDueDate, checkFamilyHealthPayment, coverageStartAfterPayment, employerMonthlyDueDate,
  familyHealthAnnualTerm, isOverdue, PaymentRuleError, PTI_PAYMENT_RULES, ptiPaymentDeadline,
} from '../../../subgraphs/enrollments/rules/payments/index.ts';

const calendar = createBusinessCalendar();

describe('employer monthly cuotas', () => {
  it('are due on day 17 of the following month', () => {
    expect(employerMonthlyDueDate('2026-01', calendar)).toBe('2026-02-17');
  });

  it('move to the Monday when day 17 is a Sunday, across the year end too', () => {
    expect(employerMonthlyDueDate('2026-04', calendar)).toBe('2026-05-18');
    expect(employerMonthlyDueDate('2026-12', calendar)).toBe('2027-01-18');
  });

  it('move past a rest-day Monday to the Tuesday', () => {
    expect(employerMonthlyDueDate('2025-02', calendar)).toBe('2025-03-18');
    expect(employerMonthlyDueDate('2025-10', calendar)).toBe('2025-11-18');
  });

  it('move past a day the institute declares non-business', () => {
    const closures = createBusinessCalendar({ extraNonBusinessDays: ['2026-02-17'], checkedOn: '2026-12-01' });
    expect(employerMonthlyDueDate('2026-01', closures)).toBe('2026-02-18');
  });

  it('refuse a malformed period with PAYMENT_PERIOD_FORMAT', () => {
    for (const period of ['2026-13', '2026-1', '2026-01-17', '']) {
      expect(() => employerMonthlyDueDate(period, calendar), period).toThrow(PaymentRuleError);
    }
    expect(() => employerMonthlyDueDate('2026-00', calendar)).toThrow(expect.objectContaining({ code: 'PAYMENT_PERIOD_FORMAT' }));
  });
});

describe('RCV and Infonavit by bimester', () => {
  it('either month of a bimester names it', () => {
    expect(bimesterOf('2026-03')).toEqual({ year: 2026, number: 2, firstMonth: '2026-03', lastMonth: '2026-04' });
    expect(bimesterOf('2026-04')).toEqual(bimesterOf('2026-03'));
    expect(bimesterOf('2026-12').number).toBe(6);
  });

  it('are due on day 17 of the month after the bimester', () => {
    expect(bimonthlyDueDate('2026-01', calendar)).toBe('2026-03-17');
    expect(bimonthlyDueDate('2026-02', calendar)).toBe('2026-03-17');
  });

  it('the November-December bimester is due in January, rolled past the Sunday', () => {
    expect(bimonthlyDueDate('2026-11', calendar)).toBe('2027-01-18');
  });

  it('roll past a rest-day Monday', () => {
    expect(bimonthlyDueDate('2025-01', calendar)).toBe('2025-03-18');
  });
});

describe('independent workers (PTI)', () => {
  it('keeps the deadline day as a dated, unconfirmed table (day 20 by default)', () => {
    expect(PTI_PAYMENT_RULES).toMatchObject({ paymentDeadlineDay: 20, status: 'UNCONFIRMED', checkedOn: '2026-12-01' });
    expect(PTI_PAYMENT_RULES.sources.length).toBeGreaterThan(1);
  });

  it('pay by day 20 of the month', () => {
    expect(ptiPaymentDeadline('2026-03', PTI_PAYMENT_RULES, calendar)).toBe('2026-03-20');
  });

  it('a deadline on a Saturday moves to Monday unless the table says otherwise', () => {
    expect(ptiPaymentDeadline('2026-06', PTI_PAYMENT_RULES, calendar)).toBe('2026-06-22');
    expect(ptiPaymentDeadline('2026-06', { ...PTI_PAYMENT_RULES, rollForwardOnNonBusinessDay: false }, calendar)).toBe('2026-06-20');
  });

  it('takes another day from the table (the "first 15 days" reading)', () => {
    // 15 March 2026 is a Sunday and 16 March a rest day.
    expect(ptiPaymentDeadline('2026-03', { ...PTI_PAYMENT_RULES, paymentDeadlineDay: 15 }, calendar)).toBe('2026-03-17');
  });

  it('coverage starts the first day of the month after the payment', () => {
    expect(coverageStartAfterPayment('2026-03-20')).toBe('2026-04-01');
    expect(coverageStartAfterPayment('2026-03-01')).toBe('2026-04-01');
    expect(coverageStartAfterPayment('2026-12-31')).toBe('2027-01-01');
  });
});

describe('overdue', () => {
  it('paying on the due date is on time; the day after is overdue', () => {
    expect(isOverdue('2026-02-17', '2026-02-16')).toBe(false);
    expect(isOverdue('2026-02-17', '2026-02-17')).toBe(false);
    expect(isOverdue('2026-02-17', '2026-02-18')).toBe(true);
  });
});

describe('family health insurance (modalidad 33)', () => {
  it('a term covers twelve months, to the day before the same date a year later', () => {
    expect(familyHealthAnnualTerm('2026-03-01')).toEqual({ start: '2026-03-01', end: '2027-02-28' });
    expect(familyHealthAnnualTerm('2027-03-01').end).toBe('2028-02-29');
    expect(familyHealthAnnualTerm('2028-02-29').end).toBe('2029-02-28');
  });

  it('is paid in advance: on or before the first day of the term', () => {
    expect(checkFamilyHealthPayment({ paidOn: '2026-02-15', coverageStart: '2026-03-01' })).toEqual([]);
    expect(checkFamilyHealthPayment({ paidOn: '2026-03-01', coverageStart: '2026-03-01' })).toEqual([]);
    expect(checkFamilyHealthPayment({ paidOn: '2026-03-02', coverageStart: '2026-03-01' }).map((i) => i.code)).toEqual(['FAMILY_HEALTH_PAYMENT_NOT_IN_ADVANCE']);
  });
});

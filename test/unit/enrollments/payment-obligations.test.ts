/**
 * What a payment reference is for (rules/payments/obligations.ts): PTI periods aligned on the
 * enrollment's start, family health years paid in advance, employer cuotas due day 17 (17 Mar 2025
 * is a rest-day Monday, 17 Jan 2026 a Saturday), late employer references, status and refusals.
 */
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../subgraphs/enrollments/rules/calendar/index.ts';
import {
  employerObligation, familyHealthObligation, independentWorkerObligation, paymentRefusal, PaymentRuleError, referenceStatus,
} from '../../../subgraphs/enrollments/rules/payments/index.ts';

const calendar = createBusinessCalendar();
const deadline20 = (start: string) => `${start.slice(0, 8)}20`.replace(/^(\d{4})-(\d{2})/, (_m, y: string, mo: string) => {
  const index = Number(y) * 12 + Number(mo) - 2; // the month before the period starts
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
});
const codeOf = (work: () => unknown) => {
  try {
    work();
    return null;
  } catch (error) {
    return error instanceof PaymentRuleError ? error.code : 'OTHER';
  }
};

describe('PTI obligations', () => {
  const semiannual = { id: 'e1', startDate: '2026-04-01', endDate: null, months: 6 };

  it('pays the period starting in the month named, due by the deadline of the month before', () => {
    expect(deadline20('2026-10-01')).toBe('2026-09-20');
    expect(independentWorkerObligation(semiannual, '2026-10', deadline20, '2026-09-01')).toEqual({
      concept: 'INDEPENDENT_WORKER_CONTRIBUTION', key: 'INDEPENDENT_WORKER_CONTRIBUTION:e1:2026-10', period: '2026-10',
      periodStart: '2026-10-01', periodEnd: '2027-03-31', dueDate: '2026-09-20', expiresOn: '2026-09-20',
    });
  });

  it('refuses a month that does not start a period, one before the enrollment, one after its end, and a passed deadline', () => {
    expect(codeOf(() => independentWorkerObligation(semiannual, '2026-07', deadline20, '2026-03-01'))).toBe('PAYMENT_PERIOD_NOT_PAYABLE');
    expect(codeOf(() => independentWorkerObligation(semiannual, '2025-10', deadline20, '2025-09-01'))).toBe('PAYMENT_PERIOD_NOT_PAYABLE');
    expect(codeOf(() => independentWorkerObligation({ ...semiannual, endDate: '2026-09-30' }, '2026-10', deadline20, '2026-09-01'))).toBe('PAYMENT_PERIOD_NOT_PAYABLE');
    expect(codeOf(() => independentWorkerObligation(semiannual, '2026-10', deadline20, '2026-09-21'))).toBe('PTI_PAYMENT_DEADLINE_PASSED');
    expect(codeOf(() => independentWorkerObligation(semiannual, '2026-13', deadline20, '2026-09-01'))).toBe('PAYMENT_PERIOD_FORMAT');
  });
});

describe('family health obligations', () => {
  const enrollment = { id: 'f1', startDate: '2026-04-01', endDate: '2027-03-31' };

  it('is the first year or, as a renewal, the year after the current end, due on its first day', () => {
    expect(familyHealthObligation(enrollment, false, '2026-03-10')).toMatchObject({ periodStart: '2026-04-01', periodEnd: '2027-03-31', dueDate: '2026-04-01', period: '2026-04' });
    expect(familyHealthObligation(enrollment, true, '2026-03-10')).toMatchObject({ periodStart: '2027-04-01', periodEnd: '2028-03-31', dueDate: '2027-04-01', key: 'FAMILY_HEALTH_FEE:f1:2027-04' });
  });

  it('is paid in advance: not once the year has started', () => {
    expect(familyHealthObligation(enrollment, false, '2026-04-01').dueDate).toBe('2026-04-01');
    expect(codeOf(() => familyHealthObligation(enrollment, false, '2026-04-02'))).toBe('FAMILY_HEALTH_PAYMENT_NOT_IN_ADVANCE');
  });
});

describe('employer obligations', () => {
  it('are due on day 17 of the next month, rolled forward, and expire then while on time', () => {
    expect(employerObligation('Y1234567101', '2025-02', calendar, '2025-03-01')).toMatchObject({ periodStart: '2025-02-01', periodEnd: '2025-02-28', dueDate: '2025-03-18', expiresOn: '2025-03-18' });
    expect(employerObligation('Y1234567101', '2025-12', calendar, '2026-01-05')).toMatchObject({ dueDate: '2026-01-19' });
  });

  it('stay payable to the end of the month a late reference is issued in', () => {
    expect(employerObligation('Y1234567101', '2025-12', calendar, '2026-02-03')).toMatchObject({ dueDate: '2026-01-19', expiresOn: '2026-02-28' });
  });

  it('cannot be issued for a month that has not started', () => {
    expect(codeOf(() => employerObligation('Y1234567101', '2026-04', calendar, '2026-03-31'))).toBe('PAYMENT_PERIOD_NOT_PAYABLE');
    expect(codeOf(() => employerObligation('Y1234567101', '2026-03', calendar, '2026-03-01'))).toBeNull();
  });
});

describe('status and refusals', () => {
  const reference = { amountCentavos: 1000, expiresOn: '2026-03-20', supersededAt: null };

  it('is PENDING through the expiry day, EXPIRED after it or once superseded, PAID once paid', () => {
    expect(referenceStatus(reference, false, '2026-03-20')).toBe('PENDING');
    expect(referenceStatus(reference, false, '2026-03-21')).toBe('EXPIRED');
    expect(referenceStatus({ ...reference, supersededAt: new Date('2026-03-10T00:00:00Z') }, false, '2026-03-10')).toBe('EXPIRED');
    expect(referenceStatus(reference, true, '2027-01-01')).toBe('PAID');
  });

  it('refuses in order: already paid, superseded, paid after expiry, another amount', () => {
    const ok = { amountCentavos: 1000, paidOn: '2026-03-20' };
    expect(paymentRefusal(reference, false, ok)).toBeNull();
    expect(paymentRefusal(reference, true, { ...ok, amountCentavos: 1 })?.code).toBe('PAYMENT_REFERENCE_ALREADY_PAID');
    expect(paymentRefusal({ ...reference, supersededAt: new Date() }, false, ok)?.code).toBe('PAYMENT_REFERENCE_EXPIRED');
    expect(paymentRefusal(reference, false, { ...ok, paidOn: '2026-03-21' })?.code).toBe('PAYMENT_REFERENCE_EXPIRED');
    expect(paymentRefusal(reference, false, { ...ok, amountCentavos: 1001 })).toMatchObject({ code: 'PAYMENT_AMOUNT_MISMATCH', details: { expected: 1000, paid: 1001 } });
  });
});

/**
 * Voluntary enrollment of independent workers (PTI) through the gateway on PostgreSQL: income
 * limits at their edges and across the 1 January / 1 February table changes, the payment deadline
 * across weekends and the year end, who may enroll whom, and one open enrollment per person.
 */
import { describe, expect } from 'vitest';
import { gql } from '../../support/graphql.ts';
import { testCurp } from '../../support/enrollments.ts';
import { enrollmentsTest as it } from './support.ts';
import type { As } from '../../support/fixtures.ts';

const QUOTE = gql`query($i: IndependentWorkerQuoteInput!) {
  independentWorkerQuote(input: $i) {
    coverageStart paymentDeadline
    contribution {
      period periodStart periodEnd months totalCentavos confirmed
      base { declaredMonthlyIncomeCentavos dailyBaseCentavos days daysPerMonth }
      lines { code share baseCentavos rate amountCentavos confirmed }
      breakdown { month umaDailyCentavos minimumWageDailyCentavos floorMonthlyCentavos ceilingMonthlyCentavos totalCentavos }
    }
  }
}`;
const ENROLL = gql`mutation($i: EnrollIndependentWorkerInput!) {
  enrollIndependentWorker(input: $i) {
    id kind modality startDate endDate country consulateId
    independentWorker { declaredMonthlyIncomeCentavos paymentPeriod wageZone firstPaymentDeadline coverageStart firstPeriod { totalCentavos months } }
  }
}`;
const STAFF = { purpose: 'VOLUNTARY_ENROLLMENT:window-1' };
/** Staff serving this worker: the worker's appointment at their office, checked in today, is the case. */
const staffOnCaseOf = (as: As, curp: string, role: 'CONSULATE_STAFF' | 'IMSS_OFFICER' = 'CONSULATE_STAFF') => as(role, { ...STAFF, caseFor: curp });
const quoteOf = (income: number, extra: Record<string, unknown> = {}) => ({ i: { declaredMonthlyIncomeCentavos: income, paymentPeriod: 'MONTHLY', ...extra } });
const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;

describe('enrollments: PTI contribution quotes', () => {
  it('quotes a month line by line with the values in force, coverage from the first of next month', async ({ clock, as }) => {
    clock.set('2026-03-10');
    const res = await as('ANONYMOUS').query(QUOTE, quoteOf(1_500_000));
    expect(res.errors).toBeUndefined();
    const quote = res.data?.independentWorkerQuote;
    expect(quote).toMatchObject({ coverageStart: '2026-04-01', paymentDeadline: '2026-03-20' });
    expect(quote.contribution).toMatchObject({ period: 'MONTHLY', periodStart: '2026-04-01', periodEnd: '2026-04-30', months: 1, confirmed: false });
    expect(quote.contribution.breakdown).toEqual([expect.objectContaining({ month: '2026-04-01', umaDailyCentavos: 11_731, minimumWageDailyCentavos: 31_504, floorMonthlyCentavos: 957_722, ceilingMonthlyCentavos: 8_915_560 })]);
    const lines = quote.contribution.lines as Array<{ code: string; baseCentavos: number; rate: string; amountCentavos: number }>;
    expect(lines.find((l) => l.code === 'IV_PATRON')).toEqual(expect.objectContaining({ baseCentavos: 1_500_000, rate: '0.0175', amountCentavos: 26_250 }));
    expect(quote.contribution.totalCentavos).toBe(lines.reduce((sum, l) => sum + l.amountCentavos, 0));
  });

  it('accepts an income exactly at the floor and refuses one centavo less, naming the limits in force', async ({ clock, as }) => {
    clock.set('2026-03-10');
    expect((await as('ANONYMOUS').query(QUOTE, quoteOf(957_722))).errors).toBeUndefined();
    const refused = await as('ANONYMOUS').query(QUOTE, quoteOf(957_721));
    expect(codeOf(refused)).toBe('INCOME_BELOW_MINIMUM');
    expect(refused.errors?.[0]?.message).toContain('$9,577.22');
    expect(refused.errors?.[0]?.extensions?.issues).toEqual([expect.objectContaining({ details: expect.objectContaining({ month: '2026-04-01', floor: 957_722, ceiling: 8_915_560 }) })]);
  });

  it('accepts an income exactly at 25 UMA and refuses one centavo more', async ({ clock, as }) => {
    clock.set('2026-03-10');
    expect((await as('ANONYMOUS').query(QUOTE, quoteOf(8_915_560))).errors).toBeUndefined();
    const refused = await as('ANONYMOUS').query(QUOTE, quoteOf(8_915_561));
    expect(codeOf(refused)).toBe('INCOME_ABOVE_CEILING');
    expect(refused.errors?.[0]?.message).toContain('$89,155.60');
  });

  it('computes each month of a semiannual period with its own values across 1 January and 1 February', async ({ clock, as }) => {
    clock.set('2025-10-10');
    const res = await as('ANONYMOUS').query(QUOTE, quoteOf(1_500_000, { paymentPeriod: 'SEMIANNUAL' }));
    expect(res.errors).toBeUndefined();
    const { breakdown, lines, periodEnd } = res.data?.independentWorkerQuote.contribution;
    expect(periodEnd).toBe('2026-04-30');
    expect(breakdown.map((m: { month: string; umaDailyCentavos: number; minimumWageDailyCentavos: number }) => [m.month, m.umaDailyCentavos, m.minimumWageDailyCentavos])).toEqual([
      ['2025-11-01', 11_314, 27_880], ['2025-12-01', 11_314, 27_880], ['2026-01-01', 11_314, 31_504],
      ['2026-02-01', 11_731, 31_504], ['2026-03-01', 11_731, 31_504], ['2026-04-01', 11_731, 31_504],
    ]);
    // The UMA-based line changes on 1 February, the banded employer rate on 1 January.
    expect(lines.find((l: { code: string }) => l.code === 'EM_CUOTA_FIJA').rate).toBe('0.204');
    expect(lines.find((l: { code: string }) => l.code === 'CYV_PATRON').rate).toBeNull();
  });

  it('refuses an income above the 2025 floor that the 2026 floor of a later month of the period does not allow', async ({ clock, as }) => {
    clock.set('2025-10-10');
    const refused = await as('ANONYMOUS').query(QUOTE, quoteOf(900_000, { paymentPeriod: 'SEMIANNUAL' }));
    expect(codeOf(refused)).toBe('INCOME_BELOW_MINIMUM');
    expect((refused.errors?.[0]?.extensions?.issues as Array<{ details: { month: string } }>).map((i) => i.details.month)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01']);
  });

  it('moves a deadline on a Saturday to Monday, across the year end', async ({ clock, as }) => {
    // 20 December 2025 is a Saturday: the payment for January is due on Monday 22 December.
    clock.set('2025-12-22');
    expect((await as('ANONYMOUS').query(QUOTE, quoteOf(1_500_000))).data?.independentWorkerQuote).toMatchObject({ coverageStart: '2026-01-01', paymentDeadline: '2025-12-22' });
    clock.set('2025-12-23');
    expect((await as('ANONYMOUS').query(QUOTE, quoteOf(1_500_000))).data?.independentWorkerQuote).toMatchObject({ coverageStart: '2026-02-01', paymentDeadline: '2026-01-20' });
  });

  it('refuses a coverage start whose payment deadline has passed, and names the earliest one', async ({ clock, as }) => {
    clock.set('2025-12-23');
    const res = await as('ANONYMOUS').query(QUOTE, quoteOf(1_500_000, { coverageStart: '2026-01-01' }));
    expect(codeOf(res)).toBe('PTI_PAYMENT_DEADLINE_PASSED');
    expect(res.errors?.[0]?.extensions).toMatchObject({ paymentDeadline: '2025-12-22', earliestCoverageStart: '2026-02-01' });
  });

  it('names the missing table when a month of the period has no value in force', async ({ clock, as }) => {
    // Payment by Monday 21 December 2026 (the 20th is a Sunday) for January 2027: no minimum wage yet.
    clock.set('2026-12-21');
    const res = await as('ANONYMOUS').query(QUOTE, quoteOf(1_500_000));
    expect(codeOf(res)).toBe('REFERENCE_TABLE_MISSING');
    expect(res.errors?.[0]?.extensions).toMatchObject({ table: 'MINIMUM_WAGE', date: '2027-01-01' });
  });
});

describe('enrollments: PTI enrollment', () => {
  it('consulate staff with a purpose enroll a worker abroad at their own consulate, audited with the purpose', async ({ system, clock, as }) => {
    clock.set('2026-03-10');
    const curp = testCurp(1);
    const res = await staffOnCaseOf(as, curp).query(ENROLL, { i: { curp, declaredMonthlyIncomeCentavos: 1_200_000, paymentPeriod: 'MONTHLY', country: 'us' } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.enrollIndependentWorker).toMatchObject({
      kind: 'INDEPENDENT_WORKER', modality: '44', startDate: '2026-04-01', endDate: null, country: 'US', consulateId: 'CON-LAX',
      independentWorker: { declaredMonthlyIncomeCentavos: 1_200_000, paymentPeriod: 'MONTHLY', wageZone: 'GENERAL', firstPaymentDeadline: '2026-03-20', coverageStart: '2026-04-01', firstPeriod: { months: 1 } },
    });
    const audit = await system.db.database.sql`select action, what, purpose, actor_role from audit.access_events where subject_curp = ${curp} and action = 'WRITE'`;
    expect(audit).toEqual([{ action: 'WRITE', what: 'enrollIndependentWorker', purpose: STAFF.purpose, actor_role: 'CONSULATE_STAFF' }]);
  });

  it('refuses staff without a declared purpose, and writes nothing', async ({ system, clock, as }) => {
    clock.set('2026-03-10');
    const curp = testCurp(2);
    const res = await as('CONSULATE_STAFF').query(ENROLL, { i: { curp, declaredMonthlyIncomeCentavos: 1_200_000, paymentPeriod: 'MONTHLY', country: 'US' } });
    expect(codeOf(res)).toBe('PURPOSE_REQUIRED');
    expect(await system.db.database.sql`select 1 from enrollments.enrollments where curp = ${curp}`).toHaveLength(0);
  });

  it('refuses a second open enrollment of the same person, and writes nothing', async ({ system, clock, as }) => {
    clock.set('2026-03-10');
    const curp = testCurp(3);
    const input = { curp, declaredMonthlyIncomeCentavos: 1_200_000, paymentPeriod: 'MONTHLY', country: 'US' };
    expect((await staffOnCaseOf(as, curp).query(ENROLL, { i: input })).errors).toBeUndefined();
    const again = await staffOnCaseOf(as, curp, 'IMSS_OFFICER').query(ENROLL, { i: { ...input, coverageStart: '2026-05-01' } });
    expect(codeOf(again)).toBe('PTI_ENROLLMENT_ALREADY_OPEN');
    expect(await system.db.database.sql`select 1 from enrollments.independent_worker_enrollments d join enrollments.enrollments e on e.id = d.enrollment_id where e.curp = ${curp}`).toHaveLength(1);
  });

  it('refuses an income out of range before anything is written', async ({ system, clock, as }) => {
    clock.set('2026-03-10');
    const curp = testCurp(4);
    const res = await staffOnCaseOf(as, curp).query(ENROLL, { i: { curp, declaredMonthlyIncomeCentavos: 500_000, paymentPeriod: 'MONTHLY', country: 'US' } });
    expect(codeOf(res)).toBe('INCOME_BELOW_MINIMUM');
    expect(await system.db.database.sql`select 1 from enrollments.enrollments where curp = ${curp}`).toHaveLength(0);
  });

  it('lets ten concurrent requests for one person open exactly one enrollment', async ({ system, clock, as }) => {
    clock.set('2026-03-10');
    const curp = testCurp(5);
    const staff = staffOnCaseOf(as, curp);
    const results = await Promise.all(Array.from({ length: 10 }, () =>
      staff.query(ENROLL, { i: { curp, declaredMonthlyIncomeCentavos: 1_200_000, paymentPeriod: 'MONTHLY', country: 'US' } })));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors).map(codeOf)).toEqual(Array(9).fill('PTI_ENROLLMENT_ALREADY_OPEN'));
    expect(await system.db.database.sql`select 1 from enrollments.enrollments where curp = ${curp} and end_date is null`).toHaveLength(1);
  });

  it('an insured person enrolls themself and sees their own enrollment; another insured person sees nothing', async ({ system, clock, as }) => {
    clock.set('2026-03-10');
    const mine = await as('INSURED').query(ENROLL, { i: { declaredMonthlyIncomeCentavos: 2_000_000, paymentPeriod: 'SEMIANNUAL', country: 'MX' } });
    expect(mine.errors).toBeUndefined();
    const me = await as('INSURED').query(gql`{ me { enrollments { kind independentWorker { paymentPeriod firstPeriod { months } } } } }`);
    expect(me.data?.me.enrollments).toContainEqual({ kind: 'INDEPENDENT_WORKER', independentWorker: { paymentPeriod: 'SEMIANNUAL', firstPeriod: { months: 6 } } });
    const other = await as('INSURED', { claims: { curp: system.pensionerCurp } }).query(gql`query($c: Curp!) { person(curp: $c) { enrollments { kind } } }`, { c: system.insuredCurp });
    expect(other.data?.person ?? null).toBeNull();
    const forOther = await as('INSURED', { claims: { curp: system.pensionerCurp } }).query(ENROLL, { i: { curp: system.insuredCurp, declaredMonthlyIncomeCentavos: 2_000_000, paymentPeriod: 'MONTHLY', country: 'MX' } });
    expect(codeOf(forOther)).toBe('NOT_FOUND');
  });
});

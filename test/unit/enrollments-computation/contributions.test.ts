/** PTI contributions: base limits, line-by-line amounts, rounding, periods across table changes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PtiContributionInput } from '../../../subgraphs/enrollments/rules/contributions/index.ts';
import { contributionLimits, ptiContribution } from '../../../subgraphs/enrollments/rules/contributions/index.ts';
import { MINIMUM_WAGE_TABLE, MissingReferenceValue, PTI_RATE_TABLE, UMA_TABLE } from '../../../subgraphs/enrollments/rules/reference/index.ts';

const tables = { uma: UMA_TABLE, minimumWage: MINIMUM_WAGE_TABLE, rates: PTI_RATE_TABLE };
const march2026 = (declaredMonthlyIncome: number, extra: Partial<PtiContributionInput> = {}): PtiContributionInput =>
  ({ declaredMonthlyIncome, zone: 'GENERAL', period: 'MONTHLY', periodStart: '2026-03-01', ...extra });

function quote(input: PtiContributionInput, options = {}) {
  const result = ptiContribution(input, tables, options);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '));
  return result;
}
const lineOf = (q: ReturnType<typeof quote>, code: string) => q.lines.find((l) => l.code === code)!;

describe('contribution base limits (LSS art. 28)', () => {
  it('caps the daily base at 25 UMA: 2,828.50 until 31 Jan 2026, 2,932.75 from 1 Feb 2026', () => {
    expect(contributionLimits('2026-01-31', 'GENERAL', tables).ceilingDaily).toBe(282850);
    expect(contributionLimits('2026-02-01', 'GENERAL', tables).ceilingDaily).toBe(293275);
  });

  it('converts the daily limits to monthly with 30.4 days by default', () => {
    expect(contributionLimits('2025-03-01', 'GENERAL', tables)).toMatchObject({ floorMonthly: 847552, ceilingMonthly: 8598640 });
    expect(contributionLimits('2026-03-01', 'GENERAL', tables)).toMatchObject({ floorMonthly: 957722, ceilingMonthly: 8915560 });
    expect(contributionLimits('2026-03-01', 'NORTHERN_BORDER', tables).floorMonthly).toBe(1340245);
  });

  it('uses a configured number of days per month and refuses one outside 28–31', () => {
    expect(contributionLimits('2026-03-01', 'GENERAL', tables, 30)).toMatchObject({ floorMonthly: 945120, ceilingMonthly: 8798250 });
    expect(() => contributionLimits('2026-03-01', 'GENERAL', tables, 304)).toThrow(RangeError);
  });
});

describe('declared income validation', () => {
  it('accepts the floor and the ceiling themselves', () => {
    expect(ptiContribution(march2026(957722), tables).ok).toBe(true);
    expect(ptiContribution(march2026(8915560), tables).ok).toBe(true);
  });

  it('returns INCOME_BELOW_MINIMUM one centavo under the floor, with both limits', () => {
    const result = ptiContribution(march2026(957721), tables);
    expect(result).toMatchObject({ ok: false, issues: [{ code: 'INCOME_BELOW_MINIMUM', details: { month: '2026-03-01', floor: 957722, ceiling: 8915560, zone: 'GENERAL' } }] });
    if (!result.ok) {
      expect(result.issues[0]?.message).toContain('9,577.22');
      expect(result.issues[0]?.message).toContain('89,155.60');
    }
  });

  it('returns INCOME_ABOVE_CEILING one centavo over the ceiling, with both limits', () => {
    expect(ptiContribution(march2026(8915561), tables)).toMatchObject({ ok: false, issues: [{ code: 'INCOME_ABOVE_CEILING', details: { floor: 957722, ceiling: 8915560 } }] });
  });

  it('applies the floor of the zone', () => {
    expect(ptiContribution(march2026(1000000), tables).ok).toBe(true);
    expect(ptiContribution(march2026(1000000, { zone: 'NORTHERN_BORDER' }), tables)).toMatchObject({ ok: false, issues: [{ code: 'INCOME_BELOW_MINIMUM', details: { floor: 1340245 } }] });
  });

  it('checks every month covered, so a period crossing 1 January meets the new minimum wage', () => {
    const result = ptiContribution({ declaredMonthlyIncome: 847552, zone: 'GENERAL', period: 'SEMIANNUAL', periodStart: '2025-10-01' }, tables);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.details?.month)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
  });

  it('lets the days per month decide the floor', () => {
    expect(ptiContribution(march2026(950000), tables).ok).toBe(false);
    expect(ptiContribution(march2026(950000), tables, { daysPerMonth: '30' }).ok).toBe(true);
  });

  it('refuses a period that does not start on the 1st and an income that is not whole centavos', () => {
    expect(ptiContribution(march2026(2000000, { periodStart: '2026-03-15' }), tables)).toMatchObject({ ok: false, issues: [{ code: 'PERIOD_START_INVALID' }] });
    expect(ptiContribution(march2026(2000000.5), tables)).toMatchObject({ ok: false, issues: [{ code: 'INCOME_INVALID' }] });
  });
});

describe('monthly contribution, line by line', () => {
  const q = quote(march2026(2000000));

  it('states the base: income, daily base and days', () => {
    expect(q.base).toEqual({ declaredMonthlyIncome: 2000000, dailyBase: 65789, days: 30.4, daysPerMonth: '30.4' });
    expect(q).toMatchObject({ period: 'MONTHLY', months: 1, periodStart: '2026-03-01', periodEnd: '2026-03-31' });
  });

  it('computes the fixed quota on the monthly UMA and the surplus above 3 UMA', () => {
    expect(lineOf(q, 'EM_CUOTA_FIJA')).toMatchObject({ base: 356622, rate: '0.204', amount: 72751 });
    expect(lineOf(q, 'EM_EXCEDENTE_PATRON')).toMatchObject({ base: 930133, rate: '0.011', amount: 10231 });
    expect(lineOf(q, 'EM_EXCEDENTE_OBRERO')).toMatchObject({ base: 930133, rate: '0.004', amount: 3721 });
  });

  it('charges the independent worker both the employer and the worker share', () => {
    expect(lineOf(q, 'IV_PATRON')).toMatchObject({ share: 'EMPLOYER', base: 2000000, amount: 35000 });
    expect(lineOf(q, 'IV_OBRERO')).toMatchObject({ share: 'WORKER', base: 2000000, amount: 12500 });
    expect(lineOf(q, 'CYV_PATRON')).toMatchObject({ rate: '0.07513', amount: 150260 });
    expect(lineOf(q, 'INFONAVIT')).toMatchObject({ rate: '0.05', amount: 100000 });
  });

  it('totals 5,244.63 for 20,000.00 declared in March 2026, flagged unconfirmed', () => {
    expect(q.total).toBe(524463);
    expect(q.confirmed).toBe(false);
    expect(q.lines).toHaveLength(15);
  });

  it('rounds each line half-up to the centavo', () => {
    const r = quote(march2026(2000200));
    expect(lineOf(r, 'EM_DINERO_OBRERO').amount).toBe(5001); // 5,000.5 centavos
    expect(lineOf(r, 'EM_PENSIONADOS_OBRERO').amount).toBe(7501); // 7,500.75 centavos
  });

  it('applies the banded cesantía rate: minimum-wage rate at the floor, UMA bands above it', () => {
    expect(lineOf(quote(march2026(957722)), 'CYV_PATRON').rate).toBe('0.0315');
    expect(lineOf(quote(march2026(957723)), 'CYV_PATRON').rate).toBe('0.06026');
    // 3 monthly UMAs are 10,698.672; the 2.51–3.00 band ends there.
    expect(lineOf(quote(march2026(1069867)), 'CYV_PATRON').rate).toBe('0.06026');
    expect(lineOf(quote(march2026(1069868)), 'CYV_PATRON').rate).toBe('0.06361');
  });

  it('never charges less for a higher income (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 957722, max: 8915560 }), fc.integer({ min: 957722, max: 8915560 }), (a, b) => {
      const [low, high] = a <= b ? [a, b] : [b, a];
      expect(quote(march2026(low)).total).toBeLessThanOrEqual(quote(march2026(high)).total);
    }), { numRuns: 200 });
  });
});

describe('semiannual and annual payments', () => {
  const q = quote({ declaredMonthlyIncome: 2000000, zone: 'GENERAL', period: 'SEMIANNUAL', periodStart: '2025-11-01' });

  it('covers six months, each with the tables in force on its first day', () => {
    expect(q).toMatchObject({ months: 6, periodEnd: '2026-04-30' });
    expect(q.base.days).toBe(182.4);
    expect(q.breakdown.map((m) => [m.month, m.umaDaily, m.minimumWageDaily])).toEqual([
      ['2025-11-01', 11314, 27880], ['2025-12-01', 11314, 27880], ['2026-01-01', 11314, 31504],
      ['2026-02-01', 11731, 31504], ['2026-03-01', 11731, 31504], ['2026-04-01', 11731, 31504],
    ]);
  });

  it('uses both UMA values across 1 February', () => {
    expect(lineOf(q, 'EM_CUOTA_FIJA')).toMatchObject({ base: 3 * 343946 + 3 * 356622, rate: '0.204', amount: 3 * 70165 + 3 * 72751 });
    expect(lineOf(q, 'EM_EXCEDENTE_PATRON').amount).toBe(3 * 10650 + 3 * 10231);
  });

  it('reports a rate that changes inside the period as null, with each month in the breakdown', () => {
    expect(lineOf(q, 'CYV_PATRON')).toMatchObject({ rate: null, amount: 2 * 128440 + 4 * 150260 });
    expect(q.breakdown.map((m) => m.lines.find((l) => l.code === 'CYV_PATRON')?.rate)).toEqual(['0.06422', '0.06422', '0.07513', '0.07513', '0.07513', '0.07513']);
  });

  it('makes the total the sum of the lines and of the months', () => {
    expect(q.total).toBe(q.lines.reduce((s, l) => s + l.amount, 0));
    expect(q.total).toBe(q.breakdown.reduce((s, m) => s + m.total, 0));
  });

  it('throws REFERENCE_TABLE_MISSING when a covered month has no minimum wage yet', () => {
    const annual = { declaredMonthlyIncome: 2000000, zone: 'GENERAL', period: 'ANNUAL', periodStart: '2026-02-01' } as const;
    expect(() => ptiContribution(annual, tables)).toThrow(MissingReferenceValue);
    try { ptiContribution(annual, tables); } catch (error) {
      expect((error as MissingReferenceValue).details).toEqual({ table: 'MINIMUM_WAGE', date: '2027-01-01' });
    }
  });

  it('computes a full year inside the seeded tables', () => {
    const year = quote({ declaredMonthlyIncome: 2000000, zone: 'GENERAL', period: 'ANNUAL', periodStart: '2026-01-01' });
    expect(year.months).toBe(12);
    expect(year.breakdown.filter((m) => m.umaDaily === 11314)).toHaveLength(1);
    expect(year.periodEnd).toBe('2026-12-31');
  });
});

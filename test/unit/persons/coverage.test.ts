/**
 * Coverage over all sources (docs/domain.md §8), with the cases a domain review found wrong when
 * only the last period was looked at. Dates are hand-computed: a baja on day D keeps rights from
 * D+1 to D+56.
 */
import { describe, expect, it } from 'vitest';
import { computeCoverage, coverageValidity, type PeriodKind } from '../../../subgraphs/persons/rules/index.ts';

const period = (start: string, end: string | null, kind: PeriodKind = 'EMPLOYMENT') => ({ start, end, kind });
const child = { relationship: 'CHILD', birthDate: '2015-06-01', livesInHousehold: true } as const;

describe('coverage over all periods', () => {
  it('an employment baja stays preserved although a later family health period has ended', () => {
    const periods = [period('2020-01-01', '2026-10-15'), period('2025-11-01', '2026-11-01', 'FAMILY_HEALTH')];
    expect(computeCoverage(periods, { asOf: '2026-11-20' })).toMatchObject({ status: 'PRESERVED', validUntil: '2026-12-10' });
  });

  it("an earlier baja's window covers the day although a short later job ended", () => {
    const periods = [period('2026-01-01', '2026-10-01'), period('2026-10-20', '2026-11-10')];
    expect(computeCoverage(periods, { asOf: '2026-11-20' })).toMatchObject({ status: 'PRESERVED', validUntil: '2026-11-26' });
  });

  it('a short job alone opens no window (fewer than 8 uninterrupted weeks)', () => {
    expect(computeCoverage([period('2026-10-20', '2026-11-10')], { asOf: '2026-11-20' })).toMatchObject({ status: 'EXPIRED', validUntil: '2026-11-10' });
  });

  it('a job that goes on in another period is no baja', () => {
    const periods = [period('2025-01-01', '2026-06-30'), period('2026-07-01', null)];
    const { sources, status } = computeCoverage(periods, { asOf: '2026-11-20' });
    expect(status).toBe('ACTIVE');
    expect(sources.map((s) => s.kind)).toEqual(['EMPLOYMENT', 'EMPLOYMENT']);
  });

  it('validUntil is the last day of the stretch that covers today (employment, then its window)', () => {
    expect(computeCoverage([period('2025-01-01', '2026-12-31')], { asOf: '2026-11-20' })).toMatchObject({ status: 'ACTIVE', validUntil: '2027-02-25' });
  });
});

describe('continuación voluntaria (modalidad 40) gives no medical coverage', () => {
  it('to the holder', () => {
    expect(computeCoverage([period('2024-01-01', null, 'VOLUNTARY_CONTINUATION')], { asOf: '2026-11-20' }).status).toBe('EXPIRED');
  });

  it('nor to beneficiaries', () => {
    const result = coverageValidity([period('2024-01-01', null, 'VOLUNTARY_CONTINUATION')], [child], { asOf: '2026-11-20' });
    expect(result.beneficiaries.map((b) => b.status)).toEqual(['EXPIRED']);
  });
});

describe('family health insurance covers only the member enrolled in it', () => {
  it('covers the holder but not the beneficiaries through them', () => {
    const result = coverageValidity([period('2026-03-01', '2027-02-28', 'FAMILY_HEALTH')], [child], { asOf: '2026-11-20' });
    expect(result.status).toBe('ACTIVE');
    expect(result.beneficiaries[0]).toMatchObject({ status: 'EXPIRED' });
    expect(result.beneficiaries[0]!.reason).toMatch(/family health insurance.*own record/);
  });

  it('while employment next to it still covers them', () => {
    const result = coverageValidity([period('2026-03-01', '2027-02-28', 'FAMILY_HEALTH'), period('2020-01-01', null)], [child], { asOf: '2026-11-20' });
    expect(result.beneficiaries[0]).toMatchObject({ status: 'ACTIVE' });
  });
});

describe('a pension in payment is a source of coverage', () => {
  it('covers a pensioner with no enrollment, and their beneficiaries', () => {
    const result = coverageValidity([], [child], { asOf: '2026-11-20', pension: { start: '2015-06-01', suspendedFrom: null } });
    expect(result).toMatchObject({ status: 'ACTIVE', validUntil: null });
    expect(result.sources).toEqual([{ kind: 'PENSION', from: '2015-06-01', until: null, coversBeneficiaries: true }]);
    expect(result.beneficiaries[0]).toMatchObject({ status: 'ACTIVE' });
  });

  it('ends when the pension is suspended', () => {
    expect(computeCoverage([], { asOf: '2026-11-20', pension: { start: '2015-06-01', suspendedFrom: '2026-09-01' } })).toMatchObject({ status: 'EXPIRED', validUntil: '2026-08-31' });
  });
});

describe("a beneficiary's validUntil is their last covered day", () => {
  it("a child's coverage ends the day before the 16th birthday", () => {
    const result = coverageValidity([period('2020-01-01', null)], [child], { asOf: '2026-11-20' });
    expect(result.beneficiaries[0]).toMatchObject({ status: 'ACTIVE', validUntil: '2031-05-31' });
  });
});

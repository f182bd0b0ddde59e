/** Statistics tables from summary counts (a fake repository): categories, suppression, growth. */
import { describe, expect, it } from 'vitest';
import type { EnrollmentsRepository } from '../../../subgraphs/enrollments/repository.ts';
import { publishedStatistics } from '../../../subgraphs/enrollments/statistics/published-table.ts';

let databases = 0;
/** A fake summary: its change count is its own unless given, as two databases' would differ. */
function repository(rows: Array<{ values: string[]; count: number }>, seen: unknown[] = [], changes = `database-${++databases}`): EnrollmentsRepository {
  const fake: Pick<EnrollmentsRepository, 'statisticsCounts' | 'statisticsChanges'> = {
    statisticsChanges: async () => changes,
    statisticsCounts: async (...args) => { seen.push(args); return rows; },
  };
  return fake as EnrollmentsRepository;
}

describe('published statistics', () => {
  it('lists every programme, band and sex even without counts, and names a window-less enrollment NONE', async () => {
    const table = await publishedStatistics({ dimensions: ['CONSULATE', 'SEX'], measure: 'ENROLLMENTS', year: null }, repository([
      { values: ['', 'H'], count: 40 }, { values: ['', 'M'], count: 35 }, { values: ['CON-LAX', 'H'], count: 12 }, { values: ['CON-LAX', 'M'], count: 15 },
    ]));
    // Cells in the rules' order: the first dimension varies fastest.
    expect(table.cells.map((c) => c.key.map((k) => k.value).join('/'))).toEqual(['CON-LAX/H', 'NONE/H', 'CON-LAX/M', 'NONE/M', 'CON-LAX/X', 'NONE/X']);
    expect(table.grandTotal).toMatchObject({ count: 102, suppressed: false });
    expect(table.cells.find((c) => c.key[1]!.value === 'X')).toMatchObject({ count: 0, suppressed: false });
  });

  it('withholds a small cell and its complement in the same line', async () => {
    const table = await publishedStatistics({ dimensions: ['PROGRAM'], measure: 'ENROLLMENTS', year: null }, repository([
      { values: ['EMPLOYMENT'], count: 50 }, { values: ['INDEPENDENT_WORKER'], count: 20 }, { values: ['VOLUNTARY_CONTINUATION'], count: 3 },
    ]));
    expect(table.cells.map((c) => [c.key[0]!.value, c.count])).toEqual([['EMPLOYMENT', 50], ['INDEPENDENT_WORKER', null], ['FAMILY_HEALTH', 0], ['VOLUNTARY_CONTINUATION', null]]);
  });

  it('gives a year the twelve months, and growth only between two published months', async () => {
    const seen: unknown[] = [];
    const table = await publishedStatistics({ dimensions: ['MONTH'], measure: 'ENROLLMENTS', year: 2025 }, repository([
      { values: ['2025-01'], count: 30 }, { values: ['2025-02'], count: 42 }, { values: ['2025-03'], count: 4 }, { values: ['2025-04'], count: 20 }, { values: ['2025-05'], count: 25 },
    ], seen));
    expect(seen).toEqual([[['MONTH'], 'ENROLLMENTS', 2025]]);
    expect(table.cells).toHaveLength(12);
    expect(table.cells.slice(0, 6).map((c) => [c.count, c.growth])).toEqual([[30, null], [42, 12], [null, null], [null, null], [25, null], [0, -25]]);
  });

  it('reads the summary again only once it has changed, and then publishes the new counts', async () => {
    const seen: unknown[] = [];
    const request = { dimensions: ['AGE_BAND' as const], measure: 'ENROLLMENTS' as const, year: null };
    const unchanged = repository([{ values: ['30-39'], count: 40 }], seen, 'changes-7');
    const first = await publishedStatistics(request, unchanged);
    expect(await publishedStatistics(request, unchanged)).toBe(first);
    expect(seen).toHaveLength(1);
    const changed = repository([{ values: ['30-39'], count: 41 }], seen, 'changes-8');
    const second = await publishedStatistics(request, changed);
    expect(seen).toHaveLength(2);
    expect(second.grandTotal.count).toBe(41);
    expect(first.grandTotal.count).toBe(40);
  });

  it('refuses an invalid year or a repeated dimension with stable codes', async () => {
    await expect(publishedStatistics({ dimensions: ['MONTH'], measure: 'ENROLLMENTS', year: 12 }, repository([]))).rejects.toMatchObject({ extensions: { code: 'STATISTICS_YEAR_INVALID' } });
    await expect(publishedStatistics({ dimensions: ['SEX', 'SEX'], measure: 'ENROLLMENTS', year: null }, repository([]))).rejects.toMatchObject({ extensions: { code: 'STATISTICS_DIMENSIONS_INVALID' } });
  });
});

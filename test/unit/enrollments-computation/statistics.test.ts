/** Small-cell and secondary suppression of published statistics: structure, rules, zeros, input errors. */
import { describe, expect, it } from 'vitest';
import type { PublishedTable } from '../../../subgraphs/enrollments/rules/statistics/index.ts';
import { StatisticsInputError, suppressCounts } from '../../../subgraphs/enrollments/rules/statistics/index.ts';

const oneDim = (counts: Record<string, number>) => ({
  dimensions: ['consulate'],
  rows: Object.entries(counts).map(([consulate, count]) => ({ key: { consulate }, count })),
});

function cell(table: PublishedTable, key: Record<string, string>) {
  const found = table.cells.find((c) => Object.entries(key).every(([d, v]) => c.key[d] === v));
  if (!found) throw new Error(`no cell ${JSON.stringify(key)}`);
  return found;
}

function grid(rows: number[][]) {
  return {
    dimensions: ['program', 'sex'],
    rows: rows.flatMap((values, r) => values.map((count, c) => ({ key: { program: `p${r}`, sex: `s${c}` }, count }))),
  };
}

describe('primary suppression', () => {
  it('withholds counts from 1 to k−1 and publishes k (default k = 10)', () => {
    const out = suppressCounts(oneDim({ a: 9, b: 10, c: 1, d: 50 }), { secondary: 'NONE' });
    expect(cell(out, { consulate: 'a' })).toEqual({ key: { consulate: 'a' }, count: null, suppressed: true });
    expect(cell(out, { consulate: 'b' })).toEqual({ key: { consulate: 'b' }, count: 10, suppressed: false });
    expect(cell(out, { consulate: 'c' }).suppressed).toBe(true);
    expect(cell(out, { consulate: 'd' }).count).toBe(50);
  });

  it('uses the configured k', () => {
    const out = suppressCounts(oneDim({ a: 9, b: 4, c: 40 }), { k: 5, secondary: 'NONE' });
    expect(cell(out, { consulate: 'a' }).count).toBe(9);
    expect(cell(out, { consulate: 'b' }).suppressed).toBe(true);
  });

  it('also withholds a small marginal total', () => {
    const out = suppressCounts(grid([[3, 4], [20, 30]]), { secondary: 'NONE' });
    const total = out.totals.find((t) => t.key.program === 'p0' && t.over.join() === 'sex');
    expect(total).toMatchObject({ count: null, suppressed: true });
  });
});

describe('secondary suppression by lines', () => {
  it('withholds the smallest visible non-zero cell of a line with one withheld cell', () => {
    const out = suppressCounts(oneDim({ a: 5, b: 30, c: 40 }));
    expect(out.cells.map((c) => c.count)).toEqual([null, null, 40]);
    expect(out.grandTotal).toMatchObject({ count: 75, suppressed: false });
  });

  it('withholds the total when the line has no other non-zero cell, and publishes the zeros', () => {
    const out = suppressCounts(oneDim({ a: 5, b: 0, c: 0 }));
    expect(out.cells.map((c) => [c.count, c.suppressed])).toEqual([[null, true], [0, false], [0, false]]);
    expect(out.grandTotal).toMatchObject({ count: null, suppressed: true });
  });

  it('protects a withheld row total within the line of row totals and the grand total', () => {
    const out = suppressCounts(grid([[3, 4], [20, 30], [25, 35]]));
    const rowTotals = out.totals.filter((t) => t.over.join() === 'sex');
    const withheld = rowTotals.filter((t) => t.suppressed).length + (out.grandTotal.suppressed ? 1 : 0);
    expect(rowTotals.find((t) => t.key.program === 'p0')?.suppressed).toBe(true);
    expect(withheld).toBeGreaterThanOrEqual(2);
  });

  it('publishes a table with no small counts untouched', () => {
    const out = suppressCounts(grid([[12, 40], [20, 30]]));
    expect([...out.cells, ...out.totals].every((e) => !e.suppressed)).toBe(true);
    expect(out.grandTotal.count).toBe(102);
  });
});

describe('published structure', () => {
  const three = {
    dimensions: ['country', 'ageBand', 'month'],
    rows: ['US', 'CA'].flatMap((country) => ['20-29', '30-39', '40-49'].flatMap((ageBand) =>
      ['2026-01', '2026-02', '2026-03', '2026-04'].map((month, i) => ({ key: { country, ageBand, month }, count: 10 + i })))),
  };

  it('publishes every cell and every marginal total down to the grand total', () => {
    const out = suppressCounts(three);
    expect(out.cells).toHaveLength(24);
    // 2-D margins 3·4 + 2·4 + 2·3, 1-D margins 2 + 3 + 4, and the grand total.
    expect(out.totals).toHaveLength(26 + 9 + 1);
    expect(out.grandTotal).toEqual({ key: {}, over: ['country', 'ageBand', 'month'], count: 6 * 46, suppressed: false });
    expect(out.totals.at(-1)).toBe(out.grandTotal);
  });

  it('gives each total the sum of the cells it covers', () => {
    const out = suppressCounts(three);
    const april = out.totals.find((t) => t.over.join() === 'country,ageBand' && t.key.month === '2026-04');
    expect(april?.count).toBe(6 * 13);
    const usYoung = out.totals.find((t) => t.over.join() === 'month' && t.key.country === 'US' && t.key.ageBand === '20-29');
    expect(usYoung?.count).toBe(46);
  });

  it('fills combinations missing from the input with published zeros when categories are given', () => {
    const out = suppressCounts({ dimensions: ['program'], rows: [{ key: { program: 'PTI' }, count: 40 }], categories: { program: ['PTI', 'M33', 'M40'] } });
    expect(out.cells.map((c) => [c.key.program, c.count, c.suppressed])).toEqual([['PTI', 40, false], ['M33', 0, false], ['M40', 0, false]]);
  });

  it('keeps the category order given', () => {
    const out = suppressCounts({ dimensions: ['sex'], rows: [{ key: { sex: 'M' }, count: 40 }, { key: { sex: 'H' }, count: 30 }], categories: { sex: ['M', 'H', 'X'] } });
    expect(out.categories.sex).toEqual(['M', 'H', 'X']);
  });
});

describe('invalid input', () => {
  const code = (fn: () => unknown) => {
    try { fn(); } catch (error) { return error instanceof StatisticsInputError ? error.code : String(error); }
    return 'no error';
  };

  it('takes 1 to 3 distinct dimensions', () => {
    expect(code(() => suppressCounts({ dimensions: [], rows: [] }))).toBe('STATISTICS_DIMENSIONS_INVALID');
    expect(code(() => suppressCounts({ dimensions: ['a', 'b', 'c', 'd'], rows: [] }))).toBe('STATISTICS_DIMENSIONS_INVALID');
    expect(code(() => suppressCounts({ dimensions: ['a', 'a'], rows: [] }))).toBe('STATISTICS_DIMENSIONS_INVALID');
  });

  it('refuses repeated combinations, negative counts, unknown categories and foreign keys', () => {
    expect(code(() => suppressCounts({ dimensions: ['x'], rows: [{ key: { x: 'a' }, count: 1 }, { key: { x: 'a' }, count: 2 }] }))).toBe('STATISTICS_DUPLICATE_CELL');
    expect(code(() => suppressCounts({ dimensions: ['x'], rows: [{ key: { x: 'a' }, count: -1 }] }))).toBe('STATISTICS_ROW_INVALID');
    expect(code(() => suppressCounts({ dimensions: ['x'], rows: [{ key: { x: 'b' }, count: 1 }], categories: { x: ['a'] } }))).toBe('STATISTICS_ROW_INVALID');
    expect(code(() => suppressCounts({ dimensions: ['x'], rows: [{ key: { x: 'a', y: 'b' }, count: 1 }] }))).toBe('STATISTICS_ROW_INVALID');
  });

  it('refuses a k below 1', () => {
    expect(code(() => suppressCounts(oneDim({ a: 1 }), { k: 0 }))).toBe('STATISTICS_OPTIONS_INVALID');
  });
});

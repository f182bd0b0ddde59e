/**
 * Attacks on published statistics: an attacker solving "published totals = sums of cells"
 * exactly (attacker.ts, independent of the suppression code) must recover no suppressed entry —
 * and does recover them when protection is switched off, so these tests can fail.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StatisticsInput } from '../../../subgraphs/enrollments/rules/statistics/index.ts';
import { suppressCounts } from '../../../subgraphs/enrollments/rules/statistics/index.ts';
import { entryId, recoverSuppressed } from './attacker.ts';

function grid(rows: number[][]): StatisticsInput {
  return {
    dimensions: ['consulate', 'month'],
    rows: rows.flatMap((values, r) => values.map((count, c) => ({ key: { consulate: `c${r}`, month: `m${c}` }, count }))),
  };
}

/**
 * Found by random search: the line rule alone withholds a pattern where every row and column
 * has 0 or ≥ 2 withheld cells, yet cell (c0, m0) = 33 is a bridge between two protected blocks
 * and can be computed from four margins at once.
 */
const BRIDGE = grid([
  [33, 12, 36, 29],
  [35, 3, 2, 42],
  [34, 39, 43, 27],
  [5, 15, 37, 14],
]);

describe('attacker against unprotected tables', () => {
  it('recovers a small cell from its total when secondary suppression is off', () => {
    const out = suppressCounts({ dimensions: ['program'], rows: [{ key: { program: 'PTI' }, count: 5 }, { key: { program: 'M33' }, count: 30 }, { key: { program: 'M40' }, count: 40 }] }, { secondary: 'NONE' });
    expect(recoverSuppressed(out).get(entryId({ program: 'PTI' }))).toBe(5);
  });

  it('recovers every primary cell of a 2-D table when secondary suppression is off', () => {
    const out = suppressCounts(grid([[3, 40, 50], [30, 40, 4], [60, 70, 80]]), { secondary: 'NONE' });
    const recovered = recoverSuppressed(out);
    expect(recovered.get(entryId({ consulate: 'c0', month: 'm0' }))).toBe(3);
    expect(recovered.get(entryId({ consulate: 'c1', month: 'm2' }))).toBe(4);
  });

  it('recovers a bridge cell that the line rule alone leaves exposed', () => {
    const out = suppressCounts(BRIDGE, { secondary: 'LINES' });
    // The line rule itself is satisfied: no row or column has exactly one withheld cell…
    for (const dimension of ['consulate', 'month'] as const) {
      for (const value of out.categories[dimension]!) {
        const line = out.cells.filter((c) => c.key[dimension] === value);
        const total = out.totals.find((t) => t.key[dimension] === value && t.over.length === 1);
        expect(line.filter((c) => c.suppressed).length + (total?.suppressed ? 1 : 0)).not.toBe(1);
      }
    }
    // …and still the attacker computes the cell.
    expect(recoverSuppressed(out).get(entryId({ consulate: 'c0', month: 'm0' }))).toBe(33);
  });
});

describe('attacker against protected tables', () => {
  it('recovers nothing from the bridge table once the audit runs', () => {
    const out = suppressCounts(BRIDGE);
    expect(out.cells.filter((c) => c.suppressed).length).toBeGreaterThan(0);
    expect(recoverSuppressed(out).size).toBe(0);
  });

  it('recovers nothing when a small row total is withheld', () => {
    const out = suppressCounts(grid([[3, 4], [20, 30], [25, 35]]));
    expect(recoverSuppressed(out).size).toBe(0);
  });

  it('recovers nothing from a 3-D table with scattered small counts', () => {
    const rows = [];
    for (let a = 0; a < 3; a += 1) for (let b = 0; b < 3; b += 1) for (let c = 0; c < 3; c += 1) {
      rows.push({ key: { country: `k${a}`, sex: `s${b}`, month: `m${c}` }, count: (a + 2 * b + 3 * c) % 4 === 0 ? 2 + a : 20 + 7 * a + b + c });
    }
    const out = suppressCounts({ dimensions: ['country', 'sex', 'month'], rows });
    expect(recoverSuppressed(out).size).toBe(0);
  });

  // Small random tables of 1–3 dimensions, many small counts and some zeros.
  const tables = fc.integer({ min: 1, max: 3 }).chain((d) => fc.tuple(...Array.from({ length: d }, () => fc.integer({ min: 1, max: d === 3 ? 3 : 5 })))).chain((sizes) => {
    const cells = sizes.reduce((a, b) => a * b, 1);
    const count = fc.oneof({ weight: 2, arbitrary: fc.integer({ min: 1, max: 9 }) }, { weight: 1, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: fc.integer({ min: 10, max: 60 }) });
    return fc.array(count, { minLength: cells, maxLength: cells }).map((counts): StatisticsInput => {
      const dimensions = ['country', 'program', 'month'].slice(0, sizes.length);
      const rows = counts.map((value, index) => {
        const key: Record<string, string> = {};
        let rest = index;
        sizes.forEach((n, i) => { key[dimensions[i]!] = `v${rest % n}`; rest = Math.floor(rest / n); });
        return { key, count: value };
      });
      return { dimensions, rows };
    });
  });

  it('never lets the attacker recover a suppressed entry (property)', () => {
    fc.assert(fc.property(tables, (input) => {
      expect(recoverSuppressed(suppressCounts(input)).size).toBe(0);
    }), { numRuns: 150 });
  });

  it('withholds every 0 < count < k, publishes every zero, and publishes true values (property)', () => {
    fc.assert(fc.property(tables, (input) => {
      const out = suppressCounts(input);
      for (const row of input.rows) {
        const published = out.cells.find((c) => entryId(c.key) === entryId(row.key))!;
        if (row.count > 0 && row.count < 10) expect(published.suppressed).toBe(true);
        if (row.count === 0) expect(published).toMatchObject({ count: 0, suppressed: false });
        if (!published.suppressed) expect(published.count).toBe(row.count);
      }
      const sum = input.rows.reduce((s, r) => s + r.count, 0);
      if (!out.grandTotal.suppressed) expect(out.grandTotal.count).toBe(sum);
    }), { numRuns: 150 });
  });
});

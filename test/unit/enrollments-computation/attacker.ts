/**
 * An attacker for published statistics, written independently of the suppression code: from the
 * published output alone it sets up "each published total = the sum of the cells it covers",
 * substitutes every visible value, and solves by exact Gauss–Jordan elimination over rationals.
 * A suppressed entry is recovered when the reduced system pins it to one value.
 */
import type { PublishedTable } from '../../../subgraphs/enrollments/rules/statistics/index.ts';

interface Fraction { n: bigint; d: bigint }

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y) [x, y] = [y, x % y];
  return x;
}
function frac(n: bigint, d = 1n): Fraction {
  if (d < 0n) { n = -n; d = -d; }
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}
const sub = (a: Fraction, b: Fraction) => frac(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Fraction, b: Fraction) => frac(a.n * b.n, a.d * b.d);
const div = (a: Fraction, b: Fraction) => frac(a.n * b.d, a.d * b.n);
const ZERO = frac(0n);

/** A stable id for a published entry: its key plus the dimensions it sums over. */
export function entryId(key: Record<string, string>, over: readonly string[] = []): string {
  return JSON.stringify([Object.entries(key).sort(), [...over].sort()]);
}

/** Every suppressed entry the attacker can compute, with the value computed. */
export function recoverSuppressed(table: PublishedTable): Map<string, number> {
  const unknownIds: string[] = [];
  const column = new Map<string, number>();
  const addUnknown = (id: string) => { column.set(id, unknownIds.length); unknownIds.push(id); };
  for (const cell of table.cells) if (cell.suppressed) addUnknown(entryId(cell.key));
  for (const total of table.totals) if (total.suppressed) addUnknown(entryId(total.key, total.over));

  // Rows: coefficients over unknowns, then the right-hand side.
  const rows: Fraction[][] = [];
  for (const total of table.totals) {
    const row = new Array<Fraction>(unknownIds.length + 1).fill(ZERO);
    let rhs = 0n;
    const put = (id: string, coefficient: bigint, value: number | null) => {
      const col = column.get(id);
      if (col === undefined) rhs -= coefficient * BigInt(value!);
      else row[col] = frac(row[col]!.n + coefficient * row[col]!.d, row[col]!.d);
    };
    put(entryId(total.key, total.over), 1n, total.count);
    for (const cell of table.cells) {
      if (Object.entries(total.key).every(([d, v]) => cell.key[d] === v)) put(entryId(cell.key), -1n, cell.count);
    }
    row[unknownIds.length] = frac(rhs);
    rows.push(row);
  }

  // Gauss–Jordan elimination.
  const pivotOfRow: number[] = [];
  let r = 0;
  for (let c = 0; c < unknownIds.length && r < rows.length; c += 1) {
    const p = rows.findIndex((row, i) => i >= r && row[c]!.n !== 0n);
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    const pivot = rows[r]![c]!;
    rows[r] = rows[r]!.map((v) => div(v, pivot));
    for (let i = 0; i < rows.length; i += 1) {
      if (i === r || rows[i]![c]!.n === 0n) continue;
      const factor = rows[i]![c]!;
      rows[i] = rows[i]!.map((v, j) => sub(v, mul(factor, rows[r]![j]!)));
    }
    pivotOfRow[r] = c;
    r += 1;
  }

  const recovered = new Map<string, number>();
  for (let i = 0; i < r; i += 1) {
    const c = pivotOfRow[i]!;
    const others = rows[i]!.slice(0, unknownIds.length).some((v, j) => j !== c && v.n !== 0n);
    if (!others) {
      const value = rows[i]![unknownIds.length]!;
      recovered.set(unknownIds[c]!, Number(value.n) / Number(value.d));
    }
  }
  return recovered;
}

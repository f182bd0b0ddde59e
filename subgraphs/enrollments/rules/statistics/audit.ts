/**
 * Exact disclosure audit: which suppressed entries an attacker can compute from the published
 * ones. The published relations are linear (each line sums to its total); with the visible
 * entries moved to the right-hand side, a suppressed entry is uniquely determined exactly when,
 * in the reduced row-echelon form of the system over the suppressed entries, its pivot row has no
 * other (free) variable. Integer rows with gcd normalisation keep the elimination exact.
 */

type SparseRow = Map<number, bigint>;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function normalise(row: SparseRow): SparseRow {
  let g = 0n;
  for (const v of row.values()) g = gcd(g, v);
  if (g > 1n) for (const [k, v] of row) row.set(k, v / g);
  return row;
}

/** row := row·p − pivotRow·row[col], which clears `col` (p = pivotRow[col]). */
function eliminate(row: SparseRow, pivotRow: SparseRow, col: number): void {
  const factor = row.get(col);
  const p = pivotRow.get(col)!;
  if (factor === undefined) return;
  for (const [k, v] of row) row.set(k, v * p);
  for (const [k, v] of pivotRow) {
    const next = (row.get(k) ?? 0n) - v * factor;
    if (next === 0n) row.delete(k);
    else row.set(k, next);
  }
  normalise(row);
}

/**
 * The suppressed entries (from `unknown`) whose value the equations fix.
 * @param equations each equation as [entry, coefficient] pairs over all entries; entries not in
 *   `unknown` are known and ignored (they only move the right-hand side).
 */
export function determinedUnknowns(unknown: ReadonlySet<number>, equations: readonly (readonly [number, number][])[]): Set<number> {
  const pivots = new Map<number, SparseRow>();
  for (const equation of equations) {
    const row: SparseRow = new Map();
    for (const [entry, coefficient] of equation) {
      if (unknown.has(entry)) row.set(entry, (row.get(entry) ?? 0n) + BigInt(coefficient));
    }
    for (const [k, v] of row) if (v === 0n) row.delete(k);
    for (const [col, pivotRow] of pivots) {
      if (row.has(col)) eliminate(row, pivotRow, col);
    }
    if (row.size === 0) continue;
    const col = Math.min(...row.keys());
    for (const other of pivots.values()) if (other.has(col)) eliminate(other, row, col);
    pivots.set(col, normalise(row));
  }
  const determined = new Set<number>();
  for (const [col, row] of pivots) if (row.size === 1) determined.add(col);
  return determined;
}

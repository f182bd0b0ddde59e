/**
 * Small-cell suppression for published enrollment statistics (docs/domain.md §10 for context).
 *
 * 1. Primary: every entry — cell or marginal total — with 0 < count < k is withheld (k default 10,
 *    the usual statistical-disclosure threshold). Totals are included because a small total
 *    singles out people just as a small cell does.
 * 2. Secondary, line rule (to a fixed point): a line (the entries along one dimension with the
 *    others fixed, plus the line's total) with exactly one withheld entry would give it away by
 *    subtraction, so the smallest visible non-zero member is withheld too; when no member is left
 *    to withhold, the line's total is withheld instead. A withheld total is itself a member of
 *    the lines one level up (down to the grand total), so the same rule protects it there.
 * 3. Secondary, audit: the line rule alone can leave an entry computable from several lines at
 *    once (a suppressed "bridge" between two protected blocks). An exact linear audit (audit.ts)
 *    finds every suppressed entry still determined; for each, the visible entry sharing a line with
 *    it that makes it undetermined (smallest first) is withheld, and steps 2–3 repeat.
 *
 * Zeros: a cell or total of 0 is always published and never chosen to protect another. Zero
 * counts single nobody out, structural zeros are known anyway, and hiding a zero that an attacker
 * can infer would give protection only on paper. (Group disclosure — "nobody in this row has X" —
 * is out of scope.) Consequence: every withheld entry has a count ≥ 1.
 */
import { determinedUnknowns } from './audit.ts';
import type { ExtendedTable, StatisticsInput } from './table.ts';
import { buildExtendedTable, coordinatesOf, isCell, StatisticsInputError } from './table.ts';

export const DEFAULT_MIN_COUNT = 10;

export interface SuppressionOptions {
  /** Smallest count published; 0 < count < k is withheld. Default 10. */
  k?: number;
  /**
   * Secondary suppression: 'AUDITED' (default; line rule + exact audit), 'LINES' (line rule only)
   * or 'NONE'. Anything but the default can publish recoverable counts — tests and diagnostics only.
   */
  secondary?: 'AUDITED' | 'LINES' | 'NONE';
}

export interface PublishedEntry {
  /** Category per dimension; a total omits the dimensions it sums over. */
  key: Record<string, string>;
  /** null when suppressed. */
  count: number | null;
  suppressed: boolean;
}

export interface PublishedTotal extends PublishedEntry {
  /** Dimensions summed over (all of them for the grand total). */
  over: string[];
}

export interface PublishedTable {
  dimensions: string[];
  categories: Record<string, string[]>;
  k: number;
  cells: PublishedEntry[];
  /** Every marginal total, the most detailed first, ending with the grand total. */
  totals: PublishedTotal[];
  grandTotal: PublishedTotal;
}

/** Withheld entries, by entry index. */
type Mask = Uint8Array;

function lineEquations(table: ExtendedTable): [number, number][][] {
  return table.lines.map((line) => [...line.members.map((m): [number, number] => [m, 1]), [line.total, -1]]);
}

function smallestVisible(table: ExtendedTable, mask: Mask, entries: Iterable<number>): number | undefined {
  let best: number | undefined;
  for (const e of entries) {
    if (mask[e] || table.values[e] === 0) continue;
    if (best === undefined || table.values[e]! < table.values[best]! || (table.values[e] === table.values[best] && e < best)) best = e;
  }
  return best;
}

/** Step 2: the line rule, repeated until no line has exactly one withheld entry. */
function applyLineRule(table: ExtendedTable, mask: Mask): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of table.lines) {
      const withheld = line.members.filter((m) => mask[m]).length + (mask[line.total] ? 1 : 0);
      if (withheld !== 1) continue;
      const complement = smallestVisible(table, mask, line.members) ?? (mask[line.total] || table.values[line.total] === 0 ? undefined : line.total);
      if (complement === undefined) continue;
      mask[complement] = 1;
      changed = true;
    }
  }
}

function withheldSet(mask: Mask): Set<number> {
  const set = new Set<number>();
  mask.forEach((v, i) => { if (v) set.add(i); });
  return set;
}

/** Step 3: withholds one more entry that unties `target`, preferring the smallest that works alone. */
function protect(table: ExtendedTable, mask: Mask, target: number, equations: [number, number][][]): void {
  const neighbours = new Set<number>();
  for (const line of table.lines) {
    if (line.total === target || line.members.includes(target)) {
      for (const m of line.members) neighbours.add(m);
      neighbours.add(line.total);
    }
  }
  const candidates = [...neighbours].filter((e) => !mask[e] && table.values[e]! > 0)
    .sort((a, b) => table.values[a]! - table.values[b]! || a - b);
  for (const candidate of candidates) {
    const trial = withheldSet(mask).add(candidate);
    if (!determinedUnknowns(trial, equations).has(target)) {
      mask[candidate] = 1;
      return;
    }
  }
  const fallback = candidates[0] ?? smallestVisible(table, mask, table.values.keys());
  // Unreachable: with every non-zero entry withheld, nothing is determined (all entries ≥ 1).
  if (fallback === undefined) throw new Error('Suppression audit found nothing left to withhold');
  mask[fallback] = 1;
}

function applyAudit(table: ExtendedTable, mask: Mask): void {
  const equations = lineEquations(table);
  for (;;) {
    const determined = determinedUnknowns(withheldSet(mask), equations);
    if (determined.size === 0) return;
    protect(table, mask, Math.min(...determined), equations);
    applyLineRule(table, mask);
  }
}

function publish(table: ExtendedTable, mask: Mask, k: number): PublishedTable {
  const cells: PublishedEntry[] = [];
  const totals: PublishedTotal[] = [];
  table.values.forEach((value, entry) => {
    const coords = coordinatesOf(table, entry);
    const key: Record<string, string> = {};
    const over: string[] = [];
    coords.forEach((c, i) => {
      const dimension = table.dimensions[i]!;
      if (c < table.sizes[i]!) key[dimension] = table.categories[i]![c]!;
      else over.push(dimension);
    });
    const suppressed = mask[entry] === 1;
    const published = { key, count: suppressed ? null : value, suppressed };
    if (isCell(table, entry)) cells.push(published);
    else totals.push({ ...published, over });
  });
  totals.sort((a, b) => a.over.length - b.over.length);
  const grandTotal = totals[totals.length - 1]!;
  const categories = Object.fromEntries(table.dimensions.map((d, i) => [d, [...table.categories[i]!]]));
  return { dimensions: [...table.dimensions], categories, k, cells, totals, grandTotal };
}

/**
 * Publishes a count table with every marginal total, withholding small counts and whatever
 * else would let them be recovered (see the module comment).
 * @throws StatisticsInputError for invalid input or options.
 */
export function suppressCounts(input: StatisticsInput, options: SuppressionOptions = {}): PublishedTable {
  const k = options.k ?? DEFAULT_MIN_COUNT;
  if (!Number.isSafeInteger(k) || k < 1) throw new StatisticsInputError('STATISTICS_OPTIONS_INVALID', `k must be a whole number ≥ 1, got ${k}.`, { k });
  const table = buildExtendedTable(input);
  const mask: Mask = new Uint8Array(table.values.length);
  table.values.forEach((v, i) => { if (v > 0 && v < k) mask[i] = 1; });
  const secondary = options.secondary ?? 'AUDITED';
  if (secondary !== 'NONE') applyLineRule(table, mask);
  if (secondary === 'AUDITED') applyAudit(table, mask);
  return publish(table, mask, k);
}

/**
 * A count table over 1–3 categorical dimensions with every marginal total, stored as one
 * "extended" array: along each dimension the index n (one past the last category) is the total
 * over that dimension. An entry is a cell when no coordinate is a total; otherwise it is the
 * marginal total over the dimensions whose coordinate is the total — down to the grand total.
 * Every published relation is then uniform: along dimension i, the entries with coordinate
 * 0..n−1 (the line) sum to the entry with coordinate n (the line's total).
 */

export interface CountRow {
  key: Readonly<Record<string, string>>;
  count: number;
}

export interface StatisticsInput {
  /** The query's chosen dimensions, 1 to 3 (e.g. 'consulate', 'program', 'month'). */
  dimensions: readonly string[];
  rows: readonly CountRow[];
  /** All categories per dimension, in display order; missing combinations count 0. Default: the values seen, sorted. */
  categories?: Readonly<Record<string, readonly string[]>>;
}

export type StatisticsErrorCode = 'STATISTICS_DIMENSIONS_INVALID' | 'STATISTICS_ROW_INVALID' | 'STATISTICS_DUPLICATE_CELL' | 'STATISTICS_TABLE_TOO_LARGE' | 'STATISTICS_OPTIONS_INVALID';

export class StatisticsInputError extends Error {
  constructor(readonly code: StatisticsErrorCode, message: string, readonly details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'StatisticsInputError';
  }
}

/** Upper bound on cells, so the exact disclosure audit stays fast; finer queries must be split. */
export const MAX_CELLS = 2000;

export interface ExtendedTable {
  dimensions: readonly string[];
  categories: readonly (readonly string[])[];
  /** Categories per dimension (n). */
  sizes: readonly number[];
  strides: readonly number[];
  /** Count of every entry (cells and totals), by entry index. */
  values: number[];
  /** Each line: the member entries along one dimension and the entry holding their total. */
  lines: readonly { members: readonly number[]; total: number }[];
}

export function coordinatesOf(table: ExtendedTable, entry: number): number[] {
  return table.sizes.map((n, i) => Math.floor(entry / table.strides[i]!) % (n + 1));
}

export function isCell(table: ExtendedTable, entry: number): boolean {
  return coordinatesOf(table, entry).every((c, i) => c < table.sizes[i]!);
}

function fail(code: StatisticsErrorCode, message: string, details: Record<string, unknown> = {}): never {
  throw new StatisticsInputError(code, message, details);
}

function resolveCategories(input: StatisticsInput): string[][] {
  return input.dimensions.map((dimension) => {
    const given = input.categories?.[dimension];
    const list = given ? [...given] : [...new Set(input.rows.map((r) => r.key[dimension] ?? ''))].sort();
    if (new Set(list).size !== list.length) fail('STATISTICS_DIMENSIONS_INVALID', `Dimension ${dimension} lists a category twice.`, { dimension });
    return list;
  });
}

/** Validates the input and builds the extended table with every marginal total. */
export function buildExtendedTable(input: StatisticsInput): ExtendedTable {
  const { dimensions } = input;
  if (dimensions.length < 1 || dimensions.length > 3 || new Set(dimensions).size !== dimensions.length || dimensions.some((d) => d === '')) {
    fail('STATISTICS_DIMENSIONS_INVALID', `A statistics query takes 1 to 3 distinct dimensions, got [${dimensions.join(', ')}].`, { dimensions });
  }
  const categories = resolveCategories(input);
  const sizes = categories.map((c) => c.length);
  const cellCount = sizes.reduce((a, b) => a * b, 1);
  if (cellCount > MAX_CELLS) fail('STATISTICS_TABLE_TOO_LARGE', `The query has ${cellCount} cells; at most ${MAX_CELLS} are published at once.`, { cellCount });

  const strides: number[] = [];
  let stride = 1;
  for (const n of sizes) { strides.push(stride); stride *= n + 1; }
  const values = new Array<number>(stride).fill(0);
  const positions = categories.map((list) => new Map(list.map((c, i) => [c, i])));
  const seen = new Set<number>();

  input.rows.forEach((row, r) => {
    const keys = Object.keys(row.key);
    if (keys.length !== dimensions.length || !dimensions.every((d) => d in row.key)) {
      fail('STATISTICS_ROW_INVALID', `Row ${r + 1} must have exactly the keys [${dimensions.join(', ')}].`, { row: r + 1 });
    }
    if (!Number.isSafeInteger(row.count) || row.count < 0) fail('STATISTICS_ROW_INVALID', `Row ${r + 1} has count ${row.count}; counts are whole numbers ≥ 0.`, { row: r + 1 });
    const coords = dimensions.map((d, i) => positions[i]!.get(row.key[d]!));
    if (coords.some((c) => c === undefined)) fail('STATISTICS_ROW_INVALID', `Row ${r + 1} has a category not listed for its dimension.`, { row: r + 1 });
    const cell = coords.reduce<number>((sum, c, i) => sum + c! * strides[i]!, 0);
    if (seen.has(cell)) fail('STATISTICS_DUPLICATE_CELL', `Row ${r + 1} repeats a combination of categories already given.`, { row: r + 1 });
    seen.add(cell);
    // Add the cell to itself and to each marginal it belongs to (every subset of dimensions summed).
    for (let mask = 0; mask < 1 << dimensions.length; mask += 1) {
      const entry = coords.reduce<number>((sum, c, i) => sum + ((mask >> i) & 1 ? sizes[i]! : c!) * strides[i]!, 0);
      values[entry]! += row.count;
    }
  });

  const lines: { members: number[]; total: number }[] = [];
  for (let entry = 0; entry < stride; entry += 1) {
    const coords = sizes.map((n, i) => Math.floor(entry / strides[i]!) % (n + 1));
    coords.forEach((c, i) => {
      if (c !== sizes[i] || sizes[i] === 0) return;
      const members = Array.from({ length: sizes[i]! }, (_, v) => entry - c * strides[i]! + v * strides[i]!);
      lines.push({ members, total: entry });
    });
  }
  return { dimensions, categories, sizes, strides, values, lines };
}

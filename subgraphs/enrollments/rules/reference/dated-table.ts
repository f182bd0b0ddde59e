/**
 * Reference values that change on known dates (UMA, minimum wage, fees, rates). Each row says
 * where the value came from, when it was last checked and whether it is confirmed, so that an
 * UNCONFIRMED value (docs/domain.md §5) is never a constant buried in code: callers pass the table.
 */

/** One value with its validity range; both ends inclusive, `validTo: null` = still open. */
export interface DatedValue<T> {
  value: T;
  validFrom: string;
  validTo: string | null;
  /** Public source (law article, official publication, press URL) or why it is a placeholder. */
  source: string;
  /** ISO date the value was last checked against its source. */
  checkedOn: string;
  /** False while the value is only reported by secondary sources or carried forward. */
  confirmed: boolean;
}

/** A named set of dated rows; the name appears in every error about the table. */
export interface DatedTable<T> {
  name: string;
  rows: readonly DatedValue<T>[];
}

export type ReferenceTableErrorCode =
  | 'REFERENCE_TABLE_MISSING'
  | 'REFERENCE_TABLE_OVERLAP'
  | 'REFERENCE_TABLE_INVALID';

/** A reference table cannot answer for a date; a configuration problem, never the client's. */
export class ReferenceTableError extends Error {
  constructor(
    readonly code: ReferenceTableErrorCode,
    message: string,
    readonly details: { table: string; date?: string; rows?: string[] },
  ) {
    super(message);
    this.name = 'ReferenceTableError';
  }
}

/** No row of the table is in force on the date asked for. */
export class MissingReferenceValue extends ReferenceTableError {
  constructor(table: string, date: string) {
    super('REFERENCE_TABLE_MISSING', `Reference table ${table} has no value in force on ${date}.`, { table, date });
    this.name = 'MissingReferenceValue';
  }
}

/** Two rows of the table claim the same day, so the value in force would be ambiguous. */
export class OverlappingReferenceRows extends ReferenceTableError {
  constructor(table: string, date: string, rows: string[]) {
    super('REFERENCE_TABLE_OVERLAP', `Reference table ${table} has overlapping rows (${rows.join(', ')}) on ${date}.`, { table, date, rows });
    this.name = 'OverlappingReferenceRows';
  }
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** True for a real calendar date written 'YYYY-MM-DD' (rejects 2025-02-30). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

function describeRow(row: DatedValue<unknown>): string {
  return `${row.validFrom}..${row.validTo ?? 'open'}`;
}

/**
 * Checks that every row has a real, ordered range and that no two rows share a day.
 * Throws REFERENCE_TABLE_INVALID or REFERENCE_TABLE_OVERLAP (naming the first shared day).
 */
export function assertValidTable<T>(table: DatedTable<T>): void {
  for (const row of table.rows) {
    const badEnd = row.validTo !== null && (!isIsoDate(row.validTo) || row.validTo < row.validFrom);
    if (!isIsoDate(row.validFrom) || badEnd) {
      throw new ReferenceTableError('REFERENCE_TABLE_INVALID', `Reference table ${table.name} has an invalid range ${describeRow(row)}.`, { table: table.name, rows: [describeRow(row)] });
    }
  }
  const sorted = [...table.rows].sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
  for (let i = 1; i < sorted.length; i += 1) {
    const previous = sorted[i - 1]!;
    const current = sorted[i]!;
    if (previous.validTo === null || previous.validTo >= current.validFrom) {
      throw new OverlappingReferenceRows(table.name, current.validFrom, [describeRow(previous), describeRow(current)]);
    }
  }
}

/**
 * The one row in force on `date` (ISO). The whole table is checked on every call — tables are
 * small and an overlap anywhere means the data cannot be trusted.
 * @throws MissingReferenceValue (REFERENCE_TABLE_MISSING) when no row covers the date.
 * @throws OverlappingReferenceRows (REFERENCE_TABLE_OVERLAP) when rows share a day.
 */
export function valueInForce<T>(table: DatedTable<T>, date: string): DatedValue<T> {
  if (!isIsoDate(date)) {
    throw new ReferenceTableError('REFERENCE_TABLE_INVALID', `Reference table ${table.name} was asked for an invalid date "${date}".`, { table: table.name, date });
  }
  assertValidTable(table);
  const row = table.rows.find((r) => r.validFrom <= date && (r.validTo === null || date <= r.validTo));
  if (!row) throw new MissingReferenceValue(table.name, date);
  return row;
}

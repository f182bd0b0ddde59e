/** Published enrollment statistics with primary and secondary small-cell suppression. */
export { determinedUnknowns } from './audit.ts';
export type { CountRow, ExtendedTable, StatisticsErrorCode, StatisticsInput } from './table.ts';
export { buildExtendedTable, MAX_CELLS, StatisticsInputError } from './table.ts';
export type { PublishedEntry, PublishedTable, PublishedTotal, SuppressionOptions } from './suppression.ts';
export { DEFAULT_MIN_COUNT, suppressCounts } from './suppression.ts';

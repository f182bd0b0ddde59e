/**
 * Small-cell suppression for analysts (docs/security.md, "Analysts"): a count below k could single
 * out a person, so it is withheld. k is configurable; 10 is the common statistical-disclosure
 * default.
 */
export const SUPPRESSION_THRESHOLD = Number(process.env.STATISTICS_MIN_CELL ?? 10);

export function suppressSmallCells<T extends { count: number }>(rows: readonly T[], k = SUPPRESSION_THRESHOLD): Array<Omit<T, 'count'> & { count: number | null; suppressed: boolean }> {
  return rows.map((row) => (row.count < k ? { ...row, count: null, suppressed: true } : { ...row, suppressed: false }));
}

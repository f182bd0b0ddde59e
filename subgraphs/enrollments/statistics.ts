/**
 * Small-cell suppression for analysts (GATEWAY-NOTES.md, "what none of them offers" 4): a count
 * below k could single out a person, so it is withheld. k is configurable; 10 is the common
 * statistical-disclosure default.
 */
export const SUPPRESSION_THRESHOLD = Number(process.env.STATISTICS_MIN_CELL ?? 10);

export function suppressSmallCells<T extends { count: number }>(rows: T[], k = SUPPRESSION_THRESHOLD) {
  return rows.map((row) => (row.count < k ? { ...row, count: null, suppressed: true } : { ...row, suppressed: false }));
}

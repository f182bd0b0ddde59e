/**
 * Whether modalidad 33 covers a person on a date: only the persons enrolled (and paid for) are
 * covered (docs/domain.md §8), during the year paid in advance, except for their excluded
 * conditions and for procedures still in their waiting period (counted from the first
 * enrollment, so a renewal does not restart them).
 */
import { addDays, birthday } from '../../../shared/dates.ts';
import type { DatedTable } from '../reference/dated-table.ts';
import type { WaitingPeriodRule } from './waiting-periods.ts';
import { WAITING_PERIOD_TABLE, waitingPeriods } from './waiting-periods.ts';

export interface FamilyHealthEnrollment {
  /** First day of the first enrollment; waiting periods run from here. */
  enrolledSince: string;
  /** First day of the year currently paid. */
  coverageStart: string;
  members: readonly { personId: string; exclusions?: readonly string[] }[];
}

export type CoverageDecision =
  | { covered: true }
  | { covered: false; code: 'NOT_ENROLLED' | 'OUTSIDE_PAID_YEAR' | 'EXCLUDED_CONDITION' | 'WAITING_PERIOD'; message: string; coveredFrom?: string };

/** Last day of the year paid from `coverageStart`: the day before the same date a year later (from 29 Feb: 28 Feb). */
export function paidYearEnd(coverageStart: string): string {
  // birthday() sends 29 Feb to 1 Mar in a common year, so the day before is the last day of February.
  return addDays(birthday(coverageStart, 1), -1);
}

/** Decides coverage of `personId` on `date`, optionally for a condition or a procedure. */
export function familyHealthCoverage(
  enrollment: FamilyHealthEnrollment,
  personId: string,
  date: string,
  care: { conditionCode?: string; procedureCode?: string } = {},
  catalogue: DatedTable<readonly WaitingPeriodRule[]> = WAITING_PERIOD_TABLE,
): CoverageDecision {
  const member = enrollment.members.find((m) => m.personId === personId);
  if (!member) return { covered: false, code: 'NOT_ENROLLED', message: `Person ${personId} is not enrolled in this family health insurance; only enrolled members are covered.` };
  const end = paidYearEnd(enrollment.coverageStart);
  if (date < enrollment.coverageStart || date > end) {
    return { covered: false, code: 'OUTSIDE_PAID_YEAR', message: `The paid year runs from ${enrollment.coverageStart} to ${end}; ${date} is outside it.` };
  }
  if (care.conditionCode && member.exclusions?.includes(care.conditionCode)) {
    return { covered: false, code: 'EXCLUDED_CONDITION', message: `Condition ${care.conditionCode} was declared as pre-existing and is excluded for ${personId}.` };
  }
  if (care.procedureCode) {
    const waiting = waitingPeriods(enrollment.enrolledSince, catalogue).find((w) => w.code === care.procedureCode);
    if (waiting && date < waiting.coveredFrom) {
      return { covered: false, code: 'WAITING_PERIOD', coveredFrom: waiting.coveredFrom, message: `${waiting.label} is covered from ${waiting.coveredFrom} (waiting period of ${waiting.months} months from ${enrollment.enrolledSince}).` };
    }
  }
  return { covered: true };
}

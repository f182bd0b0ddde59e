import type { FamilyHealthEnrollmentResolvers } from '../__generated__/resolvers-types.ts';
import { withRuleErrors } from '../rule-errors.ts';
import { paidYearEnd, waitingPeriods } from '../rules/family-health/index.ts';

export const FamilyHealthEnrollment: FamilyHealthEnrollmentResolvers = {
  coverageStart: (detail) => detail.startDate,
  coverageEnd: (detail) => detail.endDate ?? paidYearEnd(detail.startDate),
  members: (detail, _args, { loaders }) => loaders.familyMembersByEnrollment.load(detail.enrollmentId),
  /** Counted from the start of coverage (RACERF art. 83), with the catalogue in force that day. */
  waitingPeriods: (detail, _args, { reference }) =>
    withRuleErrors(async () => waitingPeriods(detail.startDate, await reference.waitingPeriods()).map((p) => ({
      code: p.code, label: p.label, months: p.months, waitingEndsOn: p.waitingEndsOn, coveredFrom: p.coveredFrom, source: p.source, confirmed: p.confirmed,
    }))),
};

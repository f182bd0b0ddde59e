/** Who may do what in the enrollments subgraph; deny by default, row scoping in loaders.ts. */
import { allow, or } from 'graphql-shield';
import { hasRole, isInsured, isStaffWithPurpose } from '../shared/rules.ts';

const mayReadEnrollments = or(isInsured, isStaffWithPurpose, hasRole('EMPLOYER'));

export const permissions = {
  Query: {
    enrollmentStatistics: hasRole('ANALYST'),
    employerEnrollments: hasRole('EMPLOYER'),
  },
  Person: {
    curp: mayReadEnrollments,
    enrollments: mayReadEnrollments,
    coveragePeriods: or(isInsured, isStaffWithPurpose),
  },
  Enrollment: mayReadEnrollments,
  CoveragePeriod: allow,
  EnrollmentStatistic: hasRole('ANALYST'),
};

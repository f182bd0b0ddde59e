/**
 * Who may do what in the enrollments subgraph (docs/security.md). The policies decide one record;
 * the scoped loaders (loaders.ts) run them and audit; the shield map below only gates identities
 * and lets through the rows a loader released.
 */
import { allow } from 'graphql-shield';
import {
  ALLOW, allowIf, asStaff, hasRole, isEmployerOf, isInsured, isSelf, isSignedIn, isStaff, refuse, releasedAs, roleRefusal,
  type Access, type Decision,
} from '../shared/access/index.ts';
import type { EnrollmentModel } from './mappers.ts';

export type EnrollmentsRead = 'Person.enrollments' | 'Person.coveragePeriods' | 'Enrollment' | 'Query.employerEnrollments';
export type EnrollmentsWrite = never;

/** A person's enrollments: the person; staff with a declared purpose; employers, narrowed to their own rows. */
export function readEnrollmentsOf(access: Access, curp: string): Decision {
  if (isSelf(access, curp)) return ALLOW;
  if (isStaff(access)) return asStaff(access);
  if (hasRole(access, 'EMPLOYER')) return ALLOW; // narrowed by isOwnEmployment
  return isInsured(access) ? refuse('OUTSIDE_SCOPE') : roleRefusal(access);
}

/** Employers see the enrollments filed under their own registros patronales, nothing else. */
export function isOwnEmployment(access: Access, row: EnrollmentModel): boolean {
  if (!hasRole(access, 'EMPLOYER') || isSelf(access, row.curp) || isStaff(access)) return true;
  return row.employerRegistration !== null && isEmployerOf(access, row.employerRegistration);
}

/**
 * The periods coverage is computed from (all employers' and programmes'): the person and staff
 * with a declared purpose only — an employer must not learn its worker's other jobs.
 */
export function readCoveragePeriodsOf(access: Access, curp: string): Decision {
  if (isSelf(access, curp)) return ALLOW;
  if (isStaff(access)) return asStaff(access);
  return isInsured(access) ? refuse('OUTSIDE_SCOPE') : roleRefusal(access);
}

/** One enrollment by id (an entity reference): whoever may read it among the person's enrollments. */
export function readEnrollment(access: Access, row: EnrollmentModel): Decision {
  const decision = readEnrollmentsOf(access, row.curp);
  if (!decision.allowed) return decision;
  return isOwnEmployment(access, row) ? ALLOW : refuse('OUTSIDE_SCOPE');
}

/** An employer's list of workers by registration: only registrations in its token. */
export function readRegistration(access: Access, registration: string): Decision {
  if (isEmployerOf(access, registration)) return ALLOW;
  return hasRole(access, 'EMPLOYER') ? refuse('OUTSIDE_SCOPE') : roleRefusal(access);
}

export const permissions = {
  Query: {
    enrollmentStatistics: allowIf((access) => hasRole(access, 'ANALYST')),
    employerEnrollments: allowIf((access) => hasRole(access, 'EMPLOYER')),
  },
  Person: {
    // The key the caller sent (or an enrollment they may read) names the person; nothing more.
    curp: allowIf(isSignedIn),
    enrollments: allowIf(isSignedIn),
    coveragePeriods: allowIf(isSignedIn),
  },
  Enrollment: releasedAs<EnrollmentModel>('Enrollment', (row) => row.id),
  CoveragePeriod: allow,
  EnrollmentStatistic: allowIf((access) => hasRole(access, 'ANALYST')),
};

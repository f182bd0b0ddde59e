/** Scoped loaders of the enrollments subgraph: decided with permissions.ts, audited, released. */
import { ALLOW, refuse, scopedListLoader, scopedLoader } from '../shared/access/index.ts';
import { isUuid } from '../shared/batching.ts';
import type { BaseContext } from '../shared/context.ts';
import type { EnrollmentModel } from './mappers.ts';
import {
  isOwnEmployment, readCoveragePeriodsOf, readEnrollment, readEnrollmentsOf, readRegistration, type EnrollmentsRead,
} from './permissions.ts';
import type { EnrollmentsRepository } from './repository.ts';

export function createEnrollmentsLoaders(ctx: BaseContext<EnrollmentsRead>, repository: EnrollmentsRepository) {
  const releases = { type: 'Enrollment', idOf: (row: EnrollmentModel) => row.id };
  const byPerson = {
    read: repository.enrollmentsByCurp,
    keyOf: (row: EnrollmentModel) => row.curp,
    subjectOf: (row: EnrollmentModel) => row.curp,
    subjectOfKey: (curp: string) => curp,
  };
  return {
    enrollmentsByCurp: scopedListLoader(ctx, {
      ...byPerson,
      audit: 'Person.enrollments',
      decide: (curp) => readEnrollmentsOf(ctx, curp),
      narrow: (row) => isOwnEmployment(ctx, row),
      releases,
    }),
    coveragePeriodsByCurp: scopedListLoader(ctx, {
      ...byPerson,
      audit: 'Person.coveragePeriods',
      decide: (curp) => readCoveragePeriodsOf(ctx, curp),
    }),
    enrollmentById: scopedLoader(ctx, {
      audit: 'Enrollment',
      // A malformed id names nothing (and would be a database error): the same null as an unknown one.
      decide: (id: string) => (isUuid(id) ? ALLOW : refuse('OUTSIDE_SCOPE')),
      read: repository.enrollmentsById,
      keyOf: (row) => row.id,
      subjectOf: (row) => row.curp,
      decideRow: (row) => readEnrollment(ctx, row),
      releases,
    }),
    enrollmentsByRegistration: scopedListLoader(ctx, {
      audit: 'Query.employerEnrollments',
      decide: (registration: string) => readRegistration(ctx, registration),
      read: repository.enrollmentsByEmployerRegistration,
      keyOf: (row) => row.employerRegistration ?? '',
      subjectOf: (row) => row.curp,
      releases,
    }),
  };
}

export type EnrollmentsLoaders = ReturnType<typeof createEnrollmentsLoaders>;

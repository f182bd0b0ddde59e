/**
 * Scoped loaders of the enrollments subgraph: decided with permissions.ts, read in one statement
 * per batch, audited, released. The details of an enrollment (movements, PTI, family health and
 * its members) are keyed by enrollment id and decided per row with the enrollment's owner, so a
 * staff member's or employer's read of them is audited under its own label.
 */
import { ALLOW, refuse, scopedListLoader, scopedLoader, type Decision } from '../shared/access/index.ts';
import { isUuid } from '../shared/batching.ts';
import type { BaseContext } from '../shared/context.ts';
import type { CoveragePeriodRow, EnrollmentModel } from './mappers.ts';
import {
  isOwnEmployment, readCoveragePeriodsOf, readEnrollment, readEnrollmentsOf, readRegistration, type EnrollmentsRead,
} from './permissions.ts';
import type { EnrollmentsRepository } from './repository.ts';

/** A malformed id names nothing (and would be a database error): the same answer as an unknown one. */
const byId = (id: string): Decision => (isUuid(id) ? ALLOW : refuse('OUTSIDE_SCOPE'));

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
      audit: 'Person.coveragePeriods',
      decide: (curp: string) => readCoveragePeriodsOf(ctx, curp),
      read: repository.coveragePeriodsByCurp,
      keyOf: (row: CoveragePeriodRow) => row.curp,
      subjectOf: (row) => row.curp,
      subjectOfKey: (curp) => curp,
    }),
    enrollmentById: scopedLoader(ctx, {
      audit: 'Enrollment',
      decide: byId,
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
    movementsByEnrollment: scopedListLoader(ctx, {
      audit: 'Enrollment.movements',
      decide: byId,
      read: repository.movementsByEnrollment,
      keyOf: (row) => row.enrollmentId,
      subjectOf: (row) => row.curp,
      decideRow: (row) => readEnrollment(ctx, row),
      releases: { type: 'EmployerMovement', idOf: (row) => row.id },
    }),
    independentWorkerByEnrollment: scopedLoader(ctx, {
      audit: 'Enrollment.independentWorker',
      decide: byId,
      read: repository.independentWorkerByEnrollment,
      keyOf: (row) => row.enrollmentId,
      subjectOf: (row) => row.curp,
      decideRow: (row) => readEnrollment(ctx, row),
      releases: { type: 'IndependentWorkerEnrollment', idOf: (row) => row.enrollmentId },
    }),
    familyHealthByEnrollment: scopedLoader(ctx, {
      audit: 'Enrollment.familyHealth',
      decide: byId,
      read: repository.familyHealthByEnrollment,
      keyOf: (row) => row.enrollmentId,
      subjectOf: (row) => row.curp,
      decideRow: (row) => readEnrollment(ctx, row),
      releases: { type: 'FamilyHealthEnrollment', idOf: (row) => row.enrollmentId },
    }),
    // Each member's questionnaire is the member's own data: the read is audited for the member.
    familyMembersByEnrollment: scopedListLoader(ctx, {
      audit: 'Enrollment.familyHealth',
      decide: byId,
      read: repository.membersByEnrollment,
      keyOf: (row) => row.enrollmentId,
      subjectOf: (row) => row.curp,
      decideRow: (row) => readEnrollment(ctx, { curp: row.holderCurp, employerRegistration: null }),
      releases: { type: 'FamilyHealthMember', idOf: (row) => row.id },
    }),
  };
}

export type EnrollmentsLoaders = ReturnType<typeof createEnrollmentsLoaders>;

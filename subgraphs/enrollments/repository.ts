/** All SQL of the enrollments subgraph; batch-shaped reads. */
import { asc, count } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { anyOf, onePerPool } from '../shared/sql.ts';
import { enrollments } from '../../db/schema/enrollments.ts';
import type { EnrollmentModel } from './mappers.ts';

function createEnrollmentsRepository({ db }: Database) {
  const prepared = {
    enrollmentsByCurp: db.select().from(enrollments).where(anyOf(enrollments.curp)).orderBy(asc(enrollments.startDate)).prepare('enrollments_by_curp'),
    enrollmentsById: db.select().from(enrollments).where(anyOf(enrollments.id)).prepare('enrollments_by_id'),
    enrollmentsByEmployerRegistration: db.select().from(enrollments).where(anyOf(enrollments.employerRegistration))
      .orderBy(asc(enrollments.employerRegistration), asc(enrollments.startDate)).prepare('enrollments_by_employer_registration'),
  };
  return {
    enrollmentsByCurp: (curps: readonly string[]): Promise<EnrollmentModel[]> => prepared.enrollmentsByCurp.execute({ keys: [...curps] }),
    enrollmentsById: (ids: readonly string[]): Promise<EnrollmentModel[]> => prepared.enrollmentsById.execute({ keys: [...ids] }),
    enrollmentsByEmployerRegistration: (registrations: readonly string[]): Promise<EnrollmentModel[]> =>
      prepared.enrollmentsByEmployerRegistration.execute({ keys: [...registrations] }),
    countsByKind: () =>
      db.select({ kind: enrollments.kind, count: count() }).from(enrollments).groupBy(enrollments.kind).orderBy(asc(enrollments.kind)),
  };
}

export const enrollmentsRepository = onePerPool(createEnrollmentsRepository);
export type EnrollmentsRepository = ReturnType<typeof createEnrollmentsRepository>;

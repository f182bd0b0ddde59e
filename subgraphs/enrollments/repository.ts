/** All SQL of the enrollments subgraph; batch-shaped reads. */
import { and, asc, count, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { anyOf, onePerPool } from '../shared/sql.ts';
import { enrollments } from '../../db/schema/enrollments.ts';
import type { EnrollmentModel } from './mappers.ts';

function createEnrollmentsRepository({ db }: Database) {
  const prepared = {
    enrollmentsByCurp: db.select().from(enrollments).where(anyOf(enrollments.curp)).orderBy(asc(enrollments.startDate)).prepare('enrollments_by_curp'),
    enrollmentsById: db.select().from(enrollments).where(anyOf(enrollments.id)).prepare('enrollments_by_id'),
  };
  return {
    enrollmentsByCurp: (curps: readonly string[]): Promise<EnrollmentModel[]> => prepared.enrollmentsByCurp.execute({ keys: [...curps] }),
    enrollmentsById: (ids: readonly string[]): Promise<EnrollmentModel[]> => prepared.enrollmentsById.execute({ keys: [...ids] }),
    byEmployerRegistrations: (registrations: readonly string[], activeOnly: boolean): Promise<EnrollmentModel[]> =>
      db.select().from(enrollments)
        .where(and(inArray(enrollments.employerRegistration, [...registrations]), activeOnly ? isNull(enrollments.endDate) : undefined))
        .orderBy(asc(enrollments.employerRegistration), asc(enrollments.startDate)),
    countsByKind: () =>
      db.select({ kind: enrollments.kind, count: count() }).from(enrollments).groupBy(enrollments.kind).orderBy(asc(enrollments.kind)),
  };
}

export const enrollmentsRepository = onePerPool(createEnrollmentsRepository);
export type EnrollmentsRepository = ReturnType<typeof createEnrollmentsRepository>;

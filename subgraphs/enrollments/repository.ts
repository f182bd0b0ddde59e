/** All SQL of the enrollments subgraph; batch-shaped reads. */
import { and, asc, count, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { enrollments } from '../../db/schema/enrollments.ts';
import type { EnrollmentModel } from './mappers.ts';

export function createEnrollmentsRepository({ db }: Database) {
  return {
    enrollmentsByCurp: (curps: readonly string[]): Promise<EnrollmentModel[]> =>
      db.select().from(enrollments).where(inArray(enrollments.curp, [...curps])).orderBy(asc(enrollments.startDate)),
    enrollmentsById: (ids: readonly string[]): Promise<EnrollmentModel[]> =>
      db.select().from(enrollments).where(inArray(enrollments.id, [...ids])),
    byEmployerRegistrations: (registrations: readonly string[], activeOnly: boolean): Promise<EnrollmentModel[]> =>
      db.select().from(enrollments)
        .where(and(inArray(enrollments.employerRegistration, [...registrations]), activeOnly ? isNull(enrollments.endDate) : undefined))
        .orderBy(asc(enrollments.employerRegistration), asc(enrollments.startDate)),
    countsByKind: () =>
      db.select({ kind: enrollments.kind, count: count() }).from(enrollments).groupBy(enrollments.kind).orderBy(asc(enrollments.kind)),
  };
}

export type EnrollmentsRepository = ReturnType<typeof createEnrollmentsRepository>;

/**
 * All SQL of the enrollments subgraph. Reads are batch-shaped and prepared once per pool; the
 * reference tables are read whole (a few dozen rows each); statistics read only the summary
 * table; `txQueries` are the statements mutations run inside their transaction.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import {
  employerMovements, enrollments, enrollmentStatistics, excludedConditions, familyHealthEnrollments, familyHealthFees, familyHealthMembers,
  independentWorkerEnrollments, minimumWages, nonBusinessDays, paymentReferences, payments, ptiProgrammeRules, ptiRateLines, referenceVersions, statisticsChanges, umaValues, waitingPeriods,
} from '../../db/schema/enrollments.ts';
import { anyOf, onePerPool } from '../shared/sql.ts';
import type {
  CoveragePeriodRow, EmployerMovementModel, EnrollmentModel, FamilyHealthEnrollmentModel, FamilyHealthMemberModel, IndependentWorkerEnrollmentModel,
} from './mappers.ts';
import type { StatisticsDimension, StatisticsMeasure } from './__generated__/resolvers-types.ts';

export type NewEnrollment = typeof enrollments.$inferInsert;
export type NewMovement = typeof employerMovements.$inferInsert;
export type NewFamilyMember = typeof familyHealthMembers.$inferInsert;

const owner = { curp: enrollments.curp, employerRegistration: enrollments.employerRegistration, startDate: enrollments.startDate, endDate: enrollments.endDate };
const version = {
  validFrom: referenceVersions.validFrom, validTo: referenceVersions.validTo, source: referenceVersions.source,
  checkedOn: referenceVersions.checkedOn, confirmed: referenceVersions.confirmed,
};

/** The summary's column for each statistics dimension (MONTH as 'YYYY-MM'). */
const DIMENSION_COLUMNS: Readonly<Record<StatisticsDimension, SQL<string>>> = {
  COUNTRY: sql<string>`${enrollmentStatistics.country}`,
  CONSULATE: sql<string>`${enrollmentStatistics.consulateId}`,
  PROGRAM: sql<string>`${enrollmentStatistics.program}`,
  AGE_BAND: sql<string>`${enrollmentStatistics.ageBand}`,
  SEX: sql<string>`${enrollmentStatistics.sex}`,
  MONTH: sql<string>`to_char(${enrollmentStatistics.month}, 'YYYY-MM')`,
};
const MEASURE_COLUMNS = { ENROLLMENTS: enrollmentStatistics.enrollments, FAMILY_MEMBERS_COVERED: enrollmentStatistics.membersCovered } as const;

/** Deadlocks and serialization failures are retried: the whole transaction runs again. */
const RETRYABLE = new Set(['40P01', '40001']);
export function pgErrorOf(error: unknown): { code?: string; constraint_name?: string } {
  const candidate = (error as { cause?: unknown })?.cause ?? error;
  return typeof candidate === 'object' && candidate !== null ? (candidate as { code?: string; constraint_name?: string }) : {};
}

function createEnrollmentsRepository({ db }: Database) {
  const prepared = {
    enrollmentsByCurp: db.select().from(enrollments).where(anyOf(enrollments.curp)).orderBy(asc(enrollments.startDate)).prepare('enrollments_by_curp'),
    enrollmentsById: db.select().from(enrollments).where(anyOf(enrollments.id)).prepare('enrollments_by_id'),
    enrollmentsByEmployerRegistration: db.select().from(enrollments).where(anyOf(enrollments.employerRegistration))
      .orderBy(asc(enrollments.employerRegistration), asc(enrollments.startDate)).prepare('enrollments_by_employer_registration'),
    // A person's coverage: their own enrollments (family health and PTI aside), the family health
    // memberships that name them (the holder is a member only if enrolled as one; a paid renewal
    // moves the end), and the PTI periods a confirmed payment opened (docs/domain.md §7).
    coveragePeriodsByCurp: db.select({ curp: enrollments.curp, start: enrollments.startDate, end: enrollments.endDate, kind: enrollments.kind })
      .from(enrollments).where(and(anyOf(enrollments.curp), notInArray(enrollments.kind, ['FAMILY_HEALTH', 'INDEPENDENT_WORKER'])))
      .unionAll(
        db.select({ curp: familyHealthMembers.curp, start: enrollments.startDate, end: enrollments.endDate, kind: enrollments.kind })
          .from(familyHealthMembers).innerJoin(enrollments, eq(enrollments.id, familyHealthMembers.enrollmentId)).where(anyOf(familyHealthMembers.curp)),
      )
      .unionAll(
        db.select({ curp: sql<string>`${paymentReferences.curp}`, start: sql<string>`${payments.coverageStart}`, end: payments.coverageEnd, kind: sql<EnrollmentModel['kind']>`'INDEPENDENT_WORKER'` })
          .from(payments).innerJoin(paymentReferences, eq(paymentReferences.id, payments.referenceId))
          .where(and(anyOf(paymentReferences.curp), eq(paymentReferences.concept, 'INDEPENDENT_WORKER_CONTRIBUTION'), isNotNull(payments.coverageStart))),
      )
      .prepare('coverage_periods_by_curp'),
    movementsByEnrollment: db.select().from(employerMovements).where(anyOf(employerMovements.enrollmentId))
      .orderBy(asc(employerMovements.eventDate), asc(employerMovements.createdAt)).prepare('movements_by_enrollment'),
    independentWorkerByEnrollment: db.select({ ...owner, detail: independentWorkerEnrollments }).from(independentWorkerEnrollments)
      .innerJoin(enrollments, eq(enrollments.id, independentWorkerEnrollments.enrollmentId)).where(anyOf(independentWorkerEnrollments.enrollmentId))
      .prepare('independent_worker_by_enrollment'),
    familyHealthByEnrollment: db.select({ ...owner, detail: familyHealthEnrollments }).from(familyHealthEnrollments)
      .innerJoin(enrollments, eq(enrollments.id, familyHealthEnrollments.enrollmentId)).where(anyOf(familyHealthEnrollments.enrollmentId))
      .prepare('family_health_by_enrollment'),
    membersByEnrollment: db.select({ holderCurp: enrollments.curp, member: familyHealthMembers }).from(familyHealthMembers)
      .innerJoin(enrollments, eq(enrollments.id, familyHealthMembers.enrollmentId)).where(anyOf(familyHealthMembers.enrollmentId))
      .orderBy(asc(familyHealthMembers.enrollmentId), asc(familyHealthMembers.relationship), asc(familyHealthMembers.curp))
      .prepare('members_by_enrollment'),
    statisticsChanges: db.select({ changes: sql<string>`coalesce(sum(${statisticsChanges.changes}), 0)::text` }).from(statisticsChanges).prepare('statistics_changes'),
  };

  return {
    enrollmentsByCurp: (curps: readonly string[]): Promise<EnrollmentModel[]> => prepared.enrollmentsByCurp.execute({ keys: [...curps] }),
    enrollmentsById: (ids: readonly string[]): Promise<EnrollmentModel[]> => prepared.enrollmentsById.execute({ keys: [...ids] }),
    enrollmentsByEmployerRegistration: (registrations: readonly string[]): Promise<EnrollmentModel[]> =>
      prepared.enrollmentsByEmployerRegistration.execute({ keys: [...registrations] }),
    coveragePeriodsByCurp: async (curps: readonly string[]): Promise<CoveragePeriodRow[]> =>
      (await prepared.coveragePeriodsByCurp.execute({ keys: [...curps] })).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)),
    movementsByEnrollment: (ids: readonly string[]): Promise<EmployerMovementModel[]> => prepared.movementsByEnrollment.execute({ keys: [...ids] }),
    independentWorkerByEnrollment: async (ids: readonly string[]): Promise<IndependentWorkerEnrollmentModel[]> =>
      (await prepared.independentWorkerByEnrollment.execute({ keys: [...ids] })).map(({ detail, ...rest }) => ({ ...detail, ...rest })),
    familyHealthByEnrollment: async (ids: readonly string[]): Promise<FamilyHealthEnrollmentModel[]> =>
      (await prepared.familyHealthByEnrollment.execute({ keys: [...ids] })).map(({ detail, ...rest }) => ({ ...detail, ...rest })),
    membersByEnrollment: async (ids: readonly string[]): Promise<FamilyHealthMemberModel[]> =>
      (await prepared.membersByEnrollment.execute({ keys: [...ids] })).map(({ member, holderCurp }) => ({ ...member, holderCurp })),

    /** The dated reference tables, each read whole with its versions (a few dozen rows). */
    reference: {
      uma: () => db.select({ ...version, dailyCentavos: umaValues.dailyCentavos }).from(umaValues)
        .innerJoin(referenceVersions, eq(referenceVersions.id, umaValues.versionId)).execute(),
      minimumWages: () => db.select({ ...version, versionId: minimumWages.versionId, zone: minimumWages.zone, dailyCentavos: minimumWages.dailyCentavos }).from(minimumWages)
        .innerJoin(referenceVersions, eq(referenceVersions.id, minimumWages.versionId)).execute(),
      familyHealthFees: () => db.select({ ...version, versionId: familyHealthFees.versionId, fee: familyHealthFees }).from(familyHealthFees)
        .innerJoin(referenceVersions, eq(referenceVersions.id, familyHealthFees.versionId)).orderBy(asc(familyHealthFees.minAge)).execute(),
      ptiRates: () => db.select({ ...version, versionId: ptiRateLines.versionId, line: ptiRateLines }).from(ptiRateLines)
        .innerJoin(referenceVersions, eq(referenceVersions.id, ptiRateLines.versionId)).orderBy(asc(ptiRateLines.position)).execute(),
      ptiProgramme: () => db.select({ ...version, rules: ptiProgrammeRules }).from(ptiProgrammeRules)
        .innerJoin(referenceVersions, eq(referenceVersions.id, ptiProgrammeRules.versionId)).execute(),
      waitingPeriods: () => db.select({ ...version, versionId: waitingPeriods.versionId, rule: waitingPeriods }).from(waitingPeriods)
        .innerJoin(referenceVersions, eq(referenceVersions.id, waitingPeriods.versionId)).orderBy(asc(waitingPeriods.months), asc(waitingPeriods.code)).execute(),
      excludedConditions: () => db.select({ ...version, versionId: excludedConditions.versionId, condition: excludedConditions }).from(excludedConditions)
        .innerJoin(referenceVersions, eq(referenceVersions.id, excludedConditions.versionId)).orderBy(asc(excludedConditions.code)).execute(),
      nonBusinessDays: () => db.select().from(nonBusinessDays).orderBy(asc(nonBusinessDays.day)).execute(),
    },

    /** How often the statistics summary has changed (db/schema/enrollments.ts, statisticsChanges): a number that only grows. */
    statisticsChanges: async (): Promise<string> => (await prepared.statisticsChanges.execute())[0]!.changes,

    /**
     * Counts from the statistics summary, grouped by the dimensions asked for (d0, d1, d2) —
     * only non-zero groups; the summary, never the enrollments, is read.
     */
    statisticsCounts: async (dimensions: readonly StatisticsDimension[], measure: StatisticsMeasure, year: number | null) => {
      const columns = dimensions.map((d) => DIMENSION_COLUMNS[d]);
      const total = sql<number>`sum(${MEASURE_COLUMNS[measure]})::int`;
      const selection = Object.fromEntries(columns.map((column, i) => [`d${i}`, column]));
      const rows = await db.select({ ...selection, count: total }).from(enrollmentStatistics)
        .where(year === null ? undefined : and(gte(enrollmentStatistics.month, `${year}-01-01`), lt(enrollmentStatistics.month, `${year + 1}-01-01`)))
        .groupBy(...columns)
        .having(sql`${total} > 0`);
      return rows.map((row) => ({ values: dimensions.map((_d, i) => String((row as Record<string, unknown>)[`d${i}`])), count: row.count }));
    },

    /**
     * Runs `work` in one transaction: a mutation writes everything or nothing. A deadlock or a
     * serialization failure (statistics rows are shared by concurrent writers) runs it again.
     */
    transaction: async <T>(work: (tx: Tx) => Promise<T>): Promise<T> => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await db.transaction(work);
        } catch (error) {
          const code = pgErrorOf(error).code;
          if (attempt >= 3 || code === undefined || !RETRYABLE.has(code)) throw error;
        }
      }
    },
  };
}

export const enrollmentsRepository = onePerPool(createEnrollmentsRepository);
export type EnrollmentsRepository = ReturnType<typeof createEnrollmentsRepository>;

/** Statements used inside mutations' transactions. */
export const txQueries = {
  /**
   * Serialises the writers of one key (a worker under a registration, a person's PTI enrollment)
   * until the transaction ends, including when no row exists yet to lock.
   */
  lock: async (tx: Tx, key: string): Promise<void> => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`enrollments:${key}`}, 0))`);
  },

  /** Every employment of a worker under one registration, newest first. */
  employmentsOf: (tx: Tx, curp: string, registration: string): Promise<EnrollmentModel[]> =>
    tx.select().from(enrollments)
      .where(and(eq(enrollments.curp, curp), eq(enrollments.employerRegistration, registration), eq(enrollments.kind, 'EMPLOYMENT')))
      .orderBy(desc(enrollments.startDate)),

  openIndependentWorker: async (tx: Tx, curp: string): Promise<EnrollmentModel | undefined> =>
    (await tx.select().from(enrollments).where(and(eq(enrollments.curp, curp), eq(enrollments.kind, 'INDEPENDENT_WORKER'), isNull(enrollments.endDate))))[0],

  /** Family health enrollments naming any of `curps` (as holder or member) whose paid year overlaps [start, end]. */
  familyHealthOverlapping: (tx: Tx, curps: readonly string[], start: string, end: string) =>
    tx.selectDistinct({ curp: familyHealthMembers.curp, holderCurp: enrollments.curp, startDate: enrollments.startDate, endDate: enrollments.endDate })
      .from(enrollments).leftJoin(familyHealthMembers, eq(familyHealthMembers.enrollmentId, enrollments.id))
      .where(and(
        eq(enrollments.kind, 'FAMILY_HEALTH'),
        sql`(${inArray(enrollments.curp, [...curps])} or ${inArray(familyHealthMembers.curp, [...curps])})`,
        sql`${enrollments.startDate} <= ${end} and coalesce(${enrollments.endDate}, 'infinity'::date) >= ${start}`,
      )),

  insertEnrollment: async (tx: Tx, row: NewEnrollment): Promise<EnrollmentModel> => (await tx.insert(enrollments).values(row).returning())[0]!,

  endEnrollment: async (tx: Tx, id: string, endDate: string): Promise<EnrollmentModel> =>
    (await tx.update(enrollments).set({ endDate }).where(eq(enrollments.id, id)).returning())[0]!,

  insertIndependentWorker: (tx: Tx, row: typeof independentWorkerEnrollments.$inferInsert) => tx.insert(independentWorkerEnrollments).values(row),

  insertFamilyHealth: (tx: Tx, row: typeof familyHealthEnrollments.$inferInsert) => tx.insert(familyHealthEnrollments).values(row),

  insertMembers: (tx: Tx, rows: NewFamilyMember[]) => tx.insert(familyHealthMembers).values(rows),

  insertMovement: async (tx: Tx, row: NewMovement): Promise<EmployerMovementModel> => (await tx.insert(employerMovements).values(row).returning())[0]!,
};

/** Tables owned by the enrollments subgraph (Postgres schema `enrollments`). */
import { sql } from 'drizzle-orm';
import { char, check, date, index, pgSchema, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

export const enrollmentsSchema = pgSchema('enrollments');

export const ENROLLMENT_KINDS = ['EMPLOYMENT', 'INDEPENDENT_WORKER', 'FAMILY_HEALTH', 'VOLUNTARY_CONTINUATION'] as const;

export const enrollments = enrollmentsSchema.table(
  'enrollments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The person's key in the persons subgraph; not a foreign key across subgraph schemas. */
    curp: char('curp', { length: 18 }).notNull(),
    kind: varchar('kind', { length: 32, enum: ENROLLMENT_KINDS }).notNull(),
    modality: char('modality', { length: 2 }).notNull(),
    employerRegistration: char('employer_registration', { length: 11 }),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('enrollments_curp_idx').on(t.curp),
    index('enrollments_employer_idx').on(t.employerRegistration),
    check('enrollments_kind', sql`${t.kind} in ('EMPLOYMENT', 'INDEPENDENT_WORKER', 'FAMILY_HEALTH', 'VOLUNTARY_CONTINUATION')`),
    check('enrollments_dates', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

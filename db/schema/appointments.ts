/** Tables owned by the appointments subgraph (Postgres schema `appointments`). */
import { sql } from 'drizzle-orm';
import { char, check, index, pgSchema, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';

export const appointmentsSchema = pgSchema('appointments');

export const APPOINTMENT_SERVICES = ['VOLUNTARY_ENROLLMENT', 'NSS_ASSIGNMENT', 'PROOF_OF_LIFE', 'GENERAL_ADVICE'] as const;
export const APPOINTMENT_STATUSES = ['BOOKED', 'CHECKED_IN', 'SERVED', 'CANCELLED', 'NO_SHOW'] as const;

export const consulates = appointmentsSchema.table('consulates', {
  id: varchar('id', { length: 32 }).primaryKey(),
  name: text('name').notNull(),
  city: text('city').notNull(),
  country: char('country', { length: 2 }).notNull(),
  timeZone: text('time_zone').notNull(),
});

export const appointments = appointmentsSchema.table(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consulateId: varchar('consulate_id', { length: 32 }).notNull().references(() => consulates.id),
    curp: char('curp', { length: 18 }).notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    service: varchar('service', { length: 32, enum: APPOINTMENT_SERVICES }).notNull(),
    status: varchar('status', { length: 16, enum: APPOINTMENT_STATUSES }).notNull().default('BOOKED'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('appointments_curp_idx').on(t.curp),
    /** One booking per window slot: the database, not a check-then-insert, prevents double booking. */
    unique('appointments_slot_unique').on(t.consulateId, t.startsAt),
    check('appointments_status', sql`${t.status} in ('BOOKED', 'CHECKED_IN', 'SERVED', 'CANCELLED', 'NO_SHOW')`),
  ],
);

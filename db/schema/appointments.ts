/**
 * Tables owned by the appointments subgraph (Postgres schema `appointments`): the offices that run
 * an advisory window (consulates, embassy consular sections, IMSS subdelegations), the services
 * and holidays of each, the appointments and walk-ins of their queues, and the seat counters
 * that keep a slot from being overbooked. Appointments keep only the person's CURP: the person
 * is the persons subgraph's (federation, Person @key(fields: "curp")).
 */
import { sql } from 'drizzle-orm';
import {
  char, check, date, foreignKey, index, jsonb, pgSchema, primaryKey, smallint, text, timestamp, uniqueIndex, uuid, varchar,
} from 'drizzle-orm/pg-core';
import type { WeeklyOpeningHours } from '../../subgraphs/appointments/reference/types.ts';

export const appointmentsSchema = pgSchema('appointments');

export const OFFICE_KINDS = ['CONSULATE', 'EMBASSY_CONSULAR_SECTION', 'IMSS_SUBDELEGATION'] as const;
export const APPOINTMENT_SERVICES = [
  'NSS_ASSIGNMENT', 'VOLUNTARY_ENROLLMENT', 'PROOF_OF_LIFE', 'BENEFICIARY_UPDATE', 'COVERAGE_VALIDITY', 'BIOMETRIC_CAPTURE', 'GENERAL_ADVICE',
] as const;
export const APPOINTMENT_STATUSES = ['BOOKED', 'CHECKED_IN', 'CALLED', 'SERVED', 'CANCELLED', 'NO_SHOW'] as const;
/** The statuses of an appointment still in progress: one per person and service (see the partial index). */
export const ACTIVE_STATUSES = ['BOOKED', 'CHECKED_IN', 'CALLED'] as const;

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * The office catalogue (public data). An IMSS office's id is 'IMSS-' + its subdelegation, and no
 * other office's id starts with 'IMSS-': the access policies read an office's staff scope from
 * its id (consulate_id claim, or subdelegation claim), and these checks keep that reading true.
 */
export const offices = appointmentsSchema.table(
  'offices',
  {
    id: varchar('id', { length: 32 }).primaryKey(),
    kind: varchar('kind', { length: 32, enum: OFFICE_KINDS }).notNull(),
    name: text('name').notNull(),
    city: text('city').notNull(),
    region: text('region').notNull(),
    country: char('country', { length: 2 }).notNull(),
    timeZone: text('time_zone').notNull(),
    /** Windows staffed at once: the seats of every 5-minute unit of the office's day. */
    advisoryWindows: smallint('advisory_windows').notNull(),
    /** Local opening hours per ISO weekday (1 = Monday), as the slot rules take them. */
    openingHours: jsonb('opening_hours').$type<WeeklyOpeningHours>().notNull(),
    subdelegation: char('subdelegation', { length: 2 }),
    /** The holiday list reaches this local date; no slots are offered beyond it. */
    holidaysKnownThrough: date('holidays_known_through', { mode: 'string' }).notNull(),
  },
  (t) => [
    check('offices_kind', sql`${t.kind} in (${inList(OFFICE_KINDS)})`),
    check('offices_windows', sql`${t.advisoryWindows} >= 1`),
    check('offices_country', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check('offices_imss_scope', sql`(${t.kind} = 'IMSS_SUBDELEGATION') = (${t.subdelegation} is not null)
      and (${t.subdelegation} is null or ${t.subdelegation} ~ '^[0-9]{2}$')
      and (${t.subdelegation} is null or ${t.id} = 'IMSS-' || ${t.subdelegation})
      and (${t.subdelegation} is not null or ${t.id} not like 'IMSS-%')`),
  ],
);

/** The services each office offers (an appointment's service must be one of its office's). */
export const officeServices = appointmentsSchema.table(
  'office_services',
  {
    officeId: varchar('office_id', { length: 32 }).notNull().references(() => offices.id, { onDelete: 'cascade' }),
    service: varchar('service', { length: 32, enum: APPOINTMENT_SERVICES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.service] }),
    check('office_services_service', sql`${t.service} in (${inList(APPOINTMENT_SERVICES)})`),
  ],
);

/** Local dates an office is closed (Mexico's days of rest, and the host country's). */
export const officeHolidays = appointmentsSchema.table(
  'office_holidays',
  {
    officeId: varchar('office_id', { length: 32 }).notNull().references(() => offices.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.date] })],
);

/**
 * A booked appointment, or a walk-in (no slot: starts_at null, checked in on arrival). The
 * step timestamps record when the person checked in, was called to a window and was served.
 */
export const appointments = appointmentsSchema.table(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeId: varchar('office_id', { length: 32 }).notNull().references(() => offices.id),
    curp: char('curp', { length: 18 }).notNull(),
    service: varchar('service', { length: 32, enum: APPOINTMENT_SERVICES }).notNull(),
    status: varchar('status', { length: 16, enum: APPOINTMENT_STATUSES }).notNull().default('BOOKED'),
    /** The slot booked; null for a walk-in. */
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    /** The office-local date of the slot (or of a walk-in's arrival): the day whose queue it is in. */
    localDate: date('local_date', { mode: 'string' }).notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    calledAt: timestamp('called_at', { withTimezone: true }),
    servedAt: timestamp('served_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('appointments_curp_idx').on(t.curp),
    index('appointments_queue_idx').on(t.officeId, t.localDate),
    /** One active appointment per person and service: the database decides, under any concurrency. */
    uniqueIndex('appointments_one_active_per_service').on(t.curp, t.service).where(sql`${t.status} in (${inList(ACTIVE_STATUSES)})`),
    foreignKey({ name: 'appointments_service_offered', columns: [t.officeId, t.service], foreignColumns: [officeServices.officeId, officeServices.service] }),
    check('appointments_status', sql`${t.status} in (${inList(APPOINTMENT_STATUSES)})`),
    check('appointments_service', sql`${t.service} in (${inList(APPOINTMENT_SERVICES)})`),
    check('appointments_slot', sql`(${t.startsAt} is null) = (${t.endsAt} is null) and (${t.startsAt} is null or ${t.startsAt} < ${t.endsAt})`),
    check('appointments_walk_in_checked_in', sql`${t.startsAt} is not null or ${t.checkedInAt} is not null`),
    check('appointments_steps', sql`(${t.status} not in ('CHECKED_IN', 'CALLED', 'SERVED') or ${t.checkedInAt} is not null)
      and (${t.status} not in ('CALLED', 'SERVED') or ${t.calledAt} is not null)
      and (${t.status} <> 'SERVED' or ${t.servedAt} is not null)`),
  ],
);

/**
 * Seats per 5-minute unit of an office's day: how overbooking is made impossible.
 *
 * A window is busy for a whole appointment, and services last 15 to 40 minutes, so slots of
 * different services overlap; a seat count per slot start could not see that a 09:00 40-minute
 * appointment still holds a window at 09:15. Instead each booking takes one seat in every unit
 * it covers, with one statement per booking:
 *
 *   INSERT … ON CONFLICT (office_id, starts_at) DO UPDATE SET booked = booked + 1
 *   WHERE booked + 1 <= capacity
 *
 * The upsert locks each unit row; a concurrent booking waits for the lock and re-checks the
 * condition against the committed count (READ COMMITTED re-evaluates ON CONFLICT's WHERE on the
 * latest row version), so of twenty requests for the last seat one gets it and the others see it
 * taken. A booking that gets fewer units than it asked for rolls back. The check constraint below
 * makes an overfull unit impossible even for a statement that forgets the condition. Units are
 * taken in ascending order in one statement, so two bookings never lock in opposite orders.
 *
 * If every unit has booked ≤ windows, the appointments can be given windows without a clash
 * (interval graphs: the colours needed equal the largest overlap), so counting per unit is exact.
 */
export const slotUnits = appointmentsSchema.table(
  'slot_units',
  {
    officeId: varchar('office_id', { length: 32 }).notNull().references(() => offices.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    /** The office's windows when the unit was first booked. */
    capacity: smallint('capacity').notNull(),
    booked: smallint('booked').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.startsAt] }),
    check('slot_units_within_capacity', sql`${t.booked} >= 0 and ${t.booked} <= ${t.capacity}`),
  ],
);

/**
 * All SQL of the appointments subgraph. Reads are batch-shaped and prepared once per pool;
 * `txQueries` are the statements of the mutations' transactions, including the one statement
 * that takes or gives back seats (see slot_units in db/schema/appointments.ts for why it cannot
 * overbook).
 */
import { and, asc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import {
  ACTIVE_STATUSES, appointments, officeHolidays, officeServices, offices, slotUnits,
} from '../../db/schema/appointments.ts';
import { anyOf, onePerPool } from '../shared/sql.ts';
import type { AppointmentModel, OfficeModel } from './mappers.ts';
import type { ServiceCode } from './reference/index.ts';
import type { SeatChange, UnitCount } from './rules/index.ts';

export type NewAppointment = typeof appointments.$inferInsert;

export interface OfficeFilter {
  country?: string;
  kind?: OfficeModel['kind'];
  service?: ServiceCode;
}

/**
 * A PostgreSQL array literal, sent as one text parameter and cast in SQL (`$1::date[]`):
 * postgres.js does not serialise JS arrays for date[] or timestamptz[] parameters. Elements are
 * double-quoted with \ and " escaped, so any string is safe.
 */
const arrayLiteral = (values: ReadonlyArray<string | number>): string =>
  `{${values.map((v) => (typeof v === 'number' ? String(v) : `"${v.replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;

function createAppointmentsRepository({ db }: Database) {
  const prepared = {
    officesById: db.select().from(offices).where(anyOf(offices.id)).prepare('offices_by_id'),
    servicesByOffice: db.select().from(officeServices).where(anyOf(officeServices.officeId)).prepare('office_services_by_office'),
    appointmentsById: db.select().from(appointments).where(anyOf(appointments.id)).prepare('appointments_by_id'),
    appointmentsByCurp: db.select().from(appointments).where(anyOf(appointments.curp))
      .orderBy(asc(appointments.localDate), asc(appointments.startsAt), asc(appointments.checkedInAt)).prepare('appointments_by_curp'),
    /** Several offices' queues, each on its own local date: `(office, date)` pairs as two arrays. */
    queues: db.select().from(appointments)
      .where(sql`(${appointments.officeId}, ${appointments.localDate}) in (select * from unnest(${sql.placeholder('offices')}::varchar[], ${sql.placeholder('dates')}::date[]))`)
      .orderBy(asc(appointments.officeId), sql`coalesce(${appointments.startsAt}, ${appointments.checkedInAt})`, asc(appointments.createdAt))
      .prepare('appointments_queues'),
  };
  return {
    offices: (filter: OfficeFilter): Promise<OfficeModel[]> =>
      db.select().from(offices).where(and(
        filter.country ? eq(offices.country, filter.country) : undefined,
        filter.kind ? eq(offices.kind, filter.kind) : undefined,
        filter.service
          ? sql`exists (select 1 from ${officeServices} where ${officeServices.officeId} = ${offices.id} and ${officeServices.service} = ${filter.service})`
          : undefined,
      )).orderBy(asc(offices.country), asc(offices.city), asc(offices.id)),

    officesById: (ids: readonly string[]): Promise<OfficeModel[]> => prepared.officesById.execute({ keys: [...ids] }),

    servicesByOffice: (ids: readonly string[]) => prepared.servicesByOffice.execute({ keys: [...ids] }),

    holidays: (officeId: string, from: string, to: string) =>
      db.select({ date: officeHolidays.date, name: officeHolidays.name }).from(officeHolidays)
        .where(and(eq(officeHolidays.officeId, officeId), gte(officeHolidays.date, from), lte(officeHolidays.date, to)))
        .orderBy(asc(officeHolidays.date)),

    /** Every closed date of an office (the slot rules take the whole list). */
    holidayDates: async (officeId: string): Promise<string[]> =>
      (await db.select({ date: officeHolidays.date }).from(officeHolidays).where(eq(officeHolidays.officeId, officeId))).map((row) => row.date),

    /** Seat counts of an office's units in [from, to), by unit instant (ms). */
    unitCounts: async (officeId: string, from: Date, to: Date): Promise<Map<number, UnitCount>> => {
      const rows = await db.select().from(slotUnits)
        .where(and(eq(slotUnits.officeId, officeId), gte(slotUnits.startsAt, from), lt(slotUnits.startsAt, to)));
      return new Map(rows.map((row) => [row.startsAt.getTime(), { capacity: row.capacity, booked: row.booked }]));
    },

    appointmentsById: (ids: readonly string[]): Promise<AppointmentModel[]> => prepared.appointmentsById.execute({ keys: [...ids] }),

    appointmentsByCurp: (curps: readonly string[]): Promise<AppointmentModel[]> => prepared.appointmentsByCurp.execute({ keys: [...curps] }),

    /** The queues of several offices, each on its own office-local date. */
    queues: (days: ReadonlyArray<{ officeId: string; localDate: string }>): Promise<AppointmentModel[]> =>
      prepared.queues.execute({ offices: arrayLiteral(days.map((d) => d.officeId)), dates: arrayLiteral(days.map((d) => d.localDate)) }),

    /** Runs `work` in one transaction: a mutation either writes everything or nothing. */
    transaction: <T>(work: (tx: Tx) => Promise<T>): Promise<T> => db.transaction(work),
  };
}

export const appointmentsRepository = onePerPool(createAppointmentsRepository);
export type AppointmentsRepository = ReturnType<typeof createAppointmentsRepository>;

const isActive = sql`${appointments.status} in (${sql.raw(ACTIVE_STATUSES.map((s) => `'${s}'`).join(', '))})`;

/** Statements used inside mutations' transactions. */
export const txQueries = {
  lockAppointment: async (tx: Tx, id: string): Promise<AppointmentModel | undefined> =>
    (await tx.select().from(appointments).where(eq(appointments.id, id)).for('update'))[0],

  /**
   * Inserts an appointment unless the person already has an active one for the service: the
   * partial unique index decides (a concurrent insert waits for the other transaction, then
   * sees its row), so no check-then-insert race. Undefined when one is already active.
   */
  insertUnlessActive: async (tx: Tx, row: NewAppointment): Promise<AppointmentModel | undefined> =>
    (await tx.insert(appointments).values(row).onConflictDoNothing({ target: [appointments.curp, appointments.service], where: isActive }).returning())[0],

  /**
   * Takes (+1) or gives back (-1) one seat per unit, in one statement, units in ascending order
   * (the lock order of every booking). The row proposed for a unit is what the unit would be if
   * new: 1 seat booked for a seat taken, 0 for one given back (PostgreSQL checks the proposed row
   * against slot_units_within_capacity before it looks for a conflict, so it cannot carry -1). On
   * conflict that 1 or 0 becomes +1 or -1; a unit whose seats are all taken is left unchanged and
   * not returned, and the caller rolls back when fewer units came back than it changed.
   */
  changeSeats: async (tx: Tx, officeId: string, capacity: number, changes: readonly SeatChange[]): Promise<number> => {
    if (changes.length === 0) return 0;
    const rows = await tx.execute(sql`
      insert into ${slotUnits} as u (office_id, starts_at, capacity, booked)
      select ${officeId}, c.unit, ${capacity}, case when c.delta > 0 then 1 else 0 end
        from unnest(${arrayLiteral(changes.map((c) => c.unit.toISOString()))}::timestamptz[], ${arrayLiteral(changes.map((c) => c.delta))}::smallint[]) as c(unit, delta)
        order by c.unit
      on conflict (office_id, starts_at) do update set booked = u.booked + case when excluded.booked = 1 then 1 else -1 end
        where u.booked + case when excluded.booked = 1 then 1 else -1 end between 0 and u.capacity
      returning u.starts_at`);
    return rows.length;
  },

  setStatus: async (tx: Tx, id: string, values: Partial<Pick<NewAppointment, 'status' | 'checkedInAt' | 'calledAt' | 'servedAt'>>) =>
    (await tx.update(appointments).set({ ...values, updatedAt: sql`now()` }).where(eq(appointments.id, id)).returning())[0]!,

  moveSlot: async (tx: Tx, id: string, slot: { startsAt: Date; endsAt: Date; localDate: string }) =>
    (await tx.update(appointments).set({ ...slot, updatedAt: sql`now()` }).where(eq(appointments.id, id)).returning())[0]!,

  /**
   * A person's earlier booking for the service that was never checked in and is past its grace
   * stops counting as active: it becomes the no-show it is, so it cannot block a new booking.
   */
  lapseMissedBookings: (tx: Tx, curp: string, service: ServiceCode, before: Date) =>
    tx.update(appointments).set({ status: 'NO_SHOW', updatedAt: sql`now()` })
      .where(and(eq(appointments.curp, curp), eq(appointments.service, service), eq(appointments.status, 'BOOKED'), lt(appointments.startsAt, before))),
};

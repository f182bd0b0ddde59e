/** All SQL of the appointments subgraph; batch-shaped reads. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { appointments, consulates } from '../../db/schema/appointments.ts';
import type { AppointmentModel, ConsulateModel } from './mappers.ts';

export function createAppointmentsRepository({ db }: Database) {
  return {
    consulates: (): Promise<ConsulateModel[]> => db.select().from(consulates).orderBy(asc(consulates.name)),
    consulatesById: (ids: readonly string[]): Promise<ConsulateModel[]> =>
      db.select().from(consulates).where(inArray(consulates.id, [...ids])),
    appointmentsById: (ids: readonly string[]): Promise<AppointmentModel[]> =>
      db.select().from(appointments).where(inArray(appointments.id, [...ids])),
    appointmentsByCurp: (curps: readonly string[]): Promise<AppointmentModel[]> =>
      db.select().from(appointments).where(inArray(appointments.curp, [...curps])).orderBy(asc(appointments.startsAt)),
    /** Today's queue of one or more consulates, "today" being the date in each office's time zone. */
    queues: async (consulateIds: readonly string[], now: Date): Promise<AppointmentModel[]> => {
      const rows = await db.select({ appointment: appointments }).from(appointments)
        .innerJoin(consulates, eq(consulates.id, appointments.consulateId))
        .where(and(
          inArray(appointments.consulateId, [...consulateIds]),
          sql`(${appointments.startsAt} at time zone ${consulates.timeZone})::date = (${now.toISOString()}::timestamptz at time zone ${consulates.timeZone})::date`,
        ))
        .orderBy(asc(appointments.startsAt));
      return rows.map((row) => row.appointment);
    },
  };
}

export type AppointmentsRepository = ReturnType<typeof createAppointmentsRepository>;

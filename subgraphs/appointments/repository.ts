/** All SQL of the appointments subgraph; batch-shaped reads. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { anyOf, onePerPool } from '../shared/sql.ts';
import { appointments, consulates } from '../../db/schema/appointments.ts';
import type { AppointmentModel, ConsulateModel } from './mappers.ts';

function createAppointmentsRepository({ db }: Database) {
  const prepared = {
    consulatesById: db.select().from(consulates).where(anyOf(consulates.id)).prepare('consulates_by_id'),
    appointmentsById: db.select().from(appointments).where(anyOf(appointments.id)).prepare('appointments_by_id'),
    appointmentsByCurp: db.select().from(appointments).where(anyOf(appointments.curp)).orderBy(asc(appointments.startsAt)).prepare('appointments_by_curp'),
  };
  return {
    consulates: (): Promise<ConsulateModel[]> => db.select().from(consulates).orderBy(asc(consulates.name)),
    consulatesById: (ids: readonly string[]): Promise<ConsulateModel[]> => prepared.consulatesById.execute({ keys: [...ids] }),
    appointmentsById: (ids: readonly string[]): Promise<AppointmentModel[]> => prepared.appointmentsById.execute({ keys: [...ids] }),
    appointmentsByCurp: (curps: readonly string[]): Promise<AppointmentModel[]> => prepared.appointmentsByCurp.execute({ keys: [...curps] }),
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

export const appointmentsRepository = onePerPool(createAppointmentsRepository);
export type AppointmentsRepository = ReturnType<typeof createAppointmentsRepository>;

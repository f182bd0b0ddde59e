/** All SQL of the appointments subgraph; batch-shaped reads. */
import { and, asc, gte, inArray, lt } from 'drizzle-orm';
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
    /** The queue of one or more consulates between two instants (a day in the office's zone). */
    queues: (consulateIds: readonly string[], from: Date, to: Date): Promise<AppointmentModel[]> =>
      db.select().from(appointments)
        .where(and(inArray(appointments.consulateId, [...consulateIds]), gte(appointments.startsAt, from), lt(appointments.startsAt, to)))
        .orderBy(asc(appointments.startsAt)),
  };
}

export type AppointmentsRepository = ReturnType<typeof createAppointmentsRepository>;

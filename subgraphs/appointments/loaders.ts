import DataLoader from 'dataloader';
import type { BaseContext } from '../shared/context.ts';
import { canReadAppointment, canReadQueueOf } from './access.ts';
import type { AppointmentModel, ConsulateModel } from './mappers.ts';
import type { AppointmentsRepository } from './repository.ts';

export function createAppointmentsLoaders(repository: AppointmentsRepository, base: BaseContext, now: () => Date) {
  const { viewer } = base;
  const visible = async (rows: AppointmentModel[]) => {
    const allowed = rows.filter((row) => canReadAppointment(viewer, row));
    await base.audit.recordReads(allowed.map((row) => row.curp), 'Appointment');
    return allowed;
  };
  return {
    consulateById: new DataLoader<string, ConsulateModel | null>(async (ids) => {
      const map = new Map((await repository.consulatesById(ids)).map((row) => [row.id, row]));
      return ids.map((id) => map.get(id) ?? null);
    }),
    appointmentById: new DataLoader<string, AppointmentModel | null>(async (ids) => {
      const valid = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
      const map = new Map((valid.length ? await visible(await repository.appointmentsById(valid)) : []).map((row) => [row.id, row]));
      return ids.map((id) => map.get(id) ?? null);
    }),
    appointmentsByCurp: new DataLoader<string, AppointmentModel[]>(async (curps) => {
      const rows = viewer ? await visible(await repository.appointmentsByCurp(curps)) : [];
      return curps.map((curp) => rows.filter((row) => row.curp === curp));
    }),
    /** Today's queue in the office's own time zone; only the office's own staff get one. */
    queueByConsulate: new DataLoader<string, AppointmentModel[] | null>(async (ids) => {
      const allowed = ids.filter((id) => canReadQueueOf(viewer, id));
      const rows = allowed.length ? await visible(await repository.queues(allowed, now())) : [];
      return ids.map((id) => (allowed.includes(id) ? rows.filter((row) => row.consulateId === id) : null));
    }),
  };
}

export type AppointmentsLoaders = ReturnType<typeof createAppointmentsLoaders>;

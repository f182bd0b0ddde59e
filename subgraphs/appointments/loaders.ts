import DataLoader from 'dataloader';
import { byKey, groupBy, isUuid } from '../shared/batching.ts';
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
    consulateById: new DataLoader<string, ConsulateModel | null>(async (ids) =>
      byKey(ids, await repository.consulatesById(ids), (row) => row.id),
    ),
    appointmentById: new DataLoader<string, AppointmentModel | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      return byKey(ids, valid.length ? await visible(await repository.appointmentsById(valid)) : [], (row) => row.id);
    }),
    appointmentsByCurp: new DataLoader<string, AppointmentModel[]>(async (curps) => {
      return groupBy(curps, viewer ? await visible(await repository.appointmentsByCurp(curps)) : [], (row) => row.curp);
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

/** Loaders of the appointments subgraph: offices (public), and appointments through scoped loaders. */
import DataLoader from 'dataloader';
import { ALLOW, refuse, scopedListLoader, scopedLoader } from '../shared/access/index.ts';
import { byKey, isUuid } from '../shared/batching.ts';
import type { BaseContext } from '../shared/context.ts';
import type { AppointmentModel, ConsulateModel } from './mappers.ts';
import { isAtOwnConsulate, readAppointment, readAppointmentsOf, readQueueOf, type AppointmentsRead } from './permissions.ts';
import type { AppointmentsRepository } from './repository.ts';

export function createAppointmentsLoaders(ctx: BaseContext<AppointmentsRead>, repository: AppointmentsRepository) {
  const releases = { type: 'Appointment', idOf: (row: AppointmentModel) => row.id };
  const subjectOf = (row: AppointmentModel) => row.curp;
  return {
    consulateById: new DataLoader<string, ConsulateModel | null>(async (ids) =>
      byKey(ids, await repository.consulatesById(ids), (row) => row.id),
    ),
    appointmentById: scopedLoader(ctx, {
      audit: 'Appointment',
      decide: (id: string) => (isUuid(id) ? ALLOW : refuse('OUTSIDE_SCOPE')),
      read: repository.appointmentsById,
      keyOf: (row) => row.id,
      subjectOf,
      decideRow: (row) => readAppointment(ctx, row),
      releases,
    }),
    appointmentsByCurp: scopedListLoader(ctx, {
      audit: 'Person.appointments',
      decide: (curp: string) => readAppointmentsOf(ctx, curp),
      read: repository.appointmentsByCurp,
      keyOf: (row) => row.curp,
      subjectOf,
      subjectOfKey: (curp) => curp,
      narrow: (row) => isAtOwnConsulate(ctx, row),
      releases,
    }),
    /** Today's queue in each office's own time zone. */
    queueByConsulate: scopedListLoader(ctx, {
      audit: 'Consulate.queue',
      decide: (consulateId: string) => readQueueOf(ctx, consulateId),
      read: (consulateIds) => repository.queues(consulateIds, ctx.clock.now()),
      keyOf: (row) => row.consulateId,
      subjectOf,
      releases,
    }),
  };
}

export type AppointmentsLoaders = ReturnType<typeof createAppointmentsLoaders>;

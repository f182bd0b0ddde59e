/**
 * One DataLoader per entity per key per request. Offices and their services are public; every
 * appointment leaves through a scoped loader (shared/access/scoped-loader.ts): decided with the
 * policies of permissions.ts, read in one statement, audited in one statement, released.
 */
import DataLoader from 'dataloader';
import { ALLOW, refuse, scopedListLoader, scopedLoader, type Decision } from '../shared/access/index.ts';
import { byKey, groupBy, isUuid } from '../shared/batching.ts';
import type { BaseContext } from '../shared/context.ts';
import type { AppointmentModel, OfficeModel } from './mappers.ts';
import {
  handleAppointments, isVisibleTo, readAppointment, readAppointmentsOf, readQueueOf, type AppointmentsRead,
} from './permissions.ts';
import { SERVICE_CODES, type ServiceCode } from './reference/index.ts';
import type { AppointmentsRepository } from './repository.ts';
import { localDateOf } from './rules/index.ts';

/** One office's queue day: its office-local date. */
export interface OfficeDay {
  officeId: string;
  localDate: string;
}

export function createAppointmentsLoaders(ctx: BaseContext<AppointmentsRead>, repository: AppointmentsRepository) {
  const subjectOf = (row: AppointmentModel) => row.curp;
  /** Ids are checked after the role: a malformed id is as absent as anyone else's. */
  const decideId = (id: string): Decision => {
    const roles = handleAppointments(ctx);
    if (!roles.allowed) return roles;
    return isUuid(id) ? ALLOW : refuse('OUTSIDE_SCOPE');
  };

  const officeById = new DataLoader<string, OfficeModel | null>(async (ids) =>
    byKey(ids, await repository.officesById(ids), (row) => row.id),
  );

  return {
    officeById,
    /** The services an office offers, in the catalogue's display order. */
    servicesByOffice: new DataLoader<string, ServiceCode[]>(async (ids) =>
      groupBy(ids, await repository.servicesByOffice(ids), (row) => row.officeId)
        .map((rows) => SERVICE_CODES.filter((code) => rows.some((row) => row.service === code))),
    ),
    appointmentById: scopedLoader(ctx, {
      audit: 'Appointment',
      decide: decideId,
      read: repository.appointmentsById,
      keyOf: (row) => row.id,
      subjectOf,
      decideRow: (row) => readAppointment(ctx, row),
      releases: { type: 'Appointment', idOf: (row: AppointmentModel) => row.id },
    }),
    appointmentCaseById: scopedLoader(ctx, {
      audit: 'AppointmentCase',
      decide: decideId,
      read: repository.appointmentsById,
      keyOf: (row) => row.id,
      subjectOf,
      decideRow: (row) => readAppointment(ctx, row),
      releases: { type: 'AppointmentCase', idOf: (row: AppointmentModel) => row.id },
    }),
    appointmentsByCurp: scopedListLoader(ctx, {
      audit: 'Person.appointments',
      decide: (curp: string) => readAppointmentsOf(ctx, curp),
      read: repository.appointmentsByCurp,
      keyOf: (row) => row.curp,
      subjectOf,
      subjectOfKey: (curp) => curp,
      narrow: (row) => isVisibleTo(ctx, row),
      releases: { type: 'Appointment', idOf: (row: AppointmentModel) => row.id },
    }),
    /** Today's queue of each office, "today" being the date in that office's own time zone. */
    queueByOffice: scopedListLoader(ctx, {
      audit: 'Office.queue',
      decide: (officeId: string) => readQueueOf(ctx, officeId),
      read: async (officeIds) => {
        // The parents of Office.queue were loaded through officeById: these come from its cache.
        const found = (await officeById.loadMany(officeIds)).filter((o): o is OfficeModel => o !== null && !(o instanceof Error));
        return repository.queues(found.map((office) => ({ officeId: office.id, localDate: localDateOf(ctx.clock.now(), office.timeZone) })));
      },
      keyOf: (row) => row.officeId,
      subjectOf,
      releases: { type: 'Appointment', idOf: (row: AppointmentModel) => row.id },
    }),
    /** A day's queue entries of one office, for its aggregate summary (no person leaves with it). */
    dayOfOffice: new DataLoader<OfficeDay, AppointmentModel[], string>(async (days) => {
      const rows = await repository.queues(days);
      return days.map((day) => rows.filter((row) => row.officeId === day.officeId && row.localDate === day.localDate));
    }, { cacheKeyFn: (day) => `${day.officeId}\u0000${day.localDate}` }),
  };
}

export type AppointmentsLoaders = ReturnType<typeof createAppointmentsLoaders>;

/** Row scoping for appointments (ARCHITECTURE.md, "Who may do what"). */
import { hasRole } from '../shared/context.ts';
import type { Viewer } from '../../schema/identity/viewer.ts';
import type { AppointmentModel } from './mappers.ts';

export function canReadAppointment(viewer: Viewer | null, row: AppointmentModel): boolean {
  if (!viewer) return false;
  if (hasRole(viewer, 'INSURED') && viewer.curp === row.curp) return true;
  // Staff see their own consulate's appointments only, never another consulate's queue.
  return hasRole(viewer, 'CONSULATE_STAFF') && viewer.consulateId === row.consulateId;
}

export function canReadQueueOf(viewer: Viewer | null, consulateId: string): boolean {
  return viewer !== null && hasRole(viewer, 'CONSULATE_STAFF') && viewer.consulateId === consulateId;
}

/**
 * Who may do what in the appointments subgraph (docs/security.md). Offices are public; an
 * appointment is the person's, and their consulate's staff may see the ones at their consulate.
 * The policies decide one record; the scoped loaders (loaders.ts) run them and audit.
 */
import { allow } from 'graphql-shield';
import {
  ALLOW, allowIf, hasRole, isInsured, isSelf, isSignedIn, isStaffOfConsulate, refuse, releasedAs, roleRefusal,
  type Access, type Decision,
} from '../shared/access/index.ts';
import type { AppointmentModel } from './mappers.ts';

export type AppointmentsRead = 'Appointment' | 'Person.appointments' | 'Consulate.queue';
export type AppointmentsWrite = never;

/** A person's appointments: the person; consulate staff, narrowed to their own consulate's. */
export function readAppointmentsOf(access: Access, curp: string): Decision {
  if (isSelf(access, curp)) return ALLOW;
  if (hasRole(access, 'CONSULATE_STAFF')) return ALLOW; // narrowed by isAtOwnConsulate
  return isInsured(access) ? refuse('OUTSIDE_SCOPE') : roleRefusal(access);
}

export function isAtOwnConsulate(access: Access, row: AppointmentModel): boolean {
  return isSelf(access, row.curp) || isStaffOfConsulate(access, row.consulateId);
}

/** One appointment by id: the person, or staff of the consulate it is at. */
export function readAppointment(access: Access, row: AppointmentModel): Decision {
  if (isAtOwnConsulate(access, row)) return ALLOW;
  return isInsured(access) || hasRole(access, 'CONSULATE_STAFF') ? refuse('OUTSIDE_SCOPE') : roleRefusal(access);
}

/** Today's queue: the consulate's own staff only (that the consulate exists is public, so the refusal is explained). */
export function readQueueOf(access: Access, consulateId: string): Decision {
  if (isStaffOfConsulate(access, consulateId)) return ALLOW;
  return hasRole(access, 'CONSULATE_STAFF') ? refuse('OUTSIDE_SCOPE', true) : roleRefusal(access);
}

export const permissions = {
  Query: {
    // The list of consulates is public: anonymous callers may see it.
    consulates: allow,
    consulate: allow,
  },
  Consulate: {
    '*': allow,
    queue: allowIf(isSignedIn),
  },
  Appointment: releasedAs<AppointmentModel>('Appointment', (row) => row.id),
  Person: {
    curp: allowIf(isSignedIn),
    appointments: allowIf(isSignedIn),
  },
};

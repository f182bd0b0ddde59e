/**
 * Who may do what in the appointments subgraph (docs/security.md). Offices, services and slots
 * are public. An appointment is the person's, and the staff of the office it is at may see it and
 * run it through the queue: consulate staff by the consulate_id of their token, IMSS officers by
 * their subdelegation (an IMSS office's id names it, see reference/office-ids.ts). The daily
 * summary is aggregate (no person in it): the office's staff and IMSS officers.
 *
 * Staff act on their own office's appointments without a declared purpose: the queue is the
 * office's own work list, and check-in is what opens the case a purpose is later bound to, so it
 * cannot itself need one. Their changes are audited (WRITE, with the purpose when declared).
 *
 * Explained refusals (FORBIDDEN) never depend on which record was named; another person's or
 * another office's appointment is refused silently (null / NOT_FOUND), exactly like an absent one.
 */
import { allow } from 'graphql-shield';
import {
  ALLOW, allowIf, hasRole, isInsured, isOfficerOfSubdelegation, isSelf, isSignedIn, isStaff, isStaffOfConsulate, policyRule, refuse,
  releasedAs, roleRefusal, type Access, type Decision,
} from '../shared/access/index.ts';
import type { Mutation } from './__generated__/resolvers-types.ts';
import type { AppointmentModel, OfficeModel } from './mappers.ts';
import { imssOfficeId, subdelegationOfOffice } from './reference/index.ts';

/** The labels this subgraph writes to the audit trail: what was read, and which mutation wrote. */
export type AppointmentsRead = 'Appointment' | 'AppointmentCase' | 'Person.appointments' | 'Office.queue';
export type AppointmentsWrite = Exclude<keyof Mutation, '__typename'>;

/** Staff of this office: consulate staff of a consular office, IMSS officers of an IMSS office's subdelegation. */
export function isStaffOfOffice(access: Access, officeId: string): boolean {
  const subdelegation = subdelegationOfOffice(officeId);
  return subdelegation === null ? isStaffOfConsulate(access, officeId) : isOfficerOfSubdelegation(access, subdelegation);
}

/** The office a staff member works at, from their token; null for everyone else. */
export function ownOfficeOf(access: Access): string | null {
  if (hasRole(access, 'CONSULATE_STAFF')) return access.viewer!.consulateId;
  if (hasRole(access, 'IMSS_OFFICER')) return imssOfficeId(access.viewer!.subdelegation!);
  return null;
}

/** Before any appointment is read or changed: only people who hold or serve appointments. */
export function handleAppointments(access: Access): Decision {
  return isInsured(access) || isStaff(access) ? ALLOW : roleRefusal(access);
}

/** Queue steps and walk-ins: office staff only, whoever the appointment is. */
export function runQueues(access: Access): Decision {
  return isStaff(access) ? ALLOW : roleRefusal(access);
}

/** One appointment (or its case): the person, or staff of its office; anyone else as if absent. */
export function readAppointment(access: Access, row: AppointmentModel): Decision {
  return isSelf(access, row.curp) || isStaffOfOffice(access, row.officeId) ? ALLOW : refuse('OUTSIDE_SCOPE');
}

/** Rescheduling or cancelling: the same people who may read it. */
export const changeAppointment = readAppointment;

/** Moving an appointment through the queue: staff of its office; other offices' staff as if absent. */
export function runQueueOf(access: Access, row: AppointmentModel): Decision {
  return isStaffOfOffice(access, row.officeId) ? ALLOW : refuse('OUTSIDE_SCOPE');
}

/** A person's appointments: the person; office staff, narrowed to their office's (isVisibleTo). */
export function readAppointmentsOf(access: Access, curp: string): Decision {
  if (isSelf(access, curp)) return ALLOW;
  if (isStaff(access)) return ALLOW;
  return isInsured(access) ? refuse('OUTSIDE_SCOPE') : roleRefusal(access);
}

export function isVisibleTo(access: Access, row: AppointmentModel): boolean {
  return readAppointment(access, row).allowed;
}

/** Today's queue: the office's own staff (that the office exists is public, so the refusal is explained). */
export function readQueueOf(access: Access, officeId: string): Decision {
  if (isStaffOfOffice(access, officeId)) return ALLOW;
  return isStaff(access) ? refuse('OUTSIDE_SCOPE', true) : roleRefusal(access);
}

/** A day's aggregate figures: the office's staff, and IMSS officers (who oversee every window). */
export function readDailySummaryOf(access: Access, officeId: string): Decision {
  if (isStaffOfOffice(access, officeId) || hasRole(access, 'IMSS_OFFICER')) return ALLOW;
  return isStaff(access) ? refuse('OUTSIDE_SCOPE', true) : roleRefusal(access);
}

/**
 * Booking at an office for a person: the person themself; staff of that office for anyone.
 * Staff of another office are told (the office is public); an insured person naming someone else
 * is not, as for any other person's record.
 */
export function bookFor(access: Access, booking: { officeId: string; curp: string }): Decision {
  if (isStaffOfOffice(access, booking.officeId) || isSelf(access, booking.curp)) return ALLOW;
  if (isStaff(access)) return refuse('OUTSIDE_SCOPE', true);
  return isInsured(access) ? refuse('OUTSIDE_SCOPE') : roleRefusal(access);
}

/** A walk-in at an office: its staff (another office's staff are told: the office is public). */
export function registerWalkInAt(access: Access, officeId: string): Decision {
  if (isStaffOfOffice(access, officeId)) return ALLOW;
  return isStaff(access) ? refuse('OUTSIDE_SCOPE', true) : roleRefusal(access);
}

export const permissions = {
  Query: {
    // Public reference data and slot search: anonymous callers too.
    offices: allow,
    office: allow,
    consulates: allow,
    consulate: allow,
    services: allow,
    slots: allow,
    // The scoped loaders decide with handleAppointments / readAppointment and audit refusals.
    appointment: allowIf(isSignedIn),
    appointmentCase: allowIf(isSignedIn),
  },
  // Every service authorizes with the policies above before its transaction (and audits refusals).
  Mutation: { '*': allowIf(isSignedIn) },
  Office: {
    '*': allow,
    queue: allowIf(isSignedIn),
    dailySummary: policyRule<OfficeModel>(readDailySummaryOf, (office) => office.id),
  },
  OpeningHours: allow,
  OfficeHoliday: allow,
  AdvisoryService: allow,
  ServiceDocument: allow,
  ServiceDocumentOption: allow,
  AppointmentSlot: allow,
  // Reachable only through Office.dailySummary's policy.
  OfficeDailySummary: allow,
  Appointment: releasedAs<AppointmentModel>('Appointment', (row) => row.id),
  AppointmentCase: releasedAs<AppointmentModel>('AppointmentCase', (row) => row.id),
  Person: {
    curp: allowIf(isSignedIn),
    appointments: allowIf(isSignedIn),
  },
};

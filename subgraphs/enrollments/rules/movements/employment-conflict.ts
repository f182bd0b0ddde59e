/**
 * One employment in force per worker and registro patronal: a new alta under a registration is
 * refused while the worker's previous employment there is still open (no baja yet), or when it
 * would start on or before the day an employment there ended (both would be in force that day). A
 * worker may hold employments under different registrations at the same time.
 */
import type { ValidationIssue } from '../../../../schema/scalars/identifiers/issues.ts';
import { normalizeEmployerRegistration } from './employer-registration.ts';

export interface EmploymentRow {
  id?: string;
  curp: string;
  kind: string;
  employerRegistration: string | null;
  startDate: string;
  /** Null while open (no baja yet). */
  endDate: string | null;
}

export interface NewEmployment {
  /** Set when re-checking an existing row, so that it does not conflict with itself. */
  id?: string;
  curp: string;
  employerRegistration: string;
  startDate: string;
}

export interface EmploymentConflict extends ValidationIssue {
  conflictingRow: EmploymentRow;
}

/** The first conflict between `candidate` and the current `rows`, or null. */
export function openEmploymentConflict(rows: readonly EmploymentRow[], candidate: NewEmployment): EmploymentConflict | null {
  const curp = candidate.curp.trim().toUpperCase();
  const registration = normalizeEmployerRegistration(candidate.employerRegistration);
  const same = rows.filter((row) =>
    row.kind === 'EMPLOYMENT'
    && (candidate.id === undefined || row.id !== candidate.id)
    && row.curp.trim().toUpperCase() === curp
    && row.employerRegistration !== null
    && normalizeEmployerRegistration(row.employerRegistration) === registration);

  const open = same.find((row) => row.endDate === null);
  if (open) {
    return { code: 'EMPLOYMENT_ALREADY_OPEN', message: `The worker already has an open employment under registration ${registration} since ${open.startDate}; file its baja first`, conflictingRow: open };
  }
  // A new alta has no end yet, so any employment there ending on or after its start overlaps it.
  const overlapping = same.find((row) => row.endDate !== null && row.endDate >= candidate.startDate);
  if (overlapping) {
    return { code: 'EMPLOYMENT_OVERLAPS_PREVIOUS', message: `The worker's employment under registration ${registration} ran from ${overlapping.startDate} to ${overlapping.endDate}; a new one must start after ${overlapping.endDate}, not on ${candidate.startDate}`, conflictingRow: overlapping };
  }
  return null;
}

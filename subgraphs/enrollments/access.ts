/** Row scoping for enrollment records (ARCHITECTURE.md, "Who may do what"). */
import { hasRole } from '../shared/context.ts';
import type { Viewer } from '../../schema/identity/viewer.ts';
import type { EnrollmentModel } from './mappers.ts';

/** Whether the viewer may see enrollments of this person at all (before any row is read). */
export function canReadEnrollmentsOf(viewer: Viewer | null, purpose: string | null, curp: string): boolean {
  if (!viewer) return false;
  if (hasRole(viewer, 'INSURED') && viewer.curp === curp) return true;
  if (hasRole(viewer, 'CONSULATE_STAFF', 'IMSS_OFFICER')) return purpose !== null;
  // Employers: only their own workers, narrowed per row by canReadEnrollment.
  return hasRole(viewer, 'EMPLOYER');
}

/** Per row: an employer sees only enrollments filed under its own registros patronales. */
export function canReadEnrollment(viewer: Viewer | null, purpose: string | null, row: EnrollmentModel): boolean {
  if (!viewer) return false;
  if (hasRole(viewer, 'INSURED') && viewer.curp === row.curp) return true;
  if (hasRole(viewer, 'CONSULATE_STAFF', 'IMSS_OFFICER') && purpose !== null) return true;
  return hasRole(viewer, 'EMPLOYER') && row.employerRegistration !== null && viewer.employerRegistrations.includes(row.employerRegistration);
}

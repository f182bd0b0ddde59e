/**
 * Row scoping for person records (ARCHITECTURE.md, "Who may do what"): which persons a viewer may
 * read at all. Applied in the loaders, before any row is read, so `_entities` and root fields get
 * the same answer and "absent" and "not permitted" are indistinguishable (both null).
 */
import { hasRole } from '../shared/context.ts';
import type { Viewer } from '../../schema/identity/viewer.ts';

export function canReadPerson(viewer: Viewer | null, purpose: string | null, curp: string): boolean {
  if (!viewer) return false;
  if (hasRole(viewer, 'INSURED') && viewer.curp === curp) return true;
  // Consulate staff and IMSS officers serve people in person: any person, but only with a declared
  // purpose, and every such read is audited.
  if (hasRole(viewer, 'CONSULATE_STAFF', 'IMSS_OFFICER')) return purpose !== null;
  // Employers, banks and analysts never read person records here: employers see the affiliation
  // data they filed (enrollments), banks a masked name on payment references, analysts aggregates.
  return false;
}

/** Whether the viewer may change this person's contact data or beneficiaries. */
export function canManagePerson(viewer: Viewer | null, purpose: string | null, curp: string): boolean {
  if (!viewer) return false;
  if (hasRole(viewer, 'INSURED') && viewer.curp === curp) return true;
  return hasRole(viewer, 'CONSULATE_STAFF', 'IMSS_OFFICER') && purpose !== null;
}

export function isSelf(viewer: Viewer | null, curp: string): boolean {
  return viewer !== null && hasRole(viewer, 'INSURED') && viewer.curp === curp;
}

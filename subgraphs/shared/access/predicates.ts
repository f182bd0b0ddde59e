/**
 * Who is asking, as every access decision of every subgraph reads it: the viewer the gateway
 * vouched for and the purpose they declared. These predicates are the only place where roles
 * and scopes are compared; policies (permissions.ts of each subgraph) and shield rules
 * (shield-rules.ts) are built from them, never from their own comparisons.
 */
import type { VerifiedCase } from '../../../schema/identity/access-grounds.ts';
import type { Role, Viewer } from '../../../schema/identity/viewer.ts';

export interface Access {
  /** The signed-in viewer, or null for anonymous callers. */
  viewer: Viewer | null;
  /** Purpose declared by the caller (X-Access-Purpose), carried in the gateway's token. */
  purpose: string | null;
  /** The case the gateway verified for this request (schema/identity/access-grounds.ts), if any. */
  case?: VerifiedCase | null;
  /** The reason staff gave for acting without a verified case, if they did. */
  exception?: string | null;
}

/** Staff who serve people in person: they may read a person's data for a declared purpose. */
export const STAFF_ROLES: readonly Role[] = ['CONSULATE_STAFF', 'IMSS_OFFICER'];

export function isSignedIn(access: Access): boolean {
  return access.viewer !== null;
}

export function hasRole(access: Access, ...roles: readonly Role[]): boolean {
  return access.viewer !== null && access.viewer.roles.some((role) => roles.includes(role));
}

export function isInsured(access: Access): boolean {
  return hasRole(access, 'INSURED');
}

/** The insured person the record is about: the CURP in their token is the record's. */
export function isSelf(access: Access, curp: string): boolean {
  return isInsured(access) && access.viewer!.curp === curp;
}

export function isStaff(access: Access, roles: readonly Role[] = STAFF_ROLES): boolean {
  return hasRole(access, ...roles);
}

export function hasDeclaredPurpose(access: Access): boolean {
  return access.purpose !== null;
}

/** An employer holding this registro patronal in its token. */
export function isEmployerOf(access: Access, registration: string): boolean {
  return hasRole(access, 'EMPLOYER') && access.viewer!.employerRegistrations.includes(registration);
}

/** Consulate staff of this consulate. */
export function isStaffOfConsulate(access: Access, consulateId: string): boolean {
  return hasRole(access, 'CONSULATE_STAFF') && access.viewer!.consulateId === consulateId;
}

/** An IMSS officer of this subdelegation. */
export function isOfficerOfSubdelegation(access: Access, subdelegation: string): boolean {
  return hasRole(access, 'IMSS_OFFICER') && access.viewer!.subdelegation === subdelegation;
}

/** The gateway verified an open case of this person at the caller's office, for this request. */
export function hasCaseFor(access: Access, curp: string): boolean {
  return access.case?.curp === curp;
}

/** Staff declared they act without a case, with a reason (flagged in the audit trail, reported). */
export function actsByException(access: Access): boolean {
  return access.exception !== null && access.exception !== undefined;
}

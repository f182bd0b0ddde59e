/**
 * The outcome of an access policy, and what the caller is told about it. A refusal is explained
 * (FORBIDDEN, PURPOSE_REQUIRED) only when it does not depend on which record was asked for; a
 * refusal that does (another person's record, another employer's worker) is silent — null or an
 * empty list, exactly like an absent record — so no answer reveals whether a record exists.
 */
import type { Role } from '../../../schema/identity/viewer.ts';
import { ClientError, ErrorCode } from '../../../schema/errors/client-errors.ts';
import { STAFF_ROLES, actsByException, hasCaseFor, hasDeclaredPurpose, isSignedIn, isStaff, type Access } from './predicates.ts';

export type RefusalReason =
  /** Anonymous caller. */
  | 'NOT_SIGNED_IN'
  /** No role of the caller may ever do this. */
  | 'ROLE_NOT_PERMITTED'
  /** Staff without a declared purpose (docs/security.md, "Who may do what"). */
  | 'PURPOSE_REQUIRED'
  /** Staff with a purpose but no verified case for this person, and no declared exception. */
  | 'CASE_REQUIRED'
  /** The caller's role may, but not for this record (someone else's, another scope's). */
  | 'OUTSIDE_SCOPE';

export type Refusal = { readonly allowed: false; readonly reason: RefusalReason; readonly explained: boolean };
export type Decision = { readonly allowed: true } | Refusal;

export const ALLOW: Decision = Object.freeze({ allowed: true });

/**
 * A refusal. OUTSIDE_SCOPE is silent unless the policy says the record's existence is public
 * anyway (a consulate's queue: everyone knows the consulate exists).
 */
export function refuse(reason: RefusalReason, explained: boolean = reason !== 'OUTSIDE_SCOPE'): Decision {
  return { allowed: false, reason, explained };
}

/** The refusal for a caller none of whose roles the policy admits. */
export function roleRefusal(access: Access): Decision {
  return refuse(isSignedIn(access) ? 'ROLE_NOT_PERMITTED' : 'NOT_SIGNED_IN');
}

/**
 * The one rule for staff, written once (docs/security.md, "Cases"): staff (consulate staff and IMSS
 * officers, or the roles given) act on a person's data only with a declared purpose, and — when the
 * person is known — only on a verified case of that person at their office, or by a declared
 * exception (flagged in the audit trail). Without `subject` (a lookup that does not yet know whose
 * record it is) only the purpose is checked; the record is then decided with its subject.
 */
export function asStaff(access: Access, roles: readonly Role[] = STAFF_ROLES, subject?: string): Decision {
  if (!isStaff(access, roles)) return roleRefusal(access);
  if (!hasDeclaredPurpose(access)) return refuse('PURPOSE_REQUIRED');
  if (subject === undefined || hasCaseFor(access, subject) || actsByException(access)) return ALLOW;
  return refuse('CASE_REQUIRED');
}

/** The client-safe error for an explained refusal. */
export function refusalError(reason: RefusalReason): ClientError {
  switch (reason) {
    case 'NOT_SIGNED_IN':
      return new ClientError(ErrorCode.FORBIDDEN, 'Sign in to do this');
    case 'ROLE_NOT_PERMITTED':
    case 'OUTSIDE_SCOPE':
      return new ClientError(ErrorCode.FORBIDDEN, 'Not permitted');
    case 'PURPOSE_REQUIRED':
      // Said where it is missing: this subgraph sees only the identity token. Whoever called the
      // gateway must send the header; a gateway in front of us must copy it into the token.
      return new ClientError(
        ErrorCode.PURPOSE_REQUIRED,
        'Staff access to personal data needs a declared purpose, and this request has none: send the X-Access-Purpose header ' +
          'with a catalogued procedure (e.g. "X-Access-Purpose: NSS_ASSISTANCE:window-3") with the request to the gateway. ' +
          'The identity token (x-imss-identity) this service received carries no "purpose" claim: a gateway must copy the header into it.',
        { header: 'X-Access-Purpose', claim: 'purpose' },
      );
    case 'CASE_REQUIRED':
      return new ClientError(
        ErrorCode.CASE_REQUIRED,
        "Staff access to this person's data needs a case: send X-Access-Case with the id of their appointment at your office, checked in today, or X-Access-Exception with the reason you act without one",
        { headers: ['X-Access-Case', 'X-Access-Exception'], claims: ['access_case', 'access_exception'] },
      );
  }
}

/**
 * The identity model shared by the gateway and every subgraph: who is calling (`Viewer`), and the
 * claims that carry it. The same claim names are used in the client's JWT and in the gateway's own
 * short-lived token (gateway-token.ts), so one schema validates both and the mapping lives here.
 */
import { z } from 'zod';

export const ROLES = ['INSURED', 'CONSULATE_STAFF', 'EMPLOYER', 'BANK', 'ANALYST', 'IMSS_OFFICER'] as const;
export type Role = (typeof ROLES)[number];

export interface Viewer {
  /** JWT `sub`. */
  subject: string;
  roles: readonly Role[];
  /** INSURED scope: the person's CURP. */
  curp: string | null;
  /** CONSULATE_STAFF scope. */
  consulateId: string | null;
  /** EMPLOYER scope: registros patronales (11 chars, e.g. Y1234567101). */
  employerRegistrations: readonly string[];
  /** BANK scope. */
  bankId: string | null;
  /** IMSS_OFFICER scope: 2-digit subdelegation. */
  subdelegation: string | null;
}

export type Identity = { kind: 'anonymous' } | { kind: 'user'; viewer: Viewer };

export const ANONYMOUS: Identity = Object.freeze({ kind: 'anonymous' });

/** Shape only (docs/domain.md §1): the identity provider is the authority on whether a CURP is real. */
export const CURP_PATTERN = /^[A-Z][AEIOUX][A-Z]{2}\d{6}[HMX][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[A-Z\d]\d$/;
/**
 * 3-char key (a letter, then letters or digits) + 5-digit consecutive + 2-digit modalidad + check
 * digit (docs/domain.md §4, format only), as the enrollments rules validate it.
 */
export const EMPLOYER_REGISTRATION_PATTERN = /^[A-Z][A-Z0-9]{2}\d{5}\d{2}\d$/;
export const SUBDELEGATION_PATTERN = /^\d{2}$/;

// Identifiers that end up in audit rows and logs: bounded, printable, no separators that could
// forge a log line or a comma-joined audit scope.
const scopeId = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/);

/**
 * Claims both tokens carry. Absent and `null` mean the same (some identity providers emit nulls).
 * Unknown extra claims (name, email, …) are ignored, unknown *roles* are not: they fail the parse.
 */
export const identityClaimsSchema = z
  .object({
    sub: z.string().min(1).max(255).regex(/^[^\p{Cc}]+$/u),
    roles: z.array(z.enum(ROLES)).min(1).max(16),
    curp: z.string().regex(CURP_PATTERN).nullish(),
    consulate_id: scopeId.nullish(),
    employer_registrations: z.array(z.string().regex(EMPLOYER_REGISTRATION_PATTERN)).max(1000).nullish(),
    bank_id: scopeId.nullish(),
    subdelegation: z.string().regex(SUBDELEGATION_PATTERN).nullish(),
  })
  .superRefine((claims, ctx) => {
    for (const role of new Set(claims.roles)) {
      const claim = REQUIRED_SCOPE_CLAIM[role];
      if (claim === null) continue;
      const value = claims[claim];
      if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
        ctx.addIssue({ code: 'custom', path: [claim], message: `role ${role} requires the ${claim} claim` });
      }
    }
  });

export type IdentityClaims = z.output<typeof identityClaimsSchema>;
type ScopeClaim = 'curp' | 'consulate_id' | 'employer_registrations' | 'bank_id' | 'subdelegation';

/** Which claim scopes each role; a role without its scope would otherwise mean "everything". */
const REQUIRED_SCOPE_CLAIM: Record<Role, ScopeClaim | null> = {
  INSURED: 'curp',
  CONSULATE_STAFF: 'consulate_id',
  EMPLOYER: 'employer_registrations',
  BANK: 'bank_id',
  ANALYST: null,
  IMSS_OFFICER: 'subdelegation',
};

/**
 * Builds the (deeply frozen) viewer from parsed claims. A scope is kept only when the viewer holds
 * the role it belongs to, so a check that forgets the role test (`viewer.curp === curp`) cannot be
 * satisfied by a stray `curp` claim on, say, an ANALYST token.
 */
export function viewerFromClaims(claims: IdentityClaims): Viewer {
  const roles = [...new Set(claims.roles)];
  const has = (role: Role) => roles.includes(role);
  return Object.freeze({
    subject: claims.sub,
    roles: Object.freeze(roles),
    curp: has('INSURED') ? (claims.curp ?? null) : null,
    consulateId: has('CONSULATE_STAFF') ? (claims.consulate_id ?? null) : null,
    employerRegistrations: Object.freeze(has('EMPLOYER') ? [...new Set(claims.employer_registrations ?? [])] : []),
    bankId: has('BANK') ? (claims.bank_id ?? null) : null,
    subdelegation: has('IMSS_OFFICER') ? (claims.subdelegation ?? null) : null,
  });
}

/** The inverse of viewerFromClaims, with only the claims that have a value (minimum disclosure). */
export function claimsFromViewer(viewer: Viewer): IdentityClaims {
  return {
    sub: viewer.subject,
    roles: [...viewer.roles],
    ...(viewer.curp !== null && { curp: viewer.curp }),
    ...(viewer.consulateId !== null && { consulate_id: viewer.consulateId }),
    ...(viewer.employerRegistrations.length > 0 && { employer_registrations: [...viewer.employerRegistrations] }),
    ...(viewer.bankId !== null && { bank_id: viewer.bankId }),
    ...(viewer.subdelegation !== null && { subdelegation: viewer.subdelegation }),
  };
}

/** The viewer of an identity, or null for anonymous callers. */
export function viewerOf(identity: Identity): Viewer | null {
  return identity.kind === 'user' ? identity.viewer : null;
}

/** Viewers and a recording audit trail for unit tests of policies and loaders (no database). */
import { identityClaimsSchema, viewerFromClaims, type Viewer } from '../../../schema/identity/viewer.ts';
import { ReleasedRows } from '../../../subgraphs/shared/access/released-rows.ts';
import type { Access } from '../../../subgraphs/shared/access/predicates.ts';
import type { AuditEvent, AuditTrail } from '../../../subgraphs/shared/audit/audit-trail.ts';

export const SELF = 'GOMA800101HDFRRN05';
export const OTHER = 'SABC560626MDFLRN01';

export const viewer = (claims: Record<string, unknown>): Viewer => viewerFromClaims(identityClaimsSchema.parse({ sub: 'test', ...claims }));

export const VIEWERS = {
  anonymous: null,
  insured: viewer({ roles: ['INSURED'], curp: SELF }),
  consulateStaff: viewer({ roles: ['CONSULATE_STAFF'], consulate_id: 'CON-LAX' }),
  officer: viewer({ roles: ['IMSS_OFFICER'], subdelegation: '01' }),
  employer: viewer({ roles: ['EMPLOYER'], employer_registrations: ['Y1234567101'] }),
  bank: viewer({ roles: ['BANK'], bank_id: 'BANK-001' }),
  analyst: viewer({ roles: ['ANALYST'] }),
} as const;

/** Grounds staff may act on besides their purpose: a verified case of a person, or an exception. */
export type Grounds = { caseFor?: string; exception?: string };

export const access = (who: keyof typeof VIEWERS, purpose: string | null = null, grounds: Grounds = {}): Access => ({
  viewer: VIEWERS[who],
  purpose,
  case: grounds.caseFor ? { id: 'APT-1', curp: grounds.caseFor, office: 'CON-LAX', procedure: purpose?.split(':')[0] ?? 'NSS_ASSISTANCE' } : null,
  exception: grounds.exception ?? null,
});

/** An audit trail that keeps what it is given, and a released-rows set: what a scoped loader needs. */
export function recordingContext(who: keyof typeof VIEWERS, purpose: string | null = null, grounds: Grounds = {}) {
  const events: AuditEvent[] = [];
  const audit: AuditTrail = { append: async (batch) => void events.push(...batch) };
  return { ...access(who, purpose, grounds), audit, released: new ReleasedRows(), events };
}

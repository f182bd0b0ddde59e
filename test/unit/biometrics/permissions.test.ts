/** The biometrics policies as a truth table: every kind of viewer, on their own record and someone else's. */
import { describe, expect, it } from 'vitest';
import { viewerFromClaims, identityClaimsSchema } from '../../../schema/identity/viewer.ts';
import { actInPerson, assertEmployerIdentity, readBiometricData, readBiometricStatus, revokeConsentOf } from '../../../subgraphs/biometrics/permissions.ts';
import type { Decision } from '../../../subgraphs/shared/access/decisions.ts';
import type { Access } from '../../../subgraphs/shared/access/predicates.ts';

const SELF = 'GOMA800101HDFRRN05';
const OTHER = 'TEDM500315MJCRLR08';
const CLAIMS = {
  anonymous: null,
  insured: { sub: 'i', roles: ['INSURED'], curp: SELF },
  consulateStaff: { sub: 'c', roles: ['CONSULATE_STAFF'], consulate_id: 'CON-LAX' },
  officer: { sub: 'o', roles: ['IMSS_OFFICER'], subdelegation: '01' },
  employer: { sub: 'e', roles: ['EMPLOYER'], employer_registrations: ['Y1234567101'] },
  bank: { sub: 'b', roles: ['BANK'], bank_id: 'BANK-001' },
  analyst: { sub: 'a', roles: ['ANALYST'] },
} as const;
type Who = keyof typeof CLAIMS;

const access = (who: Who, purpose: string | null = null): Access => {
  const claims = CLAIMS[who];
  return { viewer: claims ? viewerFromClaims(identityClaimsSchema.parse(claims)) : null, purpose };
};
const outcome = (d: Decision) => (d.allowed ? 'ALLOW' : `${d.reason}${d.explained ? '' : ' (silent)'}`);

describe('biometrics policies', () => {
  it.each([
    ['anonymous', null, SELF, 'NOT_SIGNED_IN', 'NOT_SIGNED_IN'],
    ['insured', null, SELF, 'ALLOW', 'ALLOW'],
    ['insured', null, OTHER, 'OUTSIDE_SCOPE (silent)', 'OUTSIDE_SCOPE (silent)'],
    ['officer', null, OTHER, 'PURPOSE_REQUIRED', 'ROLE_NOT_PERMITTED'],
    ['officer', 'CASE:1', OTHER, 'ALLOW', 'ROLE_NOT_PERMITTED'],
    ['consulateStaff', 'CASE:1', OTHER, 'ROLE_NOT_PERMITTED', 'ROLE_NOT_PERMITTED'],
    ['employer', 'CASE:1', OTHER, 'ROLE_NOT_PERMITTED', 'ROLE_NOT_PERMITTED'],
    ['bank', null, OTHER, 'ROLE_NOT_PERMITTED', 'ROLE_NOT_PERMITTED'],
    ['analyst', 'CASE:1', OTHER, 'ROLE_NOT_PERMITTED', 'ROLE_NOT_PERMITTED'],
  ] as const)('%s (purpose %s) on %s: status → %s, stored data → %s', (who, purpose, curp, status, data) => {
    expect(outcome(readBiometricStatus(access(who, purpose), curp))).toBe(status);
    expect(outcome(readBiometricData(access(who, purpose), curp))).toBe(data);
  });

  it.each([
    ['officer', 'CASE:1', 'ALLOW'],
    ['officer', null, 'PURPOSE_REQUIRED'],
    ['consulateStaff', 'CASE:1', 'ROLE_NOT_PERMITTED'],
    ['insured', null, 'ROLE_NOT_PERMITTED'],
    ['employer', null, 'ROLE_NOT_PERMITTED'],
    ['anonymous', null, 'NOT_SIGNED_IN'],
  ] as const)('consent, capture and verification in person: %s (purpose %s) → %s', (who, purpose, expected) => {
    expect(outcome(actInPerson(access(who, purpose)))).toBe(expected);
  });

  it('lets the person revoke their own consent, an officer with a purpose anyone’s, nobody else', () => {
    expect(outcome(revokeConsentOf(access('insured'), SELF))).toBe('ALLOW');
    expect(outcome(revokeConsentOf(access('insured'), OTHER))).toBe('OUTSIDE_SCOPE (silent)');
    expect(outcome(revokeConsentOf(access('officer', 'CASE:1'), OTHER))).toBe('ALLOW');
    expect(outcome(revokeConsentOf(access('officer'), OTHER))).toBe('PURPOSE_REQUIRED');
    expect(outcome(revokeConsentOf(access('consulateStaff', 'CASE:1'), OTHER))).toBe('ROLE_NOT_PERMITTED');
  });

  it('gives identity assertions to an employer for its own registrations only', () => {
    expect(outcome(assertEmployerIdentity(access('employer'), 'Y1234567101'))).toBe('ALLOW');
    expect(outcome(assertEmployerIdentity(access('employer'), 'B9876543101'))).toBe('OUTSIDE_SCOPE (silent)');
    expect(outcome(assertEmployerIdentity(access('officer', 'CASE:1'), 'Y1234567101'))).toBe('ROLE_NOT_PERMITTED');
    expect(outcome(assertEmployerIdentity(access('anonymous'), 'Y1234567101'))).toBe('NOT_SIGNED_IN');
  });
});

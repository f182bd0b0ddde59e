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

const PURPOSE = 'BIOMETRIC_CAPTURE:module-2';
/** Staff grounds: a verified case of the person at hand (OTHER), or a declared exception. */
type Grounds = 'case' | 'exception' | 'case of someone else' | null;
const access = (who: Who, purpose: string | null = null, grounds: Grounds = null): Access => {
  const claims = CLAIMS[who];
  const caseCurp = grounds === 'case' ? OTHER : grounds === 'case of someone else' ? SELF : null;
  return {
    viewer: claims ? viewerFromClaims(identityClaimsSchema.parse(claims)) : null,
    purpose,
    case: caseCurp ? { id: 'APT-1', curp: caseCurp, office: 'IMSS-01', procedure: 'BIOMETRIC_CAPTURE' } : null,
    exception: grounds === 'exception' ? 'Capture requested by the delegation, case to follow' : null,
  };
};
const outcome = (d: Decision) => (d.allowed ? 'ALLOW' : `${d.reason}${d.explained ? '' : ' (silent)'}`);

describe('biometrics policies', () => {
  it.each([
    ['anonymous', null, SELF, 'NOT_SIGNED_IN', 'NOT_SIGNED_IN'],
    ['insured', null, SELF, 'ALLOW', 'ALLOW'],
    ['insured', null, OTHER, 'OUTSIDE_SCOPE (silent)', 'OUTSIDE_SCOPE (silent)'],
    ['officer', null, OTHER, 'PURPOSE_REQUIRED', 'ROLE_NOT_PERMITTED'],
    ['officer', PURPOSE, OTHER, 'CASE_REQUIRED', 'ROLE_NOT_PERMITTED'],
    ['officer', PURPOSE, OTHER, 'ALLOW', 'ROLE_NOT_PERMITTED', 'case'],
    ['officer', PURPOSE, OTHER, 'CASE_REQUIRED', 'ROLE_NOT_PERMITTED', 'case of someone else'],
    ['officer', PURPOSE, OTHER, 'ALLOW', 'ROLE_NOT_PERMITTED', 'exception'],
    ['consulateStaff', PURPOSE, OTHER, 'ROLE_NOT_PERMITTED', 'ROLE_NOT_PERMITTED', 'case'],
    ['employer', PURPOSE, OTHER, 'ROLE_NOT_PERMITTED', 'ROLE_NOT_PERMITTED', 'case'],
    ['bank', null, OTHER, 'ROLE_NOT_PERMITTED', 'ROLE_NOT_PERMITTED'],
    ['analyst', PURPOSE, OTHER, 'ROLE_NOT_PERMITTED', 'ROLE_NOT_PERMITTED', 'exception'],
  ] as const)('%s (purpose %s) on %s: status → %s, stored data → %s (grounds: %s)', (who, purpose, curp, status, data, grounds?: Grounds) => {
    expect(outcome(readBiometricStatus(access(who, purpose, grounds), curp))).toBe(status);
    expect(outcome(readBiometricData(access(who, purpose, grounds), curp))).toBe(data);
  });

  it.each([
    ['officer', PURPOSE, 'case', 'ALLOW'],
    ['officer', PURPOSE, 'exception', 'ALLOW'],
    ['officer', PURPOSE, null, 'CASE_REQUIRED'],
    ['officer', PURPOSE, 'case of someone else', 'CASE_REQUIRED'],
    ['officer', null, 'case', 'PURPOSE_REQUIRED'],
    ['consulateStaff', PURPOSE, 'case', 'ROLE_NOT_PERMITTED'],
    ['insured', null, null, 'ROLE_NOT_PERMITTED'],
    ['employer', null, null, 'ROLE_NOT_PERMITTED'],
    ['anonymous', null, null, 'NOT_SIGNED_IN'],
  ] as const)('consent, capture and verification in person: %s (purpose %s, grounds %s) → %s', (who, purpose, grounds, expected) => {
    expect(outcome(actInPerson(access(who, purpose, grounds), OTHER))).toBe(expected);
  });

  it('checks only the purpose when an officer verifies an employer’s e.firma, which concerns no person', () => {
    expect(outcome(actInPerson(access('officer', PURPOSE), null))).toBe('ALLOW');
    expect(outcome(actInPerson(access('officer'), null))).toBe('PURPOSE_REQUIRED');
  });

  it('lets the person revoke their own consent, an officer with a purpose anyone’s, nobody else', () => {
    expect(outcome(revokeConsentOf(access('insured'), SELF))).toBe('ALLOW');
    expect(outcome(revokeConsentOf(access('insured'), OTHER))).toBe('OUTSIDE_SCOPE (silent)');
    expect(outcome(revokeConsentOf(access('officer', PURPOSE, 'case'), OTHER))).toBe('ALLOW');
    expect(outcome(revokeConsentOf(access('officer', PURPOSE), OTHER))).toBe('CASE_REQUIRED');
    expect(outcome(revokeConsentOf(access('officer'), OTHER))).toBe('PURPOSE_REQUIRED');
    expect(outcome(revokeConsentOf(access('consulateStaff', PURPOSE, 'case'), OTHER))).toBe('ROLE_NOT_PERMITTED');
  });

  it('gives identity assertions to an employer for its own registrations only', () => {
    expect(outcome(assertEmployerIdentity(access('employer'), 'Y1234567101'))).toBe('ALLOW');
    expect(outcome(assertEmployerIdentity(access('employer'), 'B9876543101'))).toBe('OUTSIDE_SCOPE (silent)');
    expect(outcome(assertEmployerIdentity(access('officer', PURPOSE, 'case'), 'Y1234567101'))).toBe('ROLE_NOT_PERMITTED');
    expect(outcome(assertEmployerIdentity(access('anonymous'), 'Y1234567101'))).toBe('NOT_SIGNED_IN');
  });
});

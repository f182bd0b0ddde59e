/** Who may do what in the enrollments subgraph: the policies of permissions.ts as truth tables. */
import { describe, expect, it } from 'vitest';
import type { Access } from '../../../subgraphs/shared/access/index.ts';
import {
  enrollVoluntarily, fileMovementUnder, isOwnEmployment, readCoveragePeriodsOf, readEnrollment, readEnrollmentsOf,
} from '../../../subgraphs/enrollments/permissions.ts';
import type { Role } from '../../../schema/identity/viewer.ts';

const ME = 'GOMA800101HDFRRN05';
const OTHER = 'TEDM500315MJCRLR06';

function access(role: Role | null, extra: { purpose?: string | null; curp?: string; registrations?: string[]; caseFor?: string; exception?: string } = {}): Access {
  if (role === null) return { viewer: null, purpose: null };
  return {
    viewer: {
      subject: 's', roles: [role], curp: role === 'INSURED' ? (extra.curp ?? ME) : null, consulateId: role === 'CONSULATE_STAFF' ? 'CON-LAX' : null,
      employerRegistrations: role === 'EMPLOYER' ? (extra.registrations ?? ['Y1234567101']) : [], bankId: role === 'BANK' ? 'BANK-001' : null, subdelegation: role === 'IMSS_OFFICER' ? '01' : null,
    },
    purpose: extra.purpose ?? null,
    case: extra.caseFor ? { id: 'APT-1', curp: extra.caseFor, office: 'CON-LAX', procedure: 'VOLUNTARY_ENROLLMENT' } : null,
    exception: extra.exception ?? null,
  };
}
const P = 'VOLUNTARY_ENROLLMENT:window-2';
const outcome = (d: { allowed: boolean; reason?: string }) => (d.allowed ? 'ALLOW' : d.reason);

describe('enrollments policies', () => {
  it('voluntary enrollment: oneself, or staff with a purpose on the person’s case (or by exception); another insured person is OUTSIDE_SCOPE (silent)', () => {
    const table: Array<[Access, string, string | undefined]> = [
      [access('INSURED'), ME, 'ALLOW'],
      [access('INSURED'), OTHER, 'OUTSIDE_SCOPE'],
      [access('CONSULATE_STAFF', { purpose: P, caseFor: OTHER }), OTHER, 'ALLOW'],
      [access('CONSULATE_STAFF', { purpose: P }), OTHER, 'CASE_REQUIRED'],
      [access('CONSULATE_STAFF', { purpose: P, caseFor: ME }), OTHER, 'CASE_REQUIRED'],
      [access('CONSULATE_STAFF', { caseFor: OTHER }), OTHER, 'PURPOSE_REQUIRED'],
      [access('IMSS_OFFICER', { purpose: P, caseFor: OTHER }), OTHER, 'ALLOW'],
      [access('IMSS_OFFICER', { purpose: P, exception: 'Delegation review of a complaint' }), OTHER, 'ALLOW'],
      [access('EMPLOYER'), OTHER, 'ROLE_NOT_PERMITTED'],
      [access('BANK'), OTHER, 'ROLE_NOT_PERMITTED'],
      [access('ANALYST'), OTHER, 'ROLE_NOT_PERMITTED'],
      [access(null), OTHER, 'NOT_SIGNED_IN'],
    ];
    for (const [who, curp, expected] of table) expect(outcome(enrollVoluntarily(who, curp))).toBe(expected);
    expect(enrollVoluntarily(access('INSURED'), OTHER)).toMatchObject({ explained: false });
  });

  it('movements: only an employer holding the registration; another employer is answered as not found', () => {
    expect(outcome(fileMovementUnder(access('EMPLOYER'), 'Y1234567101'))).toBe('ALLOW');
    expect(fileMovementUnder(access('EMPLOYER'), 'B9876543101')).toMatchObject({ allowed: false, reason: 'OUTSIDE_SCOPE', explained: false });
    for (const role of ['INSURED', 'CONSULATE_STAFF', 'IMSS_OFFICER', 'BANK', 'ANALYST'] as const) {
      expect(outcome(fileMovementUnder(access(role, { purpose: P, caseFor: OTHER }), 'Y1234567101'))).toBe('ROLE_NOT_PERMITTED');
    }
  });

  it('an employer reads only the enrollments (and their details) filed under its own registrations', () => {
    const own = { curp: OTHER, employerRegistration: 'Y1234567101' };
    const theirs = { curp: OTHER, employerRegistration: 'B9876543101' };
    const pti = { curp: OTHER, employerRegistration: null };
    expect(outcome(readEnrollment(access('EMPLOYER'), own))).toBe('ALLOW');
    expect(outcome(readEnrollment(access('EMPLOYER'), theirs))).toBe('OUTSIDE_SCOPE');
    expect(outcome(readEnrollment(access('EMPLOYER'), pti))).toBe('OUTSIDE_SCOPE');
    expect(isOwnEmployment(access('INSURED', { curp: OTHER }), theirs)).toBe(true);
    expect(outcome(readEnrollmentsOf(access('EMPLOYER'), OTHER))).toBe('ALLOW'); // narrowed row by row
  });

  it('coverage periods: the person and staff with a purpose on their case, never an employer', () => {
    expect(outcome(readCoveragePeriodsOf(access('INSURED'), ME))).toBe('ALLOW');
    expect(outcome(readCoveragePeriodsOf(access('CONSULATE_STAFF', { purpose: P, caseFor: ME }), ME))).toBe('ALLOW');
    expect(outcome(readCoveragePeriodsOf(access('CONSULATE_STAFF', { purpose: P }), ME))).toBe('CASE_REQUIRED');
    expect(outcome(readCoveragePeriodsOf(access('EMPLOYER'), ME))).toBe('ROLE_NOT_PERMITTED');
  });
});

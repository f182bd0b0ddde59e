/** The persons policies as a truth table: every kind of viewer, on their own record and someone else's. */
import { describe, expect, it } from 'vitest';
import { lookUpPersons, readAccessLog, readPerson, recordProofOfLifeFor } from '../../../subgraphs/persons/permissions.ts';
import type { Decision } from '../../../subgraphs/shared/access/decisions.ts';
import { OTHER, SELF, access, type Grounds } from '../access/support.ts';

const outcome = (d: Decision) => (d.allowed ? 'ALLOW' : `${d.reason}${d.explained ? '' : ' (silent)'}`);
const PURPOSE = 'NSS_ASSISTANCE:window-1';
const CASE_OF_OTHER: Grounds = { caseFor: OTHER };
const CASE_OF_SELF: Grounds = { caseFor: SELF };
const EXCEPTION: Grounds = { exception: 'Pensioner hospitalised, acting on a relative’s request' };

describe('persons policies', () => {
  it.each([
    ['anonymous', null, {}, SELF, 'NOT_SIGNED_IN'],
    ['insured', null, {}, SELF, 'ALLOW'],
    ['insured', null, {}, OTHER, 'OUTSIDE_SCOPE (silent)'],
    ['consulateStaff', null, CASE_OF_OTHER, OTHER, 'PURPOSE_REQUIRED'],
    ['consulateStaff', PURPOSE, {}, OTHER, 'CASE_REQUIRED'],
    ['consulateStaff', PURPOSE, CASE_OF_OTHER, OTHER, 'ALLOW'],
    // A case opens its own person only: not the next person in the queue.
    ['consulateStaff', PURPOSE, CASE_OF_SELF, OTHER, 'CASE_REQUIRED'],
    ['consulateStaff', PURPOSE, EXCEPTION, OTHER, 'ALLOW'],
    ['officer', null, {}, OTHER, 'PURPOSE_REQUIRED'],
    ['officer', PURPOSE, {}, OTHER, 'CASE_REQUIRED'],
    ['officer', PURPOSE, CASE_OF_OTHER, OTHER, 'ALLOW'],
    ['officer', PURPOSE, EXCEPTION, OTHER, 'ALLOW'],
    ['employer', PURPOSE, CASE_OF_OTHER, OTHER, 'ROLE_NOT_PERMITTED'],
    ['bank', null, {}, OTHER, 'ROLE_NOT_PERMITTED'],
    ['analyst', PURPOSE, EXCEPTION, OTHER, 'ROLE_NOT_PERMITTED'],
  ] as const)('readPerson: %s (purpose %s, grounds %j) on %s → %s', (who, purpose, grounds, curp, expected) => {
    expect(outcome(readPerson(access(who, purpose, grounds), curp))).toBe(expected);
  });

  it('lets the roles that may read persons look one up by NSS (the record is decided once its CURP is known), and no one else', () => {
    expect(outcome(lookUpPersons(access('insured')))).toBe('ALLOW');
    expect(outcome(lookUpPersons(access('consulateStaff')))).toBe('PURPOSE_REQUIRED');
    expect(outcome(lookUpPersons(access('officer', PURPOSE)))).toBe('ALLOW');
    expect(outcome(lookUpPersons(access('bank')))).toBe('ROLE_NOT_PERMITTED');
  });

  it('lets only consulate staff with a purpose and the pensioner’s case (or an exception) record a proof of life', () => {
    expect(outcome(recordProofOfLifeFor(access('consulateStaff', 'PROOF_OF_LIFE:1', CASE_OF_OTHER), OTHER))).toBe('ALLOW');
    expect(outcome(recordProofOfLifeFor(access('consulateStaff', 'PROOF_OF_LIFE:1', EXCEPTION), OTHER))).toBe('ALLOW');
    expect(outcome(recordProofOfLifeFor(access('consulateStaff', 'PROOF_OF_LIFE:1'), OTHER))).toBe('CASE_REQUIRED');
    expect(outcome(recordProofOfLifeFor(access('consulateStaff', null, CASE_OF_OTHER), OTHER))).toBe('PURPOSE_REQUIRED');
    expect(outcome(recordProofOfLifeFor(access('officer', 'PROOF_OF_LIFE:1', CASE_OF_OTHER), OTHER))).toBe('ROLE_NOT_PERMITTED');
  });

  it('lets only the person list their access log', () => {
    expect(outcome(readAccessLog(access('insured'), SELF))).toBe('ALLOW');
    expect(outcome(readAccessLog(access('consulateStaff', PURPOSE, CASE_OF_SELF), SELF))).toBe('ROLE_NOT_PERMITTED');
  });
});

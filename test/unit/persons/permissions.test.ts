/** The persons policies as a truth table: every kind of viewer, on their own record and someone else's. */
import { describe, expect, it } from 'vitest';
import { lookUpPersons, readAccessLog, readPerson, recordProofOfLifeFor } from '../../../subgraphs/persons/permissions.ts';
import type { Decision } from '../../../subgraphs/shared/access/decisions.ts';
import { OTHER, SELF, access } from '../access/support.ts';

const outcome = (d: Decision) => (d.allowed ? 'ALLOW' : `${d.reason}${d.explained ? '' : ' (silent)'}`);

describe('persons policies', () => {
  it.each([
    ['anonymous', null, SELF, 'NOT_SIGNED_IN'],
    ['insured', null, SELF, 'ALLOW'],
    ['insured', null, OTHER, 'OUTSIDE_SCOPE (silent)'],
    ['consulateStaff', null, OTHER, 'PURPOSE_REQUIRED'],
    ['consulateStaff', 'CASE:1', OTHER, 'ALLOW'],
    ['officer', null, OTHER, 'PURPOSE_REQUIRED'],
    ['officer', 'CASE:1', OTHER, 'ALLOW'],
    ['employer', 'CASE:1', OTHER, 'ROLE_NOT_PERMITTED'],
    ['bank', null, OTHER, 'ROLE_NOT_PERMITTED'],
    ['analyst', null, OTHER, 'ROLE_NOT_PERMITTED'],
  ] as const)('readPerson: %s (purpose %s) on %s → %s', (who, purpose, curp, expected) => {
    expect(outcome(readPerson(access(who, purpose), curp))).toBe(expected);
  });

  it('lets the roles that may read persons look one up by NSS, and no one else', () => {
    expect(outcome(lookUpPersons(access('insured')))).toBe('ALLOW');
    expect(outcome(lookUpPersons(access('consulateStaff')))).toBe('PURPOSE_REQUIRED');
    expect(outcome(lookUpPersons(access('officer', 'CASE:1')))).toBe('ALLOW');
    expect(outcome(lookUpPersons(access('bank')))).toBe('ROLE_NOT_PERMITTED');
  });

  it('lets only consulate staff with a purpose record a proof of life', () => {
    expect(outcome(recordProofOfLifeFor(access('consulateStaff', 'POL:1')))).toBe('ALLOW');
    expect(outcome(recordProofOfLifeFor(access('consulateStaff')))).toBe('PURPOSE_REQUIRED');
    expect(outcome(recordProofOfLifeFor(access('officer', 'POL:1')))).toBe('ROLE_NOT_PERMITTED');
  });

  it('lets only the person list their access log', () => {
    expect(outcome(readAccessLog(access('insured'), SELF))).toBe('ALLOW');
    expect(outcome(readAccessLog(access('consulateStaff', 'CASE:1'), SELF))).toBe('ROLE_NOT_PERMITTED');
  });
});

/** Beneficiaries, coverage validity, proof of life and eligibility (docs/domain.md §5, §8, §10). */
import { describe, expect, it } from 'vitest';
import { addMonths, birthday } from '../../../subgraphs/shared/dates.ts';
import {
  computeCoverage, evaluateBeneficiary, evaluateEligibility, proofOfLifeStatus, validateBeneficiarySet, type PeriodKind,
} from '../../../subgraphs/persons/rules/index.ts';

describe('beneficiaries', () => {
  const child = { relationship: 'CHILD', birthDate: '2010-03-10', livesInHousehold: true };

  it('a child is eligible until the 16th birthday (the day before, not on it)', () => {
    expect(evaluateBeneficiary(child, { asOf: '2026-03-09' })).toMatchObject({ eligible: true, until: '2026-03-10' });
    expect(evaluateBeneficiary(child, { asOf: '2026-03-10' })).toMatchObject({ eligible: false, issues: [{ code: 'BENEFICIARY_STUDENT_EXTENSION_REQUIRED' }] });
  });

  it('from 16, only with a student extension, until the extension or the 25th birthday', () => {
    expect(evaluateBeneficiary({ ...child, studentExtensionUntil: '2027-07-31' }, { asOf: '2026-09-01' })).toMatchObject({ eligible: true, until: '2027-07-31' });
    expect(evaluateBeneficiary({ ...child, studentExtensionUntil: '2040-01-01' }, { asOf: '2030-01-01' })).toMatchObject({ eligible: true, until: '2035-03-10' });
    expect(evaluateBeneficiary({ ...child, studentExtensionUntil: '2026-08-31' }, { asOf: '2026-09-01' })).toMatchObject({ eligible: false, issues: [{ code: 'BENEFICIARY_EXTENSION_EXPIRED' }] });
    expect(evaluateBeneficiary({ ...child, studentExtensionUntil: '2040-01-01' }, { asOf: '2035-03-10' })).toMatchObject({ eligible: false, issues: [{ code: 'BENEFICIARY_CHILD_TOO_OLD' }] });
  });

  it('parents only in the household; no future birth dates', () => {
    expect(evaluateBeneficiary({ relationship: 'PARENT', birthDate: '1950-01-01', livesInHousehold: false }, { asOf: '2026-01-01' }).issues[0]?.code).toBe('BENEFICIARY_PARENT_NOT_IN_HOUSEHOLD');
    expect(evaluateBeneficiary({ ...child, birthDate: '2027-01-01' }, { asOf: '2026-01-01' }).issues[0]?.code).toBe('BENEFICIARY_BIRTH_DATE_FUTURE');
  });

  const holder = { curp: 'HOLDER', birthDate: '1978-01-01' };
  const named = { givenNames: 'ANA', firstSurname: 'RUIZ', secondSurname: null };

  it('one spouse or concubine, two parents, no duplicates', () => {
    const spouse = { ...named, relationship: 'SPOUSE', birthDate: '1980-01-01', livesInHousehold: true, curp: 'A' };
    expect(validateBeneficiarySet([spouse], { ...spouse, relationship: 'CONCUBINE', curp: 'B' }, holder)[0]?.code).toBe('BENEFICIARY_PARTNER_EXISTS');
    const parent = { ...named, relationship: 'PARENT', birthDate: '1950-01-01', livesInHousehold: true, curp: 'P' };
    expect(validateBeneficiarySet([parent, { ...parent, curp: 'Q' }], { ...parent, curp: 'R' }, holder)[0]?.code).toBe('BENEFICIARY_PARENTS_LIMIT');
    expect(validateBeneficiarySet([spouse], { ...named, ...child, curp: 'A' }, holder)[0]?.code).toBe('BENEFICIARY_DUPLICATE');
    expect(validateBeneficiarySet([spouse], { ...named, ...child, givenNames: 'LUIS' }, holder)).toEqual([]);
  });

  it('the same child twice without a CURP is a duplicate', () => {
    const kid = { ...named, ...child, givenNames: 'LUIS' };
    expect(validateBeneficiarySet([kid], { ...kid }, holder).map((i) => i.code)).toEqual(['BENEFICIARY_DUPLICATE']);
  });

  it('refuses the holder as their own beneficiary, a parent younger than the holder and a child older', () => {
    expect(validateBeneficiarySet([], { ...named, ...child, curp: 'HOLDER' }, holder).map((i) => i.code)).toContain('BENEFICIARY_IS_HOLDER');
    expect(validateBeneficiarySet([], { ...named, relationship: 'PARENT', birthDate: '1990-01-01', livesInHousehold: true }, holder).map((i) => i.code)).toEqual(['BENEFICIARY_PARENT_TOO_YOUNG']);
    expect(validateBeneficiarySet([], { ...named, ...child, birthDate: '1970-01-01' }, holder).map((i) => i.code)).toEqual(['BENEFICIARY_CHILD_TOO_OLD_FOR_HOLDER']);
  });
});

describe('coverage validity', () => {
  const job = (start: string, end: string | null, kind: PeriodKind = 'EMPLOYMENT') => ({ start, end, kind });

  it('an open period is ACTIVE; no period is NONE; a future one does not count yet', () => {
    expect(computeCoverage([job('2020-01-01', null)], { asOf: '2026-11-23' })).toMatchObject({ status: 'ACTIVE', validUntil: null });
    expect(computeCoverage([], { asOf: '2026-11-23' }).status).toBe('NONE');
    expect(computeCoverage([job('2027-01-01', null)], { asOf: '2026-11-23' }).status).toBe('NONE');
  });

  it('keeps rights 8 weeks after a baja, to the day (LSS art. 109)', () => {
    const periods = [job('2025-01-01', '2026-10-01')];
    expect(computeCoverage(periods, { asOf: '2026-11-26' })).toMatchObject({ status: 'PRESERVED', validUntil: '2026-11-26' });
    expect(computeCoverage(periods, { asOf: '2026-11-27' })).toMatchObject({ status: 'EXPIRED', validUntil: '2026-11-26' });
  });

  it('needs 8 uninterrupted weeks before the baja; touching periods join', () => {
    expect(computeCoverage([job('2026-09-01', '2026-10-01')], { asOf: '2026-10-10' }).status).toBe('EXPIRED');
    expect(computeCoverage([job('2026-08-01', '2026-08-31'), job('2026-09-01', '2026-10-01')], { asOf: '2026-10-10' }).status).toBe('PRESERVED');
  });

  it('the voluntary family insurance carries no preservation', () => {
    expect(computeCoverage([job('2020-01-01', '2026-10-01', 'FAMILY_HEALTH')], { asOf: '2026-10-10' }).status).toBe('EXPIRED');
  });
});

describe('proof of life (every 6 months; due-soon and grace windows configurable)', () => {
  const at = (asOf: string) => proofOfLifeStatus({ lastProof: '2026-01-15', pensionStart: '2015-06-01' }, { asOf });
  it('moves CURRENT → DUE → OVERDUE → SUSPENDED', () => {
    expect(at('2026-06-14')).toEqual({ state: 'CURRENT', nextDeadline: '2026-07-15' });
    expect(at('2026-06-15').state).toBe('DUE');
    expect(at('2026-07-15').state).toBe('DUE');
    expect(at('2026-07-16').state).toBe('OVERDUE');
    expect(at('2026-08-14').state).toBe('OVERDUE');
    expect(at('2026-08-15').state).toBe('SUSPENDED');
  });
  it('without any proof, counts from the pension start; without either, OVERDUE now', () => {
    expect(proofOfLifeStatus({ lastProof: null, pensionStart: '2026-05-01' }, { asOf: '2026-06-01' })).toEqual({ state: 'CURRENT', nextDeadline: '2026-11-01' });
    expect(proofOfLifeStatus({ lastProof: null, pensionStart: null }, { asOf: '2026-06-01' })).toEqual({ state: 'OVERDUE', nextDeadline: '2026-06-01' });
  });
  it('month arithmetic clamps to the last day', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(birthday('2008-02-29', 16)).toBe('2024-02-29');
    expect(birthday('2008-02-29', 17)).toBe('2025-03-01');
  });
});

describe('voluntary enrollment abroad', () => {
  const facts = { residency: null, program: 'INDEPENDENT_WORKER' as const, hasNss: true, hasMexicanAddress: true, declaredMonthlyIncome: 12_000 };
  const codes = (r: ReturnType<typeof evaluateEligibility>) => r.missingRequirements.map((m) => m.code);

  it('a Mexican with CURP, e-mail and matrícula still needs an NSS, a Mexican address and a declared income as an independent worker', () => {
    const result = evaluateEligibility({ nationality: 'MEXICAN', residency: null, documents: ['CURP', 'EMAIL', 'MATRICULA_CONSULAR'], program: 'INDEPENDENT_WORKER', hasNss: false, hasMexicanAddress: false, declaredMonthlyIncome: null });
    expect(result.eligible).toBe(false);
    expect(codes(result)).toEqual(['NSS', 'MEXICAN_ADDRESS', 'DECLARED_INCOME']);
    expect(result.missingRequirements.every((m) => m.reason.length > 10)).toBe(true);
  });
  it('is eligible with everything', () => {
    expect(evaluateEligibility({ ...facts, nationality: 'MEXICAN', documents: ['CURP', 'EMAIL', 'MATRICULA_CONSULAR'] })).toEqual({ eligible: true, missingRequirements: [], missingDocuments: [], reasons: [] });
  });
  it('lists missing documents as documents too', () => {
    expect(evaluateEligibility({ ...facts, nationality: 'DUAL', documents: ['CURP'] })).toMatchObject({ eligible: false, missingDocuments: ['EMAIL', 'MATRICULA_CONSULAR'] });
  });
  it('a foreigner needs residency, passport, residency card, and documents apostilled and translated', () => {
    const all = ['CURP', 'EMAIL', 'PASSPORT', 'RESIDENCY_CARD', 'APOSTILLE', 'CERTIFIED_TRANSLATION'] as const;
    expect(codes(evaluateEligibility({ ...facts, nationality: 'FOREIGN', documents: all }))).toEqual(['RESIDENCY']);
    expect(codes(evaluateEligibility({ ...facts, nationality: 'FOREIGN', residency: 'TEMPORARY', documents: ['CURP', 'EMAIL', 'PASSPORT', 'RESIDENCY_CARD'] }))).toEqual(['APOSTILLE', 'CERTIFIED_TRANSLATION']);
    expect(evaluateEligibility({ ...facts, nationality: 'FOREIGN', residency: 'PERMANENT', documents: all }).eligible).toBe(true);
  });
  it('family health insurance asks for no declared income', () => {
    expect(codes(evaluateEligibility({ ...facts, program: 'FAMILY_HEALTH', declaredMonthlyIncome: null, nationality: 'MEXICAN', documents: ['CURP', 'EMAIL', 'INE'] }))).toEqual([]);
  });
});


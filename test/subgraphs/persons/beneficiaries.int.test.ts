/** Beneficiaries through the gateway: the set rules, eligibility, and who may change whose. */
import { describe, expect } from 'vitest';
import { systemTest as it } from '../../support/fixtures.ts';
import { gql } from '../../support/graphql.ts';
import { syntheticCurp } from '../../../db/seed.ts';

const ADD = gql`mutation($i: AddBeneficiaryInput!) { addBeneficiary(input: $i) { id relationship eligible eligibleUntil } }`;
const REMOVE = gql`mutation($id: ID!) { removeBeneficiary(id: $id) { removed } }`;

describe('persons: beneficiaries', () => {
  it('refuses a second spouse or concubine', async ({ as }) => {
    const res = await as('INSURED').query(ADD, { i: { givenNames: 'OTRA', firstSurname: 'PERSONA', birthDate: '1985-01-01', relationship: 'CONCUBINE', livesInHousehold: true } });
    expect(String(res.errors?.[0]?.extensions?.code)).toMatch(/^BENEFICIARY_/);
  });

  it('adds a child, lists it with eligibility, and removes it', async ({ as }) => {
    const added = await as('INSURED').query(ADD, { i: { givenNames: 'NINA', firstSurname: 'GORDILLO', birthDate: '2020-05-05', relationship: 'CHILD', livesInHousehold: true } });
    expect(added.errors).toBeUndefined();
    const child = added.data?.addBeneficiary;
    expect(child).toMatchObject({ relationship: 'CHILD', eligible: true, eligibleUntil: '2036-05-04' }); // the day before the 16th birthday
    const removed = await as('INSURED').query(REMOVE, { id: child.id });
    expect(removed.data).toEqual({ removeBeneficiary: { removed: true } });
  });

  it("cannot remove another person's beneficiary: not found", async ({ system, as }) => {
    const [row] = await system.db.database.sql<{ id: string }[]>`select id from persons.beneficiaries where holder_curp = ${system.insuredCurp} limit 1`;
    const res = await as('INSURED', { claims: { curp: system.pensionerCurp } }).query(REMOVE, { id: row!.id });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('a malformed beneficiary id is not found, like an unknown one', async ({ as }) => {
    const res = await as('INSURED').query(REMOVE, { id: 'not-a-uuid' });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('persons: who a beneficiary is', () => {
  const child = { givenNames: 'ROCIO', firstSurname: 'GORDILLO', secondSurname: 'PEREZ', sex: 'M' as const, birthState: 'DF', birthDate: '2012-03-03' };

  it('refuses the holder as their own child', async ({ system, as }) => {
    const res = await as('CONSULATE_STAFF', { purpose: 'BENEFICIARY_UPDATE:w1', caseFor: system.insuredCurp }).query(ADD, {
      i: { holderCurp: system.insuredCurp, curp: system.insuredCurp, givenNames: 'ANDRES', firstSurname: 'GORDILLO', secondSurname: 'MARTINEZ', relationship: 'CHILD', livesInHousehold: true },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BENEFICIARY_IS_HOLDER');
  });

  it('refuses a typed birth date the CURP contradicts, and takes it from the CURP when left out', async ({ as }) => {
    const curp = syntheticCurp(child);
    const wrong = await as('INSURED').query(ADD, { i: { ...pick(child), curp, birthDate: '2014-04-04', relationship: 'CHILD', livesInHousehold: true } });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BENEFICIARY_BIRTH_DATE_MISMATCH');
    const derived = await as('INSURED').query(gql`mutation($i: AddBeneficiaryInput!) { addBeneficiary(input: $i) { birthDate eligibleUntil } }`, { i: { ...pick(child), curp, relationship: 'CHILD', livesInHousehold: true } });
    expect(derived.data?.addBeneficiary).toEqual({ birthDate: '2012-03-03', eligibleUntil: '2028-03-02' });
  });

  it('refuses names that do not match the CURP', async ({ as }) => {
    const res = await as('INSURED').query(ADD, { i: { ...pick(child), givenNames: 'ROSA', curp: syntheticCurp({ ...child, givenNames: 'ANA' }), relationship: 'CHILD', livesInHousehold: true } });
    expect(res.errors?.[0]?.extensions?.code).toBe('BENEFICIARY_CURP_MISMATCH');
  });

  it('refuses the same child twice without a CURP', async ({ as }) => {
    const twin = { givenNames: 'TOMAS', firstSurname: 'GORDILLO', birthDate: '2018-08-08', relationship: 'CHILD', livesInHousehold: true };
    expect((await as('INSURED').query(ADD, { i: twin })).errors).toBeUndefined();
    expect((await as('INSURED').query(ADD, { i: twin })).errors?.[0]?.extensions?.code).toBe('BENEFICIARY_DUPLICATE');
  });

  it('refuses a parent younger than the holder', async ({ as }) => {
    const res = await as('INSURED').query(ADD, { i: { givenNames: 'JOVEN', firstSurname: 'PADRE', birthDate: '1990-01-01', relationship: 'PARENT', livesInHousehold: true } });
    expect(res.errors?.[0]?.extensions?.code).toBe('BENEFICIARY_PARENT_TOO_YOUNG');
  });

  it('records that a parent moved out: the beneficiary stays, no longer eligible', async ({ as }) => {
    const added = await as('INSURED').query(ADD, { i: { givenNames: 'ABUELA', firstSurname: 'MARTINEZ', birthDate: '1950-02-02', relationship: 'PARENT', livesInHousehold: true } });
    const id = added.data?.addBeneficiary.id;
    const moved = await as('INSURED').query(gql`mutation($i: UpdateBeneficiaryInput!) { updateBeneficiary(input: $i) { livesInHousehold eligible } }`, { i: { id, livesInHousehold: false } });
    expect(moved.errors).toBeUndefined();
    expect(moved.data?.updateBeneficiary).toEqual({ livesInHousehold: false, eligible: false });
  });
});

const pick = (p: { givenNames: string; firstSurname: string; secondSurname: string }) => ({ givenNames: p.givenNames, firstSurname: p.firstSurname, secondSurname: p.secondSurname });

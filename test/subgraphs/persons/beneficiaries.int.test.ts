/** Beneficiaries through the gateway: the set rules, eligibility, and who may change whose. */
import { describe, expect } from 'vitest';
import { systemTest as it } from '../../support/fixtures.ts';
import { gql } from '../../support/graphql.ts';

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
    expect(child).toMatchObject({ relationship: 'CHILD', eligible: true, eligibleUntil: '2036-05-05' });
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

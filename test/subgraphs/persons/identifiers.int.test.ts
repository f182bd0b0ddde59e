/** CURP consistency and identifier checks at a window, through the gateway. */
import { describe, expect } from 'vitest';
import { systemTest as it } from '../../support/fixtures.ts';
import { gql } from '../../support/graphql.ts';

const CONSISTENCY = gql`query($i: CurpConsistencyInput!) { curpConsistency(input: $i) { consistent mismatches { field positions } structuralIssues { code position } } }`;
const sofia = { givenNames: 'SOFIA', firstSurname: 'RAMOS', secondSurname: 'ORTIZ', sex: 'M', birthState: 'DG' };

describe('persons: identifiers at a window', () => {
  it('a letter at position 17 with a 1999 birth date is inconsistent, at position 17', async ({ as }) => {
    const res = await as('CONSULATE_STAFF').query(CONSISTENCY, { i: { ...sofia, curp: 'RAOS991231MDGMRFA5', birthDate: '1999-12-31' } });
    expect(res.data?.curpConsistency).toMatchObject({ consistent: false, mismatches: [{ field: 'BIRTH_DATE', positions: [17] }] });
  });

  it('a digit at position 17 with a 2000 birth date is inconsistent, at position 17', async ({ as }) => {
    const res = await as('CONSULATE_STAFF').query(CONSISTENCY, { i: { ...sofia, curp: 'RAOS000101MDGMRF01', birthDate: '2000-01-01' } });
    expect(res.data?.curpConsistency).toMatchObject({ consistent: false, mismatches: [{ field: 'BIRTH_DATE', positions: [17] }] });
  });

  it('identifierCheck refuses a CURP whose differentiator puts the birth in 2099', async ({ as }) => {
    const res = await as('CONSULATE_STAFF').query(gql`{ identifierCheck(curp: "RAOS991231MDGMRFA5") { curp { valid issues { code position } } } }`);
    expect(res.data?.identifierCheck.curp).toEqual({ valid: false, issues: [{ code: 'CURP_DIFFERENTIATOR', position: 17 }] });
  });

  it('the Curp scalar refuses it too', async ({ as }) => {
    const res = await as('CONSULATE_STAFF', { purpose: 'NSS_ASSISTANCE:x' }).query(gql`{ person(curp: "RAOS991231MDGMRFA5") { curp } }`);
    expect(res.errors?.[0]?.extensions?.issues).toEqual([expect.objectContaining({ code: 'CURP_DIFFERENTIATOR', position: 17 })]);
  });

  it('a different second surname in an inconvenient-word CURP is reported on the second surname only', async ({ as }) => {
    const oscar = { givenNames: 'OSCAR', firstSurname: 'PUENTE', secondSurname: 'LOPEZ', birthDate: '1980-05-05', sex: 'H', birthState: 'SP' };
    const res = await as('CONSULATE_STAFF').query(CONSISTENCY, { i: { ...oscar, curp: 'PXTO800505HSPNPS06' } });
    expect(res.data?.curpConsistency.mismatches).toEqual([{ field: 'SECOND_SURNAME', positions: [3] }]);
  });

  it('identifierCheck refuses a consonant at position 2', async ({ as }) => {
    const res = await as('CONSULATE_STAFF').query(gql`{ identifierCheck(curp: "SBBC560626MDFLRN04") { curp { valid issues { code position } } } }`);
    expect(res.data?.identifierCheck.curp).toMatchObject({ valid: false, issues: [{ code: 'CURP_FORMAT', position: 2 }] });
  });

  it('identifierCheck removes the separators people type, for every identifier', async ({ as }) => {
    const res = await as('CONSULATE_STAFF').query(gql`{ identifierCheck(curp: "SABC 560626-MDFLRN01", nss: "8496 631 1213", rfc: "GODE-561231-GR8") { curp { valid value } nss { valid } rfc { valid value } } }`);
    expect(res.data?.identifierCheck).toEqual({ curp: { valid: true, value: 'SABC560626MDFLRN01' }, nss: { valid: true }, rfc: { valid: true, value: 'GODE561231GR8' } });
  });

  it('voluntary enrollment eligibility lists every missing requirement with its reason', async ({ as }) => {
    const res = await as('ANONYMOUS').query(gql`{ voluntaryEnrollmentEligibility(input: { nationality: MEXICAN, documents: [CURP, EMAIL, MATRICULA_CONSULAR] }) { eligible missingRequirements { code reason } } }`);
    expect(res.data?.voluntaryEnrollmentEligibility.eligible).toBe(false);
    expect(res.data?.voluntaryEnrollmentEligibility.missingRequirements.map((r: { code: string }) => r.code)).toEqual(['NSS', 'MEXICAN_ADDRESS', 'DECLARED_INCOME']);
  });
});

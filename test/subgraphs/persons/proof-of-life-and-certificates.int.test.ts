/** Proof of life abroad and NSS certificates through the gateway. */
import { compactVerify, createLocalJWKSet } from 'jose';
import { describe, expect } from 'vitest';
import { systemTest as it } from '../../support/fixtures.ts';
import { gql } from '../../support/graphql.ts';

const PURPOSE = 'PROOF_OF_LIFE:window-1';

describe('persons: proof of life and certificates', () => {
  it('consulate staff record a proof of life; the status becomes CURRENT', async ({ system, as }) => {
    const today = new Date().toISOString().slice(0, 10);
    const staff = as('CONSULATE_STAFF', { purpose: PURPOSE, caseFor: system.pensionerCurp });
    const res = await staff.query(gql`mutation($i: RecordProofOfLifeInput!) { recordProofOfLife(input: $i) { provedOn consulateId } }`, { i: { curp: system.pensionerCurp, provedOn: today } });
    expect(res.data).toEqual({ recordProofOfLife: { provedOn: today, consulateId: 'CON-LAX' } });
    const status = await staff.query(gql`query($c: Curp!) { person(curp: $c) { proofOfLife { state lastProvedOn } } }`, { c: system.pensionerCurp });
    expect(status.data).toMatchObject({ person: { proofOfLife: { state: 'CURRENT', lastProvedOn: today } } });
  });

  it('refuses a proof of life dated in the future', async ({ system, as }) => {
    const res = await as('CONSULATE_STAFF', { purpose: PURPOSE, caseFor: system.pensionerCurp }).query(gql`mutation($i: RecordProofOfLifeInput!) { recordProofOfLife(input: $i) { id } }`, { i: { curp: system.pensionerCurp, provedOn: '2999-01-01' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('PROOF_OF_LIFE_FUTURE_DATE');
  });

  it('refuses a proof of life dated before the pension started', async ({ system, as }) => {
    const res = await as('CONSULATE_STAFF', { purpose: PURPOSE, caseFor: system.pensionerCurp }).query(gql`mutation($i: RecordProofOfLifeInput!) { recordProofOfLife(input: $i) { id } }`, { i: { curp: system.pensionerCurp, provedOn: '2014-01-01' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('PROOF_OF_LIFE_BEFORE_PENSION');
  });

  it('issues an NSS certificate that verifies offline with the published key, dated in Mexico City', async ({ system, as }) => {
    const res = await as('INSURED').query(gql`mutation($c: Curp!) { issueNssCertificate(curp: $c) { jws keyId nss issuedAt issuedOn } }`, { c: system.insuredCurp });
    const certificate = res.data?.issueNssCertificate;
    const jwks = (await (await fetch(new URL('/.well-known/jwks.json', system.gateway.url))).json()) as { keys: never[] };
    const { payload, protectedHeader } = await compactVerify(certificate.jws, createLocalJWKSet({ keys: jwks.keys }));
    expect(protectedHeader.kid).toBe(certificate.keyId);
    const mexicoCity = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date(certificate.issuedAt));
    expect(certificate.issuedOn).toBe(mexicoCity);
    expect(JSON.parse(new TextDecoder().decode(payload)).certificate).toMatchObject({ curp: system.insuredCurp, nss: certificate.nss, issuedOn: mexicoCity });
  });
});

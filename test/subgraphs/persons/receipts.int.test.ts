/**
 * The persons subgraph's acuses through the gateway (docs/security.md, "Receipts"): an NSS
 * assignment and a proof of life are answered with a receipt signed by persons with its own key
 * id, verifiable offline with the published JWKS, by role and organisation only, and registered
 * so that verifyReceipt (answered by enrollments) finds it.
 */
import { compactVerify, createLocalJWKSet, decodeProtectedHeader } from 'jose';
import { describe, expect } from 'vitest';
import { syntheticCurp, type PersonSeed } from '../../../db/seed.ts';
import { systemTest as it } from '../../support/fixtures.ts';
import { gql } from '../../support/graphql.ts';

const VERIFY = gql`query($f: String!) { verifyReceipt(folio: $f) { exists procedure issuer recordedBy { role organisation } } }`;
const newcomer: PersonSeed = { givenNames: 'MARTA', firstSurname: 'OROZCO', secondSurname: 'LIMA', birthDate: '1990-03-03', sex: 'M', birthState: 'JC' };
const address = { street: 'Av. Ejemplo', exteriorNumber: '12', neighbourhood: 'Centro', municipality: 'Guadalajara', state: 'JC', postalCode: '44100' };

describe('persons: receipts', () => {
  it('answers an NSS assignment with a persons-signed acuse, none when an NSS is only located', async ({ system, as }) => {
    const curp = syntheticCurp(newcomer);
    const staff = as('CONSULATE_STAFF', { purpose: 'NSS_ASSISTANCE:window-3', caseFor: curp, subject: 'staff-member-jorge' });
    const ASSIGN = gql`mutation($i: AssignNssInput!) { assignNss(input: $i) { outcome nss receipt { folio procedure document } } }`;
    const input = { curp, email: 'marta@example.test', givenNames: newcomer.givenNames, firstSurname: newcomer.firstSurname, secondSurname: newcomer.secondSurname, address };
    const first = await staff.query(ASSIGN, { i: input });
    expect(first.errors).toBeUndefined();
    const { receipt, nss } = first.data?.assignNss;
    expect(receipt.procedure).toBe('NSS_ASSIGNMENT');
    const jwks = createLocalJWKSet({ keys: ((await (await fetch(new URL('/.well-known/jwks.json', system.gateway.url))).json()) as { keys: never[] }).keys });
    const { payload } = await compactVerify(receipt.document, jwks);
    const claims = JSON.parse(new TextDecoder().decode(payload));
    expect(claims).toMatchObject({ iss: 'imss-federation:persons', receipt: { procedure: 'NSS_ASSIGNMENT', recordedBy: { role: 'CONSULATE_STAFF', organisation: 'CON-LAX' }, record: { curp, nss } } });
    expect(JSON.stringify(claims)).not.toContain('staff-member-jorge');
    // Persons signs with its own key: the one its NSS certificates carry.
    const certificate = await as('INSURED', { claims: { curp } }).query(gql`mutation($c: Curp!) { issueNssCertificate(curp: $c) { keyId } }`, { c: curp });
    expect(decodeProtectedHeader(receipt.document).kid).toBe(certificate.data?.issueNssCertificate.keyId);
    expect((await as('ANALYST').query(VERIFY, { f: receipt.folio })).data?.verifyReceipt).toEqual({ exists: true, procedure: 'NSS_ASSIGNMENT', issuer: 'persons', recordedBy: { role: 'CONSULATE_STAFF', organisation: 'CON-LAX' } });
    const located = await staff.query(ASSIGN, { i: input });
    expect(located.data?.assignNss).toMatchObject({ outcome: 'LOCATED', receipt: null });
  });

  it('answers a proof of life with its acuse; the history shows none', async ({ system, as }) => {
    const today = new Date().toISOString().slice(0, 10);
    const staff = as('CONSULATE_STAFF', { purpose: 'PROOF_OF_LIFE:window-1', caseFor: system.pensionerCurp });
    const res = await staff.query(gql`mutation($i: RecordProofOfLifeInput!) { recordProofOfLife(input: $i) { id receipt { folio procedure document } } }`, { i: { curp: system.pensionerCurp, provedOn: today } });
    expect(res.errors).toBeUndefined();
    const { receipt, id } = res.data?.recordProofOfLife;
    const jwks = createLocalJWKSet({ keys: ((await (await fetch(new URL('/.well-known/jwks.json', system.gateway.url))).json()) as { keys: never[] }).keys });
    const { payload } = await compactVerify(receipt.document, jwks);
    expect(JSON.parse(new TextDecoder().decode(payload)).receipt).toMatchObject({ procedure: 'PROOF_OF_LIFE', record: { proofOfLifeId: id, curp: system.pensionerCurp, provedOn: today, consulateId: 'CON-LAX' } });
    const history = await staff.query(gql`query($c: Curp!) { person(curp: $c) { proofOfLife { history { id receipt { folio } } } } }`, { c: system.pensionerCurp });
    expect(history.data?.person.proofOfLife.history.find((h: { id: string }) => h.id === id)).toEqual({ id, receipt: null });
    expect((await as('INSURED').query(VERIFY, { f: receipt.folio })).data?.verifyReceipt).toMatchObject({ exists: true, procedure: 'PROOF_OF_LIFE', issuer: 'persons' });
  });
});

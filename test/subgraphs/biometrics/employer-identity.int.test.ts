/**
 * The contract with the enrollments subgraph: IMSS officers record an employer's identity
 * verification (EFIRMA or BIOMETRIC); the employer obtains a signed identity assertion, which
 * verifies with a verifier built from the keys the gateway publishes, exactly as enrollments will.
 */
import { createPublicKey } from 'node:crypto';
import { describe, expect } from 'vitest';
import { DOCUMENT_TYPES } from '../../../schema/documents/document-types.ts';
import { createDocumentVerifier, DocumentInvalidError } from '../../../subgraphs/shared/documents/document-verifier.ts';
import { systemTest as it } from '../../support/fixtures.ts';
import { gql } from '../../support/graphql.ts';
import type { SeededSystem } from '../../support/seeded-system.ts';
import { base64, isoRecord, syntheticFingerSet } from '../../support/biometrics/templates.ts';
import { PURPOSE, VERIFY, crowdCurps, enrolFingerprint, officerFor } from './support.ts';

const ASSERTION = gql`query($r: String!) { employerIdentityAssertion(registration: $r) { jws expiresAt method } }`;
const RECORD = gql`mutation($i: RecordEmployerIdentityVerificationInput!) { recordEmployerIdentityVerification(input: $i) { id registration employerSubject method verifiedAt validUntil office recordedByRole } }`;
const HOUR = 3_600_000;
const fingers = syntheticFingerSet(20_261_207);

/** A verifier from the published JWKS, as a third party (or the enrollments subgraph) builds one. */
async function publishedVerifier(system: SeededSystem) {
  const jwks = (await (await fetch(new URL('/.well-known/jwks.json', system.gateway.url))).json()) as { keys: Record<string, unknown>[] };
  return createDocumentVerifier(jwks.keys.map((jwk) => createPublicKey({ key: jwk as never, format: 'jwk' })));
}

describe('biometrics: employer identity', () => {
  it('the demo employer obtains an assertion that verifies with the published keys', async ({ system, as }) => {
    const before = Date.now();
    const res = await as('EMPLOYER').query(ASSERTION, { r: 'Y1234567101' });
    expect(res.errors).toBeUndefined();
    const assertion = res.data?.employerIdentityAssertion;
    expect(assertion.method).toBe('EFIRMA');
    const payload = await (await publishedVerifier(system)).verify(assertion.jws, { type: DOCUMENT_TYPES.IDENTITY_ASSERTION, issuer: 'biometrics', now: new Date() });
    expect(payload).toMatchObject({ sub: 'dev-employer', employer_registrations: ['Y1234567101'], method: 'EFIRMA', iss: 'imss-federation:biometrics' });
    expect(payload.exp! * 1000).toBe(Date.parse(assertion.expiresAt));
    expect(Date.parse(assertion.expiresAt) - before).toBeGreaterThan(8 * HOUR - 60_000);
    expect(Date.parse(assertion.expiresAt) - before).toBeLessThanOrEqual(8 * HOUR + 60_000);
  });

  it('the assertion is refused as another kind of document, from another issuer, after it expires, or altered', async ({ system, as }) => {
    const { jws } = (await as('EMPLOYER').query(ASSERTION, { r: 'Y1234567101' })).data?.employerIdentityAssertion;
    const verifier = await publishedVerifier(system);
    const now = new Date();
    await expect(verifier.verify(jws, { type: DOCUMENT_TYPES.RECEIPT, issuer: 'biometrics', now })).rejects.toBeInstanceOf(DocumentInvalidError);
    await expect(verifier.verify(jws, { type: DOCUMENT_TYPES.IDENTITY_ASSERTION, issuer: 'persons', now })).rejects.toBeInstanceOf(DocumentInvalidError);
    await expect(verifier.verify(jws, { type: DOCUMENT_TYPES.IDENTITY_ASSERTION, issuer: 'biometrics', now: new Date(now.getTime() + 9 * HOUR) })).rejects.toBeInstanceOf(DocumentInvalidError);
    const [h, p, s] = jws.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), employer_registrations: ['B9876543101'] })).toString('base64url');
    await expect(verifier.verify(`${h}.${forged}.${s}`, { type: DOCUMENT_TYPES.IDENTITY_ASSERTION, issuer: 'biometrics', now })).rejects.toBeInstanceOf(DocumentInvalidError);
  });

  it('an officer records an e.firma verification; the assertion expires with it when it ends sooner than 8 h', async ({ as }) => {
    const validUntil = new Date(Math.floor(Date.now() / 1000) * 1000 + 2 * HOUR).toISOString();
    const officer = as('IMSS_OFFICER', { purpose: PURPOSE, claims: { subdelegation: '43' } }); // an employer's e.firma: no person, no case
    const res = await officer.query(RECORD, { i: { registration: 'B9876543101', employerSubject: 'employer-user-7', method: 'EFIRMA', certificateSerial: '00001000000512345678', validUntil } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.recordEmployerIdentityVerification).toMatchObject({ registration: 'B9876543101', employerSubject: 'employer-user-7', method: 'EFIRMA', office: '43', recordedByRole: 'IMSS_OFFICER', validUntil });
    const employer = as('EMPLOYER', { subject: 'employer-user-7', claims: { employer_registrations: ['B9876543101'] } });
    const assertion = await employer.query(ASSERTION, { r: 'B9876543101' });
    expect(assertion.data?.employerIdentityAssertion).toMatchObject({ method: 'EFIRMA', expiresAt: validUntil });
  });

  it('no assertion without a verification of this user in force, nor for another employer’s registration', async ({ as }) => {
    expect((await as('EMPLOYER', { subject: 'someone-else' }).query(ASSERTION, { r: 'Y1234567101' })).data).toEqual({ employerIdentityAssertion: null });
    const res = await as('EMPLOYER').query(ASSERTION, { r: 'B9876543101' });
    expect(res.data).toEqual({ employerIdentityAssertion: null });
    expect(res.errors).toBeUndefined();
  });

  it('other roles are refused an assertion', async ({ as }) => {
    for (const role of ['INSURED', 'BANK', 'ANALYST', 'CONSULATE_STAFF'] as const) {
      expect((await as(role, { purpose: PURPOSE }).query(ASSERTION, { r: 'Y1234567101' })).errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
    }
  });

  it('a BIOMETRIC verification needs the representative’s recent match by the same officer', async ({ system, as }) => {
    const [representative] = await crowdCurps(system, 0);
    const officer = officerFor(as, representative);
    const input = { registration: 'A1B23456101', employerSubject: 'representative-user', method: 'BIOMETRIC', representativeCurp: representative };
    expect((await officer.query(RECORD, { i: input })).errors?.[0]?.extensions?.code).toBe('EMPLOYER_REPRESENTATIVE_NOT_VERIFIED');
    await enrolFingerprint(as, representative!, base64(isoRecord(fingers.enrolled)));
    await officer.query(VERIFY, { i: { curp: representative, modality: 'FINGERPRINT', probe: base64(isoRecord(fingers.impostor)) } });
    expect((await officer.query(RECORD, { i: input })).errors?.[0]?.extensions?.code).toBe('EMPLOYER_REPRESENTATIVE_NOT_VERIFIED');
    await officer.query(VERIFY, { i: { curp: representative, modality: 'FINGERPRINT', probe: base64(isoRecord(fingers.genuine)) } });
    const otherOfficer = officerFor(as, representative, { subject: 'another-officer' });
    expect((await otherOfficer.query(RECORD, { i: input })).errors?.[0]?.extensions?.code).toBe('EMPLOYER_REPRESENTATIVE_NOT_VERIFIED');
    const recorded = await officer.query(RECORD, { i: input });
    expect(recorded.data?.recordEmployerIdentityVerification).toMatchObject({ method: 'BIOMETRIC', registration: 'A1B23456101' });
    const employer = as('EMPLOYER', { subject: 'representative-user', claims: { employer_registrations: ['A1B23456101'] } });
    expect((await employer.query(ASSERTION, { r: 'A1B23456101' })).data?.employerIdentityAssertion.method).toBe('BIOMETRIC');
  });

  it('refuses the wrong evidence for a method, a malformed registration and validity beyond the maximum', async ({ as }) => {
    const officer = as('IMSS_OFFICER', { purpose: PURPOSE });
    const base = { registration: 'B9876543101', employerSubject: 'u', method: 'EFIRMA' };
    expect((await officer.query(RECORD, { i: base })).errors?.[0]?.extensions?.code).toBe('EMPLOYER_CERTIFICATE_SERIAL_FORMAT');
    expect((await officer.query(RECORD, { i: { ...base, certificateSerial: '00001000000512345678', registration: 'NOPE' } })).errors?.[0]?.extensions?.code).toBe('EMPLOYER_REGISTRATION_FORMAT');
    const tooLong = new Date(Date.now() + 400 * 24 * HOUR).toISOString();
    expect((await officer.query(RECORD, { i: { ...base, certificateSerial: '00001000000512345678', validUntil: tooLong } })).errors?.[0]?.extensions).toMatchObject({ code: 'EMPLOYER_VERIFICATION_TOO_LONG', limitDays: 365 });
  });

  it('only officers with a declared purpose record a verification; an employer cannot vouch for itself', async ({ as }) => {
    const input = { i: { registration: 'Y1234567101', employerSubject: 'dev-employer', method: 'EFIRMA', certificateSerial: '00001000000512345678' } };
    expect((await as('IMSS_OFFICER').query(RECORD, input)).errors?.[0]?.extensions?.code).toBe('PURPOSE_REQUIRED');
    expect((await as('EMPLOYER').query(RECORD, input)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

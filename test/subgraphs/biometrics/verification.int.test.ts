/**
 * 1:1 verification through the gateway: an officer captures, then verifies genuine and impostor
 * impressions (fingerprints, ISO/IEC 19794-2) and captures (faces, embeddings). Every attempt is
 * recorded; the probe never is.
 */
import { describe, expect } from 'vitest';
import { systemTest as it } from '../../support/fixtures.ts';
import { gql } from '../../support/graphql.ts';
import { base64, isoRecord, syntheticFaceSet, syntheticFingerSet } from '../../support/biometrics/templates.ts';
import { CAPTURE, PURPOSE, RECORD_CONSENT, STATUS, VERIFY, crowdCurps, enrolFingerprint, officerFor } from './support.ts';

const fingers = syntheticFingerSet(20_261_202);
const faces = syntheticFaceSet(20_261_203);

describe('biometrics: verification', () => {
  it('a genuine impression matches the captured template, with its score', async ({ system, as }) => {
    const [curp] = await crowdCurps(system, 0);
    await enrolFingerprint(as, curp!, base64(isoRecord(fingers.enrolled)));
    const res = await officerFor(as, curp).query(VERIFY, { i: { curp, modality: 'FINGERPRINT', probe: base64(isoRecord(fingers.genuine)) } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.verifyBiometric).toMatchObject({ result: 'MATCH', threshold: 15, office: '01', fingerPosition: 'RIGHT_INDEX', lockedUntil: null });
    expect(res.data?.verifyBiometric.score).toBeGreaterThan(30);
  });

  it("an impostor's impression does not match, and scores below the threshold", async ({ system, as }) => {
    const [curp] = await crowdCurps(system, 1);
    await enrolFingerprint(as, curp!, base64(isoRecord(fingers.enrolled)));
    const res = await officerFor(as, curp).query(VERIFY, { i: { curp, modality: 'FINGERPRINT', probe: base64(isoRecord(fingers.impostor)) } });
    expect(res.data?.verifyBiometric).toMatchObject({ result: 'NO_MATCH', threshold: 15, lockedUntil: null });
    expect(res.data?.verifyBiometric.score).toBeLessThan(15);
  });

  it('a face matches its own capture and not another person’s (cosine similarity)', async ({ system, as }) => {
    const [curp] = await crowdCurps(system, 2);
    const officer = officerFor(as, curp);
    await officer.query(RECORD_CONSENT, { i: { curp, purpose: 'Verificación facial' } });
    const capture = await officer.query(CAPTURE, { i: { curp, modality: 'FACE', template: base64(faces.enrolled), quality: 80, device: 'CAM-3' } });
    expect(capture.data?.captureBiometric).toMatchObject({ modality: 'FACE', fingerPosition: null, format: 'FACE_EMBEDDING_F32_V1' });
    const genuine = await officer.query(VERIFY, { i: { curp, modality: 'FACE', probe: base64(faces.genuine) } });
    const impostor = await officer.query(VERIFY, { i: { curp, modality: 'FACE', probe: base64(faces.impostor) } });
    expect(genuine.data?.verifyBiometric).toMatchObject({ result: 'MATCH', threshold: 0.4 });
    expect(impostor.data?.verifyBiometric).toMatchObject({ result: 'NO_MATCH', threshold: 0.4 });
    expect(genuine.data?.verifyBiometric.score).toBeGreaterThan(0.4);
    expect(Math.abs(impostor.data?.verifyBiometric.score)).toBeLessThan(0.4);
  });

  it('a probe of a finger that is not enrolled compares nothing: NOT_ENROLLED', async ({ system, as }) => {
    const [curp] = await crowdCurps(system, 3);
    await enrolFingerprint(as, curp!, base64(isoRecord(fingers.enrolled)));
    const res = await officerFor(as, curp).query(VERIFY, { i: { curp, modality: 'FINGERPRINT', probe: base64(isoRecord(fingers.genuine, 7)) } });
    expect(res.data?.verifyBiometric).toMatchObject({ result: 'NOT_ENROLLED', score: null, threshold: null });
  });

  it('refuses a malformed probe with the format’s reason', async ({ system, as }) => {
    const [curp] = await crowdCurps(system, 3);
    const truncated = isoRecord(fingers.genuine).subarray(0, 30);
    const res = await officerFor(as, curp).query(VERIFY, { i: { curp, modality: 'FINGERPRINT', probe: base64(truncated) } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BIOMETRIC_TEMPLATE_INVALID', reason: 'ISO_RECORD_LENGTH_MISMATCH' });
    const notBase64 = await officerFor(as, curp).query(VERIFY, { i: { curp, modality: 'FINGERPRINT', probe: 'not base64!' } });
    expect(notBase64.errors?.[0]?.extensions?.code).toBe('BIOMETRIC_TEMPLATE_ENCODING');
  });

  it('records every attempt with result, score, time and office, and never the probe', async ({ system, as }) => {
    const [curp] = await crowdCurps(system, 4);
    await enrolFingerprint(as, curp!, base64(isoRecord(fingers.enrolled)));
    const officer = officerFor(as, curp, { claims: { subdelegation: '39' } });
    for (const probe of [fingers.genuine, fingers.impostor]) await officer.query(VERIFY, { i: { curp, modality: 'FINGERPRINT', probe: base64(isoRecord(probe)) } });
    const mine = await as('INSURED', { claims: { curp } }).query(gql`{ me { biometricData { verifications { result score threshold office attemptedAt } } } }`);
    expect(mine.data?.me.biometricData.verifications).toEqual([
      { result: 'NO_MATCH', score: expect.any(Number), threshold: 15, office: '39', attemptedAt: expect.any(String) },
      { result: 'MATCH', score: expect.any(Number), threshold: 15, office: '39', attemptedAt: expect.any(String) },
    ]);
    const columns = await system.db.database.sql<{ column_name: string; data_type: string }[]>`
      select column_name, data_type from information_schema.columns where table_schema = 'biometrics' and table_name = 'verification_attempts'`;
    expect(columns.filter((c) => c.data_type === 'bytea')).toEqual([]);
  });

  it('after a match the status shows a current verified identity', async ({ system, as }) => {
    const [curp] = await crowdCurps(system, 5);
    await enrolFingerprint(as, curp!, base64(isoRecord(fingers.enrolled)));
    const officer = officerFor(as, curp);
    const before = await officer.query(STATUS, { c: curp });
    expect(before.data?.person.biometricStatus).toMatchObject({ enrolledModalities: ['FINGERPRINT'], enrolledFingers: ['RIGHT_INDEX'], consentInForce: true, verifiedIdentityCurrent: false, lastVerification: null });
    await officer.query(VERIFY, { i: { curp, modality: 'FINGERPRINT', probe: base64(isoRecord(fingers.genuine2)) } });
    const after = await officer.query(STATUS, { c: curp });
    expect(after.data?.person.biometricStatus).toMatchObject({ verifiedIdentityCurrent: true, lastVerification: { result: 'MATCH', modality: 'FINGERPRINT' }, lockedUntil: null });
    expect(Date.parse(after.data?.person.biometricStatus.verifiedUntil) - Date.parse(after.data?.person.biometricStatus.lastVerifiedAt)).toBe(8 * 3_600_000);
  });

  it('only IMSS officers with a declared purpose verify; the refusals are in the person’s access log', async ({ system, as }) => {
    const [curp] = await crowdCurps(system, 6);
    const input = { i: { curp, modality: 'FINGERPRINT', probe: base64(isoRecord(fingers.genuine)) } };
    expect((await as('IMSS_OFFICER').query(VERIFY, input)).errors?.[0]?.extensions?.code).toBe('PURPOSE_REQUIRED');
    expect((await as('CONSULATE_STAFF', { purpose: PURPOSE }).query(VERIFY, input)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const log = await as('INSURED', { claims: { curp } }).query(gql`{ me { accessLog { action reason actorRole what subgraph } } }`);
    expect(log.data?.me.accessLog).toEqual(expect.arrayContaining([
      { action: 'REFUSED', reason: 'PURPOSE_REQUIRED', actorRole: 'IMSS_OFFICER', what: 'verifyBiometric', subgraph: 'biometrics' },
      { action: 'REFUSED', reason: 'ROLE_NOT_PERMITTED', actorRole: 'CONSULATE_STAFF', what: 'verifyBiometric', subgraph: 'biometrics' },
    ]));
  });
});

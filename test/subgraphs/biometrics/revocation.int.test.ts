/**
 * Revoking consent: the data keys are destroyed (crypto-shredding), the templates can never be
 * opened again, verification finds nothing to compare, and the record of what happened stays.
 */
import { describe, expect } from 'vitest';
import { openTemplate } from '../../../subgraphs/biometrics/crypto/envelope.ts';
import { TemplateShreddedError } from '../../../subgraphs/biometrics/crypto/errors.ts';
import { loadBiometricMasterKeys } from '../../../subgraphs/biometrics/crypto/master-keys.ts';
import { systemTest as it } from '../../support/fixtures.ts';
import { gql } from '../../support/graphql.ts';
import { base64, isoRecord, syntheticFingerSet } from '../../support/biometrics/templates.ts';
import type { SeededSystem } from '../../support/seeded-system.ts';
import { thrown } from '../../unit/biometrics/support.ts';
import { CAPTURE, PURPOSE, RECORD_CONSENT, REVOKE, STATUS, VERIFY, crowdCurps, enrolFingerprint, officerFor } from './support.ts';

const fingers = syntheticFingerSet(20_261_206);

/** The stored envelopes of a person's templates, shaped as SealedTemplate. */
async function sealedRows(system: SeededSystem, curp: string): Promise<any[]> {
  return system.db.database.sql`
    select id, curp, modality, seal_version as version, ciphertext, iv, auth_tag as "authTag", wrapped_key as "wrappedKey",
           wrap_iv as "wrapIv", wrap_tag as "wrapTag", master_key_id as "masterKeyId", shredded_at, active
    from biometrics.template_records where curp = ${curp} order by captured_at`;
}

describe('biometrics: consent revocation', () => {
  it('the person revokes; every template’s data key is destroyed and can never be opened again', async ({ system, as }) => {
    const [curp] = await crowdCurps(system, 30);
    await enrolFingerprint(as, curp!, base64(isoRecord(fingers.enrolled)), 'RIGHT_INDEX');
    await officerFor(as, curp).query(CAPTURE, { i: { curp, modality: 'FINGERPRINT', fingerPosition: 'LEFT_INDEX', template: base64(isoRecord(fingers.impostor, 7)), quality: 60, device: 'S' } });
    const ring = await loadBiometricMasterKeys();
    const [before] = await sealedRows(system, curp!);
    expect(openTemplate(before, { recordId: before.id, curp: before.curp, modality: before.modality }, ring).length).toBeGreaterThan(0);

    const res = await as('INSURED', { claims: { curp } }).query(REVOKE);
    expect(res.errors).toBeUndefined();
    expect(res.data?.revokeBiometricConsent).toMatchObject({ shreddedTemplates: 2, consent: { inForce: false, revokedBy: 'INSURED', revokedAt: expect.any(String) } });

    const after = await sealedRows(system, curp!);
    expect(after.map((row: any) => [row.wrappedKey, row.active, row.shredded_at !== null])).toEqual([[null, false, true], [null, false, true]]);
    for (const row of after) expect(thrown(() => openTemplate(row, { recordId: row.id, curp: row.curp, modality: row.modality }, ring))).toBeInstanceOf(TemplateShreddedError);
  });

  it('after revocation verification compares nothing, the status shows no enrolment and no consent', async ({ system, as }) => {
    const [curp] = await crowdCurps(system, 31);
    await enrolFingerprint(as, curp!, base64(isoRecord(fingers.enrolled)));
    const officer = officerFor(as, curp);
    await officer.query(VERIFY, { i: { curp, modality: 'FINGERPRINT', probe: base64(isoRecord(fingers.genuine)) } });
    await officer.query(REVOKE, { c: curp });
    const verify = await officer.query(VERIFY, { i: { curp, modality: 'FINGERPRINT', probe: base64(isoRecord(fingers.genuine)) } });
    expect(verify.data?.verifyBiometric).toMatchObject({ result: 'NOT_ENROLLED', score: null });
    const status = await officer.query(STATUS, { c: curp });
    expect(status.data?.person.biometricStatus).toMatchObject({ enrolledModalities: [], consentInForce: false, verifiedIdentityCurrent: false });
  });

  it('the record of what happened stays: consents, captures, attempts and the audit trail', async ({ system, as }) => {
    const [curp] = await crowdCurps(system, 32);
    await enrolFingerprint(as, curp!, base64(isoRecord(fingers.enrolled)));
    await officerFor(as, curp).query(VERIFY, { i: { curp, modality: 'FINGERPRINT', probe: base64(isoRecord(fingers.genuine)) } });
    await as('INSURED', { claims: { curp } }).query(REVOKE);
    const mine = await as('INSURED', { claims: { curp } }).query(gql`{ me {
      biometricData { consents { inForce revokedBy } captures { active shreddedAt } verifications { result } }
      accessLog { action actorRole what subgraph } } }`);
    expect(mine.data?.me.biometricData).toEqual({
      consents: [{ inForce: false, revokedBy: 'INSURED' }],
      captures: [{ active: false, shreddedAt: expect.any(String) }],
      verifications: [{ result: 'MATCH' }],
    });
    const writes = mine.data?.me.accessLog.filter((e: any) => e.subgraph === 'biometrics' && e.action === 'WRITE').map((e: any) => e.what);
    expect(writes).toEqual(expect.arrayContaining(['recordBiometricConsent', 'captureBiometric', 'verifyBiometric']));
  });

  it('a new consent after a revocation allows capturing again, and the old templates stay shredded', async ({ system, as }) => {
    const [curp] = await crowdCurps(system, 33);
    await enrolFingerprint(as, curp!, base64(isoRecord(fingers.enrolled)));
    await as('INSURED', { claims: { curp } }).query(REVOKE);
    await enrolFingerprint(as, curp!, base64(isoRecord(fingers.genuine)));
    const rows = await sealedRows(system, curp!);
    expect(rows.map((row: any) => row.wrappedKey === null)).toEqual([true, false]);
    const verify = await officerFor(as, curp).query(VERIFY, { i: { curp, modality: 'FINGERPRINT', probe: base64(isoRecord(fingers.genuine2)) } });
    expect(verify.data?.verifyBiometric.result).toBe('MATCH');
  });

  it('nobody else revokes: another insured person is told nothing, staff of a consulate FORBIDDEN', async ({ system, as }) => {
    const [curp] = await crowdCurps(system, 34);
    await officerFor(as, curp).query(RECORD_CONSENT, { i: { curp, purpose: 'Verificación' } });
    expect((await as('INSURED').query(REVOKE, { c: curp })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await as('CONSULATE_STAFF', { purpose: PURPOSE }).query(REVOKE, { c: curp })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const status = await officerFor(as, curp).query(STATUS, { c: curp });
    expect(status.data?.person.biometricStatus.consentInForce).toBe(true);
  });

  it('revoking without a consent in force is refused', async ({ system, as }) => {
    const [curp] = await crowdCurps(system, 35);
    expect((await as('INSURED', { claims: { curp } }).query(REVOKE)).errors?.[0]?.extensions?.code).toBe('BIOMETRIC_CONSENT_NOT_IN_FORCE');
  });
});

/** Consent first, then capture: who records them, what is refused, what the person sees. */
import { describe, expect } from 'vitest';
import { systemTest as it } from '../../support/fixtures.ts';
import { gql } from '../../support/graphql.ts';
import { base64, isoRecord, syntheticFingerSet } from '../../support/biometrics/templates.ts';
import { CAPTURE, PURPOSE, RECORD_CONSENT, crowdCurps, officerFor } from './support.ts';

const fingers = syntheticFingerSet(20_261_205);
const template = base64(isoRecord(fingers.enrolled));
const capture = (curp: string, extra: Record<string, unknown> = {}) => ({
  i: { curp, modality: 'FINGERPRINT', fingerPosition: 'RIGHT_INDEX', template, quality: 70, device: 'SCANNER-7 SN123', ...extra },
});
const MY_DATA = gql`{ me { biometricData {
  consents { id purpose grantedAt office officerRole inForce revokedAt }
  captures { id modality fingerPosition quality device office capturedAt active replacedAt shreddedAt consentId format } } } }`;

describe('biometrics: consent and capture', () => {
  it('refuses a capture without a consent in force', async ({ system, as }) => {
    const [curp] = await crowdCurps(system, 20);
    const res = await officerFor(as, curp).query(CAPTURE, capture(curp!));
    expect(res.errors?.[0]?.extensions?.code).toBe('BIOMETRIC_CONSENT_REQUIRED');
    const [row] = await system.db.database.sql<{ n: number }[]>`select count(*)::int as n from biometrics.template_records where curp = ${curp!}`;
    expect(row!.n).toBe(0);
  });

  it('records the consent with its purpose, date, office and officer role, then accepts the capture under it', async ({ system, as }) => {
    const [curp] = await crowdCurps(system, 21);
    const officer = officerFor(as, curp, { claims: { subdelegation: '39' } });
    const consent = await officer.query(RECORD_CONSENT, { i: { curp, purpose: '  Verificación de identidad en IMSS Digital  ' } });
    expect(consent.data?.recordBiometricConsent).toMatchObject({ purpose: 'Verificación de identidad en IMSS Digital', office: '39', officerRole: 'IMSS_OFFICER', inForce: true });
    const res = await officer.query(CAPTURE, capture(curp!));
    expect(res.errors).toBeUndefined();
    expect(res.data?.captureBiometric).toMatchObject({
      modality: 'FINGERPRINT', fingerPosition: 'RIGHT_INDEX', quality: 70, device: 'SCANNER-7 SN123', office: '39', active: true,
      consentId: consent.data?.recordBiometricConsent.id, format: 'ISO_19794_2_2005',
    });
  });

  it('refuses a second consent while one is in force', async ({ system, as }) => {
    const [curp] = await crowdCurps(system, 22);
    const officer = officerFor(as, curp);
    await officer.query(RECORD_CONSENT, { i: { curp, purpose: 'Primera' } });
    expect((await officer.query(RECORD_CONSENT, { i: { curp, purpose: 'Segunda' } })).errors?.[0]?.extensions?.code).toBe('BIOMETRIC_CONSENT_ALREADY_IN_FORCE');
  });

  it('refuses a capture below the minimum NFIQ 2 quality, naming the score and the minimum', async ({ system, as }) => {
    const [curp] = await crowdCurps(system, 23);
    const officer = officerFor(as, curp);
    await officer.query(RECORD_CONSENT, { i: { curp, purpose: 'Verificación' } });
    const res = await officer.query(CAPTURE, capture(curp!, { quality: 35 }));
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BIOMETRIC_QUALITY_TOO_LOW', quality: 35, minimum: 40, modality: 'FINGERPRINT' });
    expect(res.errors?.[0]?.message).toContain('puntuación NFIQ 2 de 35, menor que el mínimo de 40'); // es-MX by default (gateway/error-messages)
  });

  it("refuses a record of another finger than the one declared, and a fingerprint without its finger", async ({ system, as }) => {
    const [curp] = await crowdCurps(system, 24);
    const officer = officerFor(as, curp);
    await officer.query(RECORD_CONSENT, { i: { curp, purpose: 'Verificación' } });
    expect((await officer.query(CAPTURE, capture(curp!, { fingerPosition: 'LEFT_THUMB' }))).errors?.[0]?.extensions).toMatchObject({ code: 'BIOMETRIC_FINGER_POSITION_MISMATCH', expected: 'LEFT_THUMB', found: 2 });
    expect((await officer.query(CAPTURE, capture(curp!, { fingerPosition: null }))).errors?.[0]?.extensions?.code).toBe('BIOMETRIC_FINGER_POSITION_REQUIRED');
    expect((await officer.query(CAPTURE, capture(curp!, { modality: 'FACE' }))).errors?.[0]?.extensions?.code).toBe('BIOMETRIC_FINGER_POSITION_UNEXPECTED');
  });

  it('a re-capture replaces the active template and keeps the history, the old one shredded', async ({ system, as }) => {
    const [curp] = await crowdCurps(system, 25);
    const officer = officerFor(as, curp);
    await officer.query(RECORD_CONSENT, { i: { curp, purpose: 'Verificación' } });
    const first = await officer.query(CAPTURE, capture(curp!));
    const second = await officer.query(CAPTURE, capture(curp!, { template: base64(isoRecord(fingers.genuine)), quality: 81, device: 'SCANNER-9' }));
    const data = await as('INSURED', { claims: { curp } }).query(MY_DATA);
    const captures = data.data?.me.biometricData.captures;
    expect(captures).toHaveLength(2);
    expect(captures[0]).toMatchObject({ id: second.data?.captureBiometric.id, active: true, replacedAt: null, shreddedAt: null, quality: 81 });
    expect(captures[1]).toMatchObject({ id: first.data?.captureBiometric.id, active: false, replacedAt: expect.any(String), shreddedAt: expect.any(String), quality: 70 });
    const [old] = await system.db.database.sql<{ wrapped_key: Buffer | null; replaced_by: string }[]>`select wrapped_key, replaced_by from biometrics.template_records where id = ${first.data?.captureBiometric.id}`;
    expect(old).toEqual({ wrapped_key: null, replaced_by: second.data?.captureBiometric.id });
  });

  it('the person sees what is stored about them: consents and captures as metadata, with dates and offices', async ({ system, as }) => {
    const res = await as('INSURED').query(MY_DATA);
    expect(res.errors).toBeUndefined();
    expect(res.data?.me.biometricData).toEqual({
      consents: [expect.objectContaining({ office: '01', officerRole: 'IMSS_OFFICER', inForce: true, revokedAt: null, grantedAt: '2025-11-01T16:00:00.000Z' })],
      captures: [expect.objectContaining({ modality: 'FINGERPRINT', fingerPosition: 'RIGHT_INDEX', office: '01', active: true, capturedAt: '2025-11-01T16:05:00.000Z', format: 'ISO_19794_2_2005' })],
    });
  });

  it('nobody but the person lists what is stored, not even an officer on the person’s case', async ({ system, as }) => {
    const query = gql`query($c: Curp!) { person(curp: $c) { curp biometricData { captures { id } } } }`;
    // Staff on the person's case: they read the person, and still not what is stored.
    const clients = {
      IMSS_OFFICER: officerFor(as, system.insuredCurp),
      CONSULATE_STAFF: as('CONSULATE_STAFF', { purpose: 'NSS_ASSISTANCE:window-1', caseFor: system.insuredCurp }),
      BANK: as('BANK'),
    };
    for (const [role, client] of Object.entries(clients)) {
      const res = await client.query(query, { c: system.insuredCurp });
      if (role !== 'BANK') expect(res.data?.person?.curp, role).toBe(system.insuredCurp);
      expect(res.data?.person?.biometricData ?? null, role).toBeNull();
      expect(res.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
    }
  });

  it('consulate staff never record a consent or capture, and the refusal is audited', async ({ system, as }) => {
    const [curp] = await crowdCurps(system, 26);
    const staff = as('CONSULATE_STAFF', { purpose: PURPOSE });
    expect((await staff.query(RECORD_CONSENT, { i: { curp, purpose: 'X' } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await staff.query(CAPTURE, capture(curp!))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [row] = await system.db.database.sql<{ n: number }[]>`
      select count(*)::int as n from audit.access_events where subject_curp = ${curp!} and action = 'REFUSED' and subgraph = 'biometrics' and actor_role = 'CONSULATE_STAFF'`;
    expect(row!.n).toBe(2);
  });
});

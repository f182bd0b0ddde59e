/**
 * Biometrics demo data (synthetic, no real person's fingerprint): the demo insured person's
 * consent and one fingerprint template sealed under the master key ring the biometrics subgraph
 * uses (the development ring by default), so `me { biometricStatus }` shows an enrolment; and an
 * e.firma verification of the demo employer's user, so the EMPLOYER example token obtains an
 * identity assertion for the demo registration.
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '../client.ts';
import { consentRecords, employerIdentityVerifications, templateRecords } from '../schema/biometrics.ts';
import { SEAL_VERSION, sealTemplate } from '../../subgraphs/biometrics/crypto/envelope.ts';
import type { MasterKeyRing } from '../../subgraphs/biometrics/crypto/key-ring.ts';
import { encodeFingerMinutiaeRecord } from '../../subgraphs/biometrics/matching/iso19794-2.ts';
import type { IsoMinutia } from '../../subgraphs/biometrics/matching/iso19794-2-types.ts';

export interface BiometricsSeed {
  insuredCurp: string;
  employerRegistration: string;
  /** The subject of the EMPLOYER example token (gateway/auth/dev-tokens.ts: `dev-<role>`). */
  employerSubject: string;
  office: string;
  masterKeys: MasterKeyRing;
  now: Date;
}

const DAY = 86_400_000;

export async function seedBiometrics(tx: Tx, seed: BiometricsSeed): Promise<void> {
  const officer = { officerRole: 'IMSS_OFFICER' as const, officerSubject: 'seed', office: seed.office };
  const [consent] = await tx.insert(consentRecords).values({
    curp: seed.insuredCurp,
    purpose: 'Verificación de identidad en trámites del IMSS (datos de demostración)',
    grantedAt: new Date('2025-11-01T16:00:00Z'),
    ...officer,
  }).returning({ id: consentRecords.id });

  const id = randomUUID();
  const template = syntheticFingerprintRecord(20_251_101);
  const sealed = sealTemplate(template, { recordId: id, curp: seed.insuredCurp, modality: 'FINGERPRINT' }, seed.masterKeys);
  template.fill(0);
  await tx.insert(templateRecords).values({
    id,
    curp: seed.insuredCurp,
    modality: 'FINGERPRINT',
    fingerPosition: 'RIGHT_INDEX',
    quality: 72,
    device: 'DEMO-SCANNER-01',
    office: seed.office,
    capturedByRole: officer.officerRole,
    capturedBySubject: officer.officerSubject,
    consentId: consent!.id,
    format: 'ISO_19794_2_2005',
    sealVersion: SEAL_VERSION,
    ciphertext: sealed.ciphertext,
    iv: sealed.iv,
    authTag: sealed.authTag,
    wrappedKey: sealed.wrappedKey,
    wrapIv: sealed.wrapIv,
    wrapTag: sealed.wrapTag,
    masterKeyId: sealed.masterKeyId,
    capturedAt: new Date('2025-11-01T16:05:00Z'),
  });

  await tx.insert(employerIdentityVerifications).values({
    registration: seed.employerRegistration,
    employerSubject: seed.employerSubject,
    method: 'EFIRMA',
    verifiedAt: new Date(seed.now.getTime() - DAY),
    validUntil: new Date(seed.now.getTime() + 364 * DAY),
    certificateSerial: '00001000000500000001',
    recordedByRole: officer.officerRole,
    recordedBySubject: officer.officerSubject,
    office: seed.office,
    purpose: 'DEMO:efirma-check',
  });
}

/** A deterministic ISO/IEC 19794-2 record of one right index finger: random minutiae, nothing real. */
export function syntheticFingerprintRecord(seed: number): Buffer {
  let state = seed >>> 0;
  const next = () => {
    // 32-bit LCG (Numerical Recipes constants): reproducible and good enough for demo points.
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
  const minutiae: IsoMinutia[] = Array.from({ length: 36 }, () => ({
    type: next() < 0.5 ? 'RIDGE_ENDING' : 'BIFURCATION',
    x: 40 + Math.floor(next() * 320),
    y: 40 + Math.floor(next() * 420),
    angle: Math.floor(next() * 256),
    quality: 60,
  }));
  return encodeFingerMinutiaeRecord({
    equipmentCertification: 0, captureDeviceTypeId: 0, imageWidth: 400, imageHeight: 500, resolutionX: 197, resolutionY: 197,
    views: [{ fingerPosition: 2, viewNumber: 0, impressionType: 0, fingerQuality: 72, minutiae, extendedData: Buffer.alloc(0) }],
  });
}

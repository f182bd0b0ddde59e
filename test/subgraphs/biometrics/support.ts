/** Documents and steps the biometrics integration tests share. */
import type { As, AsOptions } from '../../support/fixtures.ts';
import { gql } from '../../support/graphql.ts';
import type { SeededSystem } from '../../support/seeded-system.ts';

export const PURPOSE = 'BIOMETRIC_CAPTURE:desk-2';

export const RECORD_CONSENT = gql`mutation($i: RecordBiometricConsentInput!) { recordBiometricConsent(input: $i) { id purpose office officerRole grantedAt inForce } }`;
export const CAPTURE = gql`mutation($i: CaptureBiometricInput!) { captureBiometric(input: $i) { id modality fingerPosition quality device office active replacedAt shreddedAt consentId format } }`;
export const VERIFY = gql`mutation($i: VerifyBiometricInput!) { verifyBiometric(input: $i) { id result score threshold office attemptedAt lockedUntil fingerPosition } }`;
export const REVOKE = gql`mutation($c: Curp) { revokeBiometricConsent(curp: $c) { shreddedTemplates consent { id inForce revokedAt revokedBy } } }`;
export const STATUS = gql`query($c: Curp!) { person(curp: $c) { biometricStatus { enrolledModalities enrolledFingers consentInForce lastVerifiedAt lastVerification { result modality } verifiedIdentityCurrent verifiedUntil lockedUntil } } }`;

/** Persons of the demo crowd (no biometric data seeded), distinct per call site by `offset`. */
export async function crowdCurps(system: SeededSystem, offset: number, count = 1): Promise<string[]> {
  const rows = await system.db.database.sql<{ curp: string }[]>`
    select curp from persons.persons where curp not in (${system.insuredCurp}, ${system.pensionerCurp}) order by curp offset ${offset} limit ${count}`;
  return rows.map((row) => row.curp);
}

/** An officer of subdelegation 01 on the person's case (their biometric-capture appointment, checked in today). */
export function officerFor(as: As, curp: string | undefined, options: Omit<AsOptions, 'purpose' | 'caseFor'> = {}) {
  if (curp === undefined) throw new Error('no person to open a case for');
  return as('IMSS_OFFICER', { purpose: PURPOSE, caseFor: curp, ...options });
}

/** An officer on the person's case records consent and captures one fingerprint. */
export async function enrolFingerprint(as: As, curp: string, template: string, fingerPosition = 'RIGHT_INDEX') {
  const officer = officerFor(as, curp);
  const consent = await officer.query(RECORD_CONSENT, { i: { curp, purpose: 'Verificación de identidad en trámites' } });
  if (consent.errors) throw new Error(JSON.stringify(consent.errors));
  const capture = await officer.query(CAPTURE, { i: { curp, modality: 'FINGERPRINT', fingerPosition, template, quality: 70, device: 'SCANNER-7 SN123' } });
  if (capture.errors) throw new Error(JSON.stringify(capture.errors));
  return capture.data!.captureBiometric as { id: string };
}

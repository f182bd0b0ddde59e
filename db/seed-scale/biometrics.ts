/**
 * The biometrics subgraph's rows at scale: consents recorded at the person's IMSS office (some
 * revoked later, by the person or an officer) and, for most consents in force, one right index
 * fingerprint template — a synthetic ISO/IEC 19794-2 record sealed exactly as a capture seals it,
 * under the master key ring the subgraph loads. Sealing draws fresh data keys and IVs, so
 * ciphertexts differ between runs; every other column follows the seed.
 */
import { SEAL_VERSION, sealTemplate } from '../../subgraphs/biometrics/crypto/envelope.ts';
import type { MasterKeyRing } from '../../subgraphs/biometrics/crypto/key-ring.ts';
import { syntheticFingerprintRecord } from '../seed-data/biometrics.ts';
import type { CopyTable, ScaleContext, ScalePart } from './part.ts';

const CONSENTS: CopyTable = {
  name: 'biometrics.consent_records',
  columns: ['id', 'curp', 'purpose', 'granted_at', 'office', 'officer_role', 'officer_subject', 'revoked_at', 'revoked_by', 'revoked_by_subject'],
};
const TEMPLATES: CopyTable = {
  name: 'biometrics.template_records',
  columns: ['id', 'curp', 'modality', 'finger_position', 'quality', 'device', 'office', 'captured_by_role', 'captured_by_subject', 'consent_id', 'format',
    'seal_version', 'ciphertext', 'iv', 'auth_tag', 'wrapped_key', 'wrap_iv', 'wrap_tag', 'master_key_id', 'captured_at'],
};
const PURPOSE = 'Verificación de identidad en trámites del IMSS (datos sintéticos de escala)';
const DAY = 86_400_000;

export function biometricsPart(context: ScaleContext, masterKeys: MasterKeyRing): ScalePart {
  const sinceMs = Date.UTC(2024, 0, 1);
  const spanDays = Math.max(1, Math.floor((context.now.getTime() - sinceMs) / DAY) - 1);
  return {
    name: 'biometrics',
    tables: [CONSENTS, TEMPLATES],
    rows(person, sink) {
      const { random } = person;
      if (person.abroad || !random.chance(0.05)) return;
      const office = person.clinic.subdelegation;
      const officer = `officer-${office}-${1 + random.int(20)}`;
      const grantedAt = new Date(sinceMs + random.int(spanDays) * DAY + (15 + random.int(8)) * 3_600_000);
      const consentId = person.newId();
      const revoked = random.chance(0.08);
      const revokedAt = revoked ? new Date(Math.min(context.now.getTime() - DAY, grantedAt.getTime() + (1 + random.int(300)) * DAY)) : null;
      const revokedBy = revoked ? random.pick(['INSURED', 'IMSS_OFFICER'] as const) : null;
      sink.add(CONSENTS, [consentId, person.curp, PURPOSE, grantedAt, office, 'IMSS_OFFICER', officer, revokedAt, revokedBy,
        revokedBy === 'INSURED' ? `insured-${person.index}` : revokedBy ? officer : null]);
      if (revoked || !random.chance(0.8)) return;
      const id = person.newId();
      const template = syntheticFingerprintRecord(random.int(2 ** 31));
      const sealed = sealTemplate(template, { recordId: id, curp: person.curp, modality: 'FINGERPRINT' }, masterKeys);
      template.fill(0);
      sink.add(TEMPLATES, [id, person.curp, 'FINGERPRINT', 'RIGHT_INDEX', 40 + random.int(55), 'SCALE-SCANNER-01', office, 'IMSS_OFFICER', officer, consentId,
        'ISO_19794_2_2005', SEAL_VERSION, sealed.ciphertext, sealed.iv, sealed.authTag, sealed.wrappedKey, sealed.wrapIv, sealed.wrapTag, sealed.masterKeyId,
        new Date(grantedAt.getTime() + 10 * 60_000)]);
    },
  };
}

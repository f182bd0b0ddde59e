/** The verification's one decryption point: the best score wins, and every opened template is wiped. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import * as envelope from '../../../subgraphs/biometrics/crypto/envelope.ts';
import { TemplateIntegrityError } from '../../../subgraphs/biometrics/crypto/errors.ts';
import { createMasterKeyRing } from '../../../subgraphs/biometrics/crypto/key-ring.ts';
import { DEFAULT_MATCH_THRESHOLDS } from '../../../subgraphs/biometrics/matching/compare.ts';
import type { SealedRecord } from '../../../subgraphs/biometrics/repository.ts';
import { compareWithEnrolled } from '../../../subgraphs/biometrics/services/compare-enrolled.ts';
import { isoRecord, syntheticFingerSet } from '../../support/biometrics/templates.ts';
import { thrown } from './support.ts';

const realOpen = envelope.openTemplate;
const ring = createMasterKeyRing([{ id: 'k', key: randomBytes(32) }], 'k');
const fingers = syntheticFingerSet(31);
const OPTIONS = { masterKeys: ring, thresholds: DEFAULT_MATCH_THRESHOLDS, faceDimension: 512 };

function record(template: Buffer, fingerPosition: 'RIGHT_INDEX' | 'LEFT_INDEX' = 'RIGHT_INDEX'): SealedRecord {
  const id = `00000000-0000-4000-8000-${randomBytes(6).toString('hex')}`;
  const curp = 'GOMA800101HDFRRN05';
  return { id, curp, modality: 'FINGERPRINT', fingerPosition, sealed: envelope.sealTemplate(template, { recordId: id, curp, modality: 'FINGERPRINT' }, ring) };
}

describe('compareWithEnrolled', () => {
  it('returns the best-scoring record, null when there is none', () => {
    const genuine = record(isoRecord(fingers.enrolled));
    const other = record(isoRecord(fingers.impostor));
    const best = compareWithEnrolled(isoRecord(fingers.genuine), [other, genuine], OPTIONS);
    expect(best?.record.id).toBe(genuine.id);
    expect(best?.comparison.matched).toBe(true);
    expect(compareWithEnrolled(isoRecord(fingers.genuine), [], OPTIONS)).toBeNull();
  });

  it('zero-fills every decrypted template once compared, and also when the comparison throws', () => {
    const opened: Buffer[] = [];
    const spy = vi.spyOn(envelope, 'openTemplate').mockImplementation((...args) => {
      const plaintext = realOpen(...args);
      opened.push(plaintext);
      return plaintext;
    });
    try {
      compareWithEnrolled(isoRecord(fingers.genuine), [record(isoRecord(fingers.enrolled)), record(isoRecord(fingers.impostor))], OPTIONS);
      const broken = record(Buffer.from('not an ISO record at all'));
      thrown(() => compareWithEnrolled(isoRecord(fingers.genuine), [broken], OPTIONS));
    } finally {
      spy.mockRestore();
    }
    expect(opened).toHaveLength(3);
    for (const plaintext of opened) expect(plaintext.every((byte) => byte === 0)).toBe(true);
  });

  it('lets an integrity failure through: a tampered record is never compared', () => {
    const tampered = record(isoRecord(fingers.enrolled));
    tampered.sealed.ciphertext[3]! ^= 1;
    expect(thrown(() => compareWithEnrolled(isoRecord(fingers.genuine), [tampered], OPTIONS))).toBeInstanceOf(TemplateIntegrityError);
  });
});

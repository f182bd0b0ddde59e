/**
 * Synthetic templates as the capture stations send them: ISO/IEC 19794-2:2005 records of synthetic
 * impressions and FEMB face embedding records, base64 for a mutation's input.
 */
import { encodeFaceTemplate } from '../../../subgraphs/biometrics/matching/face.ts';
import { isoMinutiae } from '../../../subgraphs/biometrics/matching/iso-minutiae.ts';
import { encodeFingerMinutiaeRecord } from '../../../subgraphs/biometrics/matching/iso19794-2.ts';
import type { Minutia } from '../../../subgraphs/biometrics/matching/minutia.ts';
import { createRandom } from './random.ts';
import { syntheticFaceCapture, syntheticIdentity } from './synthetic-faces.ts';
import { syntheticFinger, syntheticImpression } from './synthetic-fingers.ts';

/** An ISO record of one view: `isoPosition` 1–10 (2 = right index), 0 unknown. */
export function isoRecord(minutiae: readonly Minutia[], isoPosition = 2): Buffer {
  return encodeFingerMinutiaeRecord({
    equipmentCertification: 0, captureDeviceTypeId: 0, imageWidth: 400, imageHeight: 500, resolutionX: 197, resolutionY: 197,
    views: [{ fingerPosition: isoPosition, viewNumber: 0, impressionType: 0, fingerQuality: 70, extendedData: Buffer.alloc(0), minutiae: isoMinutiae(minutiae, { imageWidth: 400, imageHeight: 500 }) }],
  });
}

/** Two fingers from a seed: three impressions of finger A (enrolment, genuine probes) and one of finger B (impostor). */
export function syntheticFingerSet(seed: number) {
  const random = createRandom(seed);
  const a = syntheticFinger(random);
  const b = syntheticFinger(random);
  const impression = (finger: typeof a) => syntheticImpression(finger, random).minutiae;
  return { enrolled: impression(a), genuine: impression(a), genuine2: impression(a), impostor: impression(b) };
}

/** A person's face and another's, as embedding records of `dimension`. */
export function syntheticFaceSet(seed: number, dimension = 512) {
  const random = createRandom(seed);
  const person = syntheticIdentity(random, dimension);
  const other = syntheticIdentity(random, dimension);
  const capture = (identity: Float32Array) => encodeFaceTemplate(syntheticFaceCapture(identity, random));
  return { enrolled: capture(person), genuine: capture(person), impostor: capture(other) };
}

export const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

import { describe, expect, it } from 'vitest';
import { compareTemplates, DEFAULT_MATCH_THRESHOLDS, TemplateComparisonError } from '../../../subgraphs/biometrics/matching/compare.ts';
import { encodeFaceTemplate, FaceTemplateError } from '../../../subgraphs/biometrics/matching/face.ts';
import { isoMinutiae } from '../../../subgraphs/biometrics/matching/iso-minutiae.ts';
import { encodeFingerMinutiaeRecord } from '../../../subgraphs/biometrics/matching/iso19794-2.ts';
import { IsoRecordError } from '../../../subgraphs/biometrics/matching/iso19794-2-types.ts';
import type { IsoFingerView } from '../../../subgraphs/biometrics/matching/iso19794-2-types.ts';
import type { Minutia } from '../../../subgraphs/biometrics/matching/minutia.ts';
import { detectTemplateFormat } from '../../../subgraphs/biometrics/matching/template-format.ts';
import { createRandom } from '../../support/biometrics/random.ts';
import { syntheticFaceCapture, syntheticIdentity } from '../../support/biometrics/synthetic-faces.ts';
import { syntheticFinger, syntheticImpression } from '../../support/biometrics/synthetic-fingers.ts';
import { thrown } from './support.ts';

function view(minutiae: readonly Minutia[], fingerPosition = 2, viewNumber = 0): IsoFingerView {
  return { fingerPosition, viewNumber, impressionType: 0, fingerQuality: 70, extendedData: Buffer.alloc(0), minutiae: isoMinutiae(minutiae, { imageWidth: 400, imageHeight: 500 }) };
}

function isoRecord(...views: IsoFingerView[]): Buffer {
  return encodeFingerMinutiaeRecord({ equipmentCertification: 0, captureDeviceTypeId: 0, imageWidth: 400, imageHeight: 500, resolutionX: 197, resolutionY: 197, views });
}

const random = createRandom(77);
const fingerA = syntheticFinger(random);
const fingerB = syntheticFinger(random);
const enrolledA = syntheticImpression(fingerA, random).minutiae;
const probeA = syntheticImpression(fingerA, random).minutiae;
const enrolledB = syntheticImpression(fingerB, random).minutiae;

describe('compareTemplates for fingerprints (ISO/IEC 19794-2 records)', () => {
  it('matches two impressions of the same finger', () => {
    const result = compareTemplates(isoRecord(view(probeA)), isoRecord(view(enrolledA)), 'FINGERPRINT', DEFAULT_MATCH_THRESHOLDS);
    expect(result.matched).toBe(true);
    expect(result.threshold).toBe(15);
    expect(result.score).toBeGreaterThan(30);
  });

  it('does not match different fingers', () => {
    const result = compareTemplates(isoRecord(view(probeA)), isoRecord(view(enrolledB)), 'FINGERPRINT', DEFAULT_MATCH_THRESHOLDS);
    expect(result.matched).toBe(false);
  });

  it('takes the best of the views of the same finger position in a multi-finger enrolment', () => {
    const enrolment = isoRecord(view(enrolledB, 1), view(enrolledA, 2));
    expect(compareTemplates(isoRecord(view(probeA, 2)), enrolment, 'FINGERPRINT', DEFAULT_MATCH_THRESHOLDS).matched).toBe(true);
  });

  it('never compares views of different finger positions', () => {
    const result = compareTemplates(isoRecord(view(probeA, 7)), isoRecord(view(enrolledA, 2)), 'FINGERPRINT', DEFAULT_MATCH_THRESHOLDS);
    expect(result.score).toBe(0);
  });

  it('lets an unknown finger position (0) be compared with any', () => {
    expect(compareTemplates(isoRecord(view(probeA, 0)), isoRecord(view(enrolledA, 2)), 'FINGERPRINT', DEFAULT_MATCH_THRESHOLDS).matched).toBe(true);
  });

  it('uses the threshold it is given', () => {
    const result = compareTemplates(isoRecord(view(probeA)), isoRecord(view(enrolledA)), 'FINGERPRINT', { FINGERPRINT: 99.9, FACE: 0.4 });
    expect([result.threshold, result.matched]).toEqual([99.9, false]);
  });

  it('throws the ISO error for a malformed record', () => {
    const bad = isoRecord(view(probeA)).subarray(0, 30);
    expect(thrown(() => compareTemplates(bad, isoRecord(view(enrolledA)), 'FINGERPRINT', DEFAULT_MATCH_THRESHOLDS))).toBeInstanceOf(IsoRecordError);
  });
});

describe('compareTemplates for faces', () => {
  const faces = createRandom(5);
  const person = syntheticIdentity(faces, 128);
  const other = syntheticIdentity(faces, 128);
  const enrolled = encodeFaceTemplate(syntheticFaceCapture(person, faces));

  it('matches two captures of the same synthetic person', () => {
    const result = compareTemplates(encodeFaceTemplate(syntheticFaceCapture(person, faces)), enrolled, 'FACE', DEFAULT_MATCH_THRESHOLDS, { faceDimension: 128 });
    expect(result.matched).toBe(true);
    expect(result.threshold).toBe(0.4);
  });

  it('does not match another person', () => {
    expect(compareTemplates(encodeFaceTemplate(syntheticFaceCapture(other, faces)), enrolled, 'FACE', DEFAULT_MATCH_THRESHOLDS).matched).toBe(false);
  });

  it('refuses a probe from a model of another dimension', () => {
    const probe = encodeFaceTemplate(syntheticIdentity(faces, 512));
    expect(thrown(() => compareTemplates(probe, enrolled, 'FACE', DEFAULT_MATCH_THRESHOLDS, { faceDimension: 128 })).code).toBe('FACE_DIMENSION_MISMATCH');
  });

  it('throws the face error for a corrupt template', () => {
    expect(thrown(() => compareTemplates(enrolled.subarray(0, 20), enrolled, 'FACE', DEFAULT_MATCH_THRESHOLDS))).toBeInstanceOf(FaceTemplateError);
  });
});

describe('compareTemplates guards', () => {
  it('refuses a face template given as a fingerprint, naming which side', () => {
    const face = encodeFaceTemplate([1, 2, 3]);
    const error = thrown(() => compareTemplates(isoRecord(view(probeA)), face, 'FINGERPRINT', DEFAULT_MATCH_THRESHOLDS));
    expect(error).toBeInstanceOf(TemplateComparisonError);
    expect([error.code, error.details?.template]).toEqual(['TEMPLATE_FORMAT_MISMATCH', 'gallery']);
  });

  it('refuses a threshold that is not a finite number', () => {
    const record = isoRecord(view(probeA));
    expect(thrown(() => compareTemplates(record, record, 'FINGERPRINT', { FINGERPRINT: Number.NaN, FACE: 0.4 })).code).toBe('MATCH_THRESHOLD_INVALID');
  });

  it('refuses an unknown modality at run time', () => {
    const record = isoRecord(view(probeA));
    expect(thrown(() => compareTemplates(record, record, 'IRIS' as 'FACE', DEFAULT_MATCH_THRESHOLDS)).code).toBe('BIOMETRIC_MODALITY_UNSUPPORTED');
  });
});

describe('detectTemplateFormat', () => {
  it('recognises each format by its signature and nothing else', () => {
    expect(detectTemplateFormat(isoRecord(view(probeA)))).toBe('ISO_19794_2_2005');
    expect(detectTemplateFormat(encodeFaceTemplate([1]))).toBe('FACE_EMBEDDING_F32_V1');
    expect(detectTemplateFormat(Buffer.from('FMR\0 030'))).toBeNull();
    expect(detectTemplateFormat(Buffer.alloc(0))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { encodeFaceTemplate } from '../../../subgraphs/biometrics/matching/face.ts';
import { encodeFingerMinutiaeRecord } from '../../../subgraphs/biometrics/matching/iso19794-2.ts';
import { checkCaptureTemplate, checkProbe, decodeBase64Template } from '../../../subgraphs/biometrics/rules/template-input.ts';
import { createRandom } from '../../support/biometrics/random.ts';
import { syntheticFinger, syntheticImpression } from '../../support/biometrics/synthetic-fingers.ts';
import { isoRecord } from '../../support/biometrics/templates.ts';
import { thrown } from './support.ts';

const LIMITS = { maxTemplateBytes: 4096, faceDimension: 128 };
const minutiae = syntheticImpression(syntheticFinger(createRandom(5)), createRandom(6)).minutiae;
const face = encodeFaceTemplate(Array.from({ length: 128 }, (_, i) => Math.sin(i + 1)));

describe('decodeBase64Template', () => {
  it('decodes standard padded base64, line breaks allowed', () => {
    expect(decodeBase64Template('AAEC\nAw==', 'probe', 100)).toEqual(Buffer.from([0, 1, 2, 3]));
  });

  it('refuses other alphabets, missing padding and empty input', () => {
    for (const text of ['AAEC-w==', 'AAECAw', '', '!!!!']) expect(thrown(() => decodeBase64Template(text, 'probe', 100)).code).toBe('BIOMETRIC_TEMPLATE_ENCODING');
  });

  it('refuses more bytes than the limit, before decoding them', () => {
    const text = Buffer.alloc(101).toString('base64');
    expect(thrown(() => decodeBase64Template(text, 'template', 100)).details).toEqual({ field: 'template', limit: 100 });
    expect(decodeBase64Template(Buffer.alloc(100).toString('base64'), 'template', 100)).toHaveLength(100);
  });
});

describe('checkCaptureTemplate', () => {
  it('accepts an ISO record of the declared finger', () => {
    expect(checkCaptureTemplate(isoRecord(minutiae, 2), 'FINGERPRINT', 'RIGHT_INDEX', LIMITS)).toBe('ISO_19794_2_2005');
  });

  it('refuses a record with a view of another finger, or of an unknown one', () => {
    expect(thrown(() => checkCaptureTemplate(isoRecord(minutiae, 3), 'FINGERPRINT', 'RIGHT_INDEX', LIMITS)).details).toEqual({ expected: 'RIGHT_INDEX', found: 3 });
    expect(thrown(() => checkCaptureTemplate(isoRecord(minutiae, 0), 'FINGERPRINT', 'RIGHT_INDEX', LIMITS)).code).toBe('BIOMETRIC_FINGER_POSITION_MISMATCH');
  });

  it("passes on the ISO parser's reason for a malformed record", () => {
    const record = isoRecord(minutiae, 2);
    record[0] = 0x58;
    expect(thrown(() => checkCaptureTemplate(record, 'FINGERPRINT', 'RIGHT_INDEX', LIMITS)).details).toMatchObject({ field: 'template', reason: 'ISO_FORMAT_IDENTIFIER_INVALID' });
  });

  it('accepts a face embedding of the configured dimension only', () => {
    expect(checkCaptureTemplate(face, 'FACE', null, LIMITS)).toBe('FACE_EMBEDDING_F32_V1');
    expect(thrown(() => checkCaptureTemplate(face, 'FACE', null, { ...LIMITS, faceDimension: 512 })).details).toMatchObject({ reason: 'FACE_DIMENSION_MISMATCH' });
  });

  it('refuses a fingerprint record declared as a face and the reverse', () => {
    expect(thrown(() => checkCaptureTemplate(isoRecord(minutiae), 'FACE', null, LIMITS)).details).toMatchObject({ reason: 'FACE_TEMPLATE_MAGIC_INVALID' });
    expect(thrown(() => checkCaptureTemplate(face, 'FINGERPRINT', 'RIGHT_INDEX', LIMITS)).details).toMatchObject({ reason: 'ISO_FORMAT_IDENTIFIER_INVALID' });
  });
});

describe('checkProbe', () => {
  it("names the fingers a probe's views are of", () => {
    const twoViews = encodeFingerMinutiaeRecord({
      equipmentCertification: 0, captureDeviceTypeId: 0, imageWidth: 400, imageHeight: 500, resolutionX: 197, resolutionY: 197,
      views: [2, 7].map((fingerPosition) => ({ fingerPosition, viewNumber: 0, impressionType: 0, fingerQuality: 60, extendedData: Buffer.alloc(0), minutiae: [] })),
    });
    expect(checkProbe(twoViews, 'FINGERPRINT', LIMITS)).toEqual({ fingers: ['RIGHT_INDEX', 'LEFT_INDEX'] });
  });

  it('compares a probe of an unknown finger with every enrolled finger', () => {
    expect(checkProbe(isoRecord(minutiae, 0), 'FINGERPRINT', LIMITS)).toEqual({ fingers: null });
  });
});

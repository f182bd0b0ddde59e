import { describe, expect, it } from 'vitest';
import { checkCaptureQuality, checkLabel } from '../../../subgraphs/biometrics/rules/capture.ts';
import { BiometricRuleError } from '../../../subgraphs/biometrics/rules/errors.ts';
import { fingerPositionOfIsoCode, isoFingerCode } from '../../../subgraphs/biometrics/rules/finger-positions.ts';
import { thrown } from './support.ts';

const MINIMUM = { FINGERPRINT: 40, FACE: 50 };

describe('checkCaptureQuality', () => {
  it('accepts the minimum itself and refuses one below, with the score and the minimum', () => {
    expect(() => checkCaptureQuality(40, 'FINGERPRINT', MINIMUM)).not.toThrow();
    const error = thrown(() => checkCaptureQuality(39, 'FINGERPRINT', MINIMUM));
    expect(error).toBeInstanceOf(BiometricRuleError);
    expect([error.code, error.details]).toEqual(['BIOMETRIC_QUALITY_TOO_LOW', { quality: 39, minimum: 40, modality: 'FINGERPRINT' }]);
    expect(error.message).toBe("The capture's NFIQ 2 score 39 is below the minimum of 40: capture again");
  });

  it('applies each modality its own minimum', () => {
    expect(thrown(() => checkCaptureQuality(45, 'FACE', MINIMUM)).details).toMatchObject({ minimum: 50 });
    expect(() => checkCaptureQuality(45, 'FINGERPRINT', MINIMUM)).not.toThrow();
  });

  it('refuses a score off the 0–100 scale', () => {
    for (const quality of [-1, 101, 50.5]) expect(thrown(() => checkCaptureQuality(quality, 'FINGERPRINT', { FINGERPRINT: 0, FACE: 0 })).code).toBe('BIOMETRIC_QUALITY_OUT_OF_RANGE');
  });
});

describe('checkLabel', () => {
  it('trims and accepts accents and punctuation', () => {
    expect(checkLabel('  Verificación, trámites (IMSS Digital)  ', 'purpose', 3, 200)).toBe('Verificación, trámites (IMSS Digital)');
  });

  it('refuses control characters and lengths outside the limits', () => {
    expect(thrown(() => checkLabel('ab\ncd', 'device', 1, 64)).code).toBe('BIOMETRIC_DEVICE_INVALID');
    expect(thrown(() => checkLabel('  ', 'device', 1, 64)).code).toBe('BIOMETRIC_DEVICE_INVALID');
    expect(thrown(() => checkLabel('x'.repeat(65), 'device', 1, 64)).code).toBe('BIOMETRIC_DEVICE_INVALID');
    expect(thrown(() => checkLabel('ab', 'purpose', 3, 200)).code).toBe('BIOMETRIC_PURPOSE_INVALID');
  });
});

describe('finger positions', () => {
  it('map to the ISO/IEC 19794-2 codes: right thumb 1 … right little 5, left thumb 6 … left little 10', () => {
    expect([isoFingerCode('RIGHT_THUMB'), isoFingerCode('RIGHT_LITTLE'), isoFingerCode('LEFT_THUMB'), isoFingerCode('LEFT_LITTLE')]).toEqual([1, 5, 6, 10]);
    expect([fingerPositionOfIsoCode(2), fingerPositionOfIsoCode(7)]).toEqual(['RIGHT_INDEX', 'LEFT_INDEX']);
  });

  it('have no position for the unknown finger (0) or codes beyond 10', () => {
    expect([fingerPositionOfIsoCode(0), fingerPositionOfIsoCode(11)]).toEqual([null, null]);
  });
});

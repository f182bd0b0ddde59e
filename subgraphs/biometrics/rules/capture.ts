/** What a capture must satisfy besides its template: quality, device, the consent's purpose text. */
import type { BiometricModality } from '../matching/template-format.ts';
import { BiometricRuleError } from './errors.ts';

/**
 * Quality on the 0–100 scale (NFIQ 2, ISO/IEC 29794-4, for fingerprints; docs/domain.md §9) at
 * or above the configured minimum for the modality; refused with the score and the minimum.
 */
export function checkCaptureQuality(quality: number, modality: BiometricModality, minimum: { FINGERPRINT: number; FACE: number }): void {
  if (!Number.isInteger(quality) || quality < 0 || quality > 100) {
    throw new BiometricRuleError('BIOMETRIC_QUALITY_OUT_OF_RANGE', `Quality ${quality} is outside the 0–100 scale`, { quality });
  }
  const required = minimum[modality];
  if (quality < required) {
    const scale = modality === 'FINGERPRINT' ? 'NFIQ 2' : 'face quality';
    throw new BiometricRuleError(
      'BIOMETRIC_QUALITY_TOO_LOW',
      `The capture's ${scale} score ${quality} is below the minimum of ${required}: capture again`,
      { quality, minimum: required, modality },
    );
  }
}

const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]+$/u;
const LABEL_CODES = { device: 'BIOMETRIC_DEVICE_INVALID', purpose: 'BIOMETRIC_PURPOSE_INVALID', employerSubject: 'EMPLOYER_SUBJECT_INVALID' } as const;

/** A device label (model, serial), a consent's purpose or a token subject: trimmed, no control characters, within its length. */
export function checkLabel(value: string, field: keyof typeof LABEL_CODES, min: number, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max || !NO_CONTROL_CHARACTERS.test(trimmed)) {
    throw new BiometricRuleError(LABEL_CODES[field], `${field} must be ${min}–${max} characters without control characters`, { field, min, max });
  }
  return trimmed;
}

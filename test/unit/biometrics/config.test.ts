import { describe, expect, it } from 'vitest';
import { biometricsSettingsFromEnv, DEFAULT_BIOMETRICS_SETTINGS } from '../../../subgraphs/biometrics/config.ts';
import { DEFAULT_MATCH_THRESHOLDS } from '../../../subgraphs/biometrics/matching/compare.ts';
import { thrown } from './support.ts';

describe('biometricsSettingsFromEnv', () => {
  it('gives the dated defaults without configuration (blank values count as unset)', () => {
    expect(biometricsSettingsFromEnv({ BIOMETRIC_LOCKOUT_MINUTES: ' ' })).toEqual(DEFAULT_BIOMETRICS_SETTINGS);
    expect(DEFAULT_BIOMETRICS_SETTINGS.thresholds).toEqual({ FINGERPRINT: DEFAULT_MATCH_THRESHOLDS.FINGERPRINT, FACE: DEFAULT_MATCH_THRESHOLDS.FACE });
    expect(DEFAULT_BIOMETRICS_SETTINGS.checkedOn).toBe('2026-12-01');
  });

  it('takes every policy value from the environment', () => {
    const settings = biometricsSettingsFromEnv({
      BIOMETRIC_MATCH_THRESHOLD_FINGERPRINT: '22', BIOMETRIC_MATCH_THRESHOLD_FACE: '0.55', BIOMETRIC_MIN_QUALITY_FINGERPRINT: '30',
      BIOMETRIC_MIN_QUALITY_FACE: '60', BIOMETRIC_FACE_DIMENSION: '128', BIOMETRIC_LOCKOUT_MAX_FAILURES: '3', BIOMETRIC_LOCKOUT_WINDOW_MINUTES: '10',
      BIOMETRIC_LOCKOUT_MINUTES: '60', BIOMETRIC_VERIFIED_IDENTITY_MINUTES: '15', BIOMETRIC_REPRESENTATIVE_MATCH_MINUTES: '5',
      BIOMETRIC_EMPLOYER_EFIRMA_DAYS: '30', BIOMETRIC_EMPLOYER_BIOMETRIC_DAYS: '7', IDENTITY_ASSERTION_HOURS: '1',
    });
    expect(settings).toMatchObject({
      thresholds: { FINGERPRINT: 22, FACE: 0.55 }, minimumQuality: { FINGERPRINT: 30, FACE: 60 }, faceDimension: 128,
      lockout: { maxFailures: 3, windowMinutes: 10, lockMinutes: 60 }, verifiedIdentityMinutes: 15, representativeMatchMinutes: 5,
      employerVerificationDays: { EFIRMA: 30, BIOMETRIC: 7 }, assertionHours: 1,
    });
  });

  it('names every invalid variable', () => {
    const error = thrown(() => biometricsSettingsFromEnv({ BIOMETRIC_MIN_QUALITY_FINGERPRINT: '101', BIOMETRIC_MATCH_THRESHOLD_FACE: '2', BIOMETRIC_LOCKOUT_MAX_FAILURES: 'many' }));
    expect(error.message).toMatch(/BIOMETRIC_MIN_QUALITY_FINGERPRINT/);
    expect(error.message).toMatch(/BIOMETRIC_MATCH_THRESHOLD_FACE/);
    expect(error.message).toMatch(/BIOMETRIC_LOCKOUT_MAX_FAILURES/);
  });
});

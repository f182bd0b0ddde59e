/**
 * The biometrics subgraph's policy settings: match thresholds, minimum capture quality, the
 * lockout rule and how long a verification vouches for someone. None of these is published by
 * IMSS (docs/domain.md §9: no IMSS-mandated NFIQ 2 threshold found), so every value is
 * configuration, with dated defaults; BIOMETRIC_* environment variables override them.
 */
import { z } from 'zod';
import { DEFAULT_MATCH_THRESHOLDS, type MatchThresholds } from './matching/compare.ts';

export interface BiometricsSettings {
  /** Per-modality decision thresholds (fingerprint score 0–100, face cosine similarity). */
  thresholds: MatchThresholds;
  /** Captures below these quality scores (0–100; NFIQ 2 for fingerprints) are refused. */
  minimumQuality: { FINGERPRINT: number; FACE: number };
  /** Embedding dimension of the deployed face model: other dimensions are refused. */
  faceDimension: number;
  /** Largest template or probe accepted, in bytes (decoded). */
  maxTemplateBytes: number;
  lockout: {
    /** Failed (NO_MATCH) attempts in a row, within `windowMinutes`, that lock verification. */
    maxFailures: number;
    windowMinutes: number;
    /** How long verification stays locked. */
    lockMinutes: number;
  };
  /** How long a successful verification makes `verifiedIdentityCurrent` true. */
  verifiedIdentityMinutes: number;
  /** How long before a BIOMETRIC employer verification the representative's MATCH may be. */
  representativeMatchMinutes: number;
  /** Longest validity of an employer identity verification, per method. */
  employerVerificationDays: { EFIRMA: number; BIOMETRIC: number };
  /** Lifetime of an identity assertion (capped by the verification's validity). */
  assertionHours: number;
  /** When these defaults were last checked against the sources (docs/domain.md §9). */
  checkedOn: string;
}

/** Policy defaults, not IMSS-published values (UNCONFIRMED): configure before production. */
export const DEFAULT_BIOMETRICS_SETTINGS: BiometricsSettings = {
  thresholds: { FINGERPRINT: DEFAULT_MATCH_THRESHOLDS.FINGERPRINT, FACE: DEFAULT_MATCH_THRESHOLDS.FACE },
  // NFIQ 2 (ISO/IEC 29794-4) defines a 0–100 scale but no pass mark: these are placeholders to calibrate.
  minimumQuality: { FINGERPRINT: 40, FACE: 50 },
  faceDimension: 512,
  maxTemplateBytes: 64 * 1024,
  lockout: { maxFailures: 5, windowMinutes: 15, lockMinutes: 30 },
  verifiedIdentityMinutes: 8 * 60,
  representativeMatchMinutes: 30,
  employerVerificationDays: { EFIRMA: 365, BIOMETRIC: 90 },
  assertionHours: 8,
  checkedOn: '2026-12-01',
};

const positive = z.coerce.number().positive();
const positiveInt = z.coerce.number().int().positive();
const quality = z.coerce.number().int().min(0).max(100);

const envSchema = z.object({
  BIOMETRIC_MATCH_THRESHOLD_FINGERPRINT: z.coerce.number().min(0).max(100).optional(),
  BIOMETRIC_MATCH_THRESHOLD_FACE: z.coerce.number().min(-1).max(1).optional(),
  BIOMETRIC_MIN_QUALITY_FINGERPRINT: quality.optional(),
  BIOMETRIC_MIN_QUALITY_FACE: quality.optional(),
  BIOMETRIC_FACE_DIMENSION: z.coerce.number().int().min(1).max(4096).optional(),
  BIOMETRIC_LOCKOUT_MAX_FAILURES: positiveInt.optional(),
  BIOMETRIC_LOCKOUT_WINDOW_MINUTES: positive.optional(),
  BIOMETRIC_LOCKOUT_MINUTES: positive.optional(),
  BIOMETRIC_VERIFIED_IDENTITY_MINUTES: positive.optional(),
  BIOMETRIC_REPRESENTATIVE_MATCH_MINUTES: positive.optional(),
  BIOMETRIC_EMPLOYER_EFIRMA_DAYS: positive.optional(),
  BIOMETRIC_EMPLOYER_BIOMETRIC_DAYS: positive.optional(),
  IDENTITY_ASSERTION_HOURS: positive.optional(),
});

/** The defaults with the environment's overrides; throws naming every invalid variable. */
export function biometricsSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): BiometricsSettings {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const parsed = envSchema.safeParse(blankless);
  if (!parsed.success) {
    throw new Error(`Biometrics configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  const d = DEFAULT_BIOMETRICS_SETTINGS;
  return {
    thresholds: { FINGERPRINT: e.BIOMETRIC_MATCH_THRESHOLD_FINGERPRINT ?? d.thresholds.FINGERPRINT, FACE: e.BIOMETRIC_MATCH_THRESHOLD_FACE ?? d.thresholds.FACE },
    minimumQuality: { FINGERPRINT: e.BIOMETRIC_MIN_QUALITY_FINGERPRINT ?? d.minimumQuality.FINGERPRINT, FACE: e.BIOMETRIC_MIN_QUALITY_FACE ?? d.minimumQuality.FACE },
    faceDimension: e.BIOMETRIC_FACE_DIMENSION ?? d.faceDimension,
    maxTemplateBytes: d.maxTemplateBytes,
    lockout: {
      maxFailures: e.BIOMETRIC_LOCKOUT_MAX_FAILURES ?? d.lockout.maxFailures,
      windowMinutes: e.BIOMETRIC_LOCKOUT_WINDOW_MINUTES ?? d.lockout.windowMinutes,
      lockMinutes: e.BIOMETRIC_LOCKOUT_MINUTES ?? d.lockout.lockMinutes,
    },
    verifiedIdentityMinutes: e.BIOMETRIC_VERIFIED_IDENTITY_MINUTES ?? d.verifiedIdentityMinutes,
    representativeMatchMinutes: e.BIOMETRIC_REPRESENTATIVE_MATCH_MINUTES ?? d.representativeMatchMinutes,
    employerVerificationDays: {
      EFIRMA: e.BIOMETRIC_EMPLOYER_EFIRMA_DAYS ?? d.employerVerificationDays.EFIRMA,
      BIOMETRIC: e.BIOMETRIC_EMPLOYER_BIOMETRIC_DAYS ?? d.employerVerificationDays.BIOMETRIC,
    },
    assertionHours: e.IDENTITY_ASSERTION_HOURS ?? d.assertionHours,
    checkedOn: d.checkedOn,
  };
}

/**
 * One entry point for 1:1 verification: compare a probe template with an enrolled (gallery)
 * template of the same modality and decide against that modality's threshold.
 * Scores are on each modality's own scale: fingerprints 0–100 (minutiae-matcher.ts), faces the
 * cosine similarity in [−1, 1] (face.ts); thresholds are therefore per modality.
 */
import { cosineSimilarity, decodeFaceTemplate } from './face.ts';
import { matcherMinutiae } from './iso-minutiae.ts';
import { parseFingerMinutiaeRecord } from './iso19794-2.ts';
import { compareMinutiae, matchResult } from './minutiae-matcher.ts';
import type { MatcherOptions } from './minutiae-matcher.ts';
import { detectTemplateFormat, TEMPLATE_FORMAT_OF } from './template-format.ts';
import type { BiometricModality } from './template-format.ts';

export interface MatchThresholds {
  readonly FINGERPRINT: number;
  readonly FACE: number;
}

/**
 * Thresholds calibrated on the seeded synthetic sets of test/unit/biometrics/match-rates.test.ts
 * (checked 2026-12-01), not on real captures: before production, recalibrate on real data from
 * the deployed sensors and face model, and pass the result in from configuration.
 */
export const DEFAULT_MATCH_THRESHOLDS: MatchThresholds & { readonly checkedOn: string; readonly basis: string } = {
  FINGERPRINT: 15,
  FACE: 0.4,
  checkedOn: '2026-12-01',
  basis: 'synthetic calibration only',
};

export interface CompareOptions {
  readonly matcher?: Partial<MatcherOptions>;
  /** Embedding dimension of the configured face model. */
  readonly faceDimension?: number;
}

export interface TemplateComparison {
  readonly score: number;
  readonly matched: boolean;
  readonly threshold: number;
}

export class TemplateComparisonError extends Error {
  constructor(
    readonly code: 'TEMPLATE_FORMAT_MISMATCH' | 'MATCH_THRESHOLD_INVALID' | 'BIOMETRIC_MODALITY_UNSUPPORTED',
    message: string,
    readonly details: { modality?: string; template?: 'probe' | 'gallery'; threshold?: number } = {},
  ) {
    super(message);
    this.name = 'TemplateComparisonError';
  }
}

/**
 * Compares two stored templates of `modality`. Malformed templates throw the format's own typed
 * error (IsoRecordError, FaceTemplateError). Fingerprint records with several views score the
 * best pair of views whose finger positions agree (position 0, unknown, agrees with any).
 */
export function compareTemplates(probe: Uint8Array, gallery: Uint8Array, modality: BiometricModality, thresholds: MatchThresholds, options: CompareOptions = {}): TemplateComparison {
  const format = TEMPLATE_FORMAT_OF[modality] as (typeof TEMPLATE_FORMAT_OF)[BiometricModality] | undefined;
  if (format === undefined) throw new TemplateComparisonError('BIOMETRIC_MODALITY_UNSUPPORTED', `Biometric modality ${String(modality)} is not FINGERPRINT or FACE`, { modality: String(modality) });
  const threshold = thresholds[modality];
  if (typeof threshold !== 'number' || !Number.isFinite(threshold)) {
    throw new TemplateComparisonError('MATCH_THRESHOLD_INVALID', `The ${modality} match threshold must be a finite number`, { modality });
  }
  for (const [template, bytes] of [['probe', probe], ['gallery', gallery]] as const) {
    const found = detectTemplateFormat(bytes);
    if (found !== null && found !== format) {
      throw new TemplateComparisonError('TEMPLATE_FORMAT_MISMATCH', `The ${template} template is ${found}, but ${modality} templates are ${format}`, { modality, template });
    }
  }
  const score = modality === 'FACE'
    ? cosineSimilarity(decodeFaceTemplate(probe, { dimension: options.faceDimension }), decodeFaceTemplate(gallery, { dimension: options.faceDimension }))
    : fingerprintScore(probe, gallery, options.matcher);
  return matchResult(score, threshold);
}

function fingerprintScore(probeBytes: Uint8Array, galleryBytes: Uint8Array, matcher: Partial<MatcherOptions> | undefined): number {
  const probe = parseFingerMinutiaeRecord(probeBytes);
  const gallery = parseFingerMinutiaeRecord(galleryBytes);
  let best = 0;
  for (const p of probe.views) {
    for (const g of gallery.views) {
      if (p.fingerPosition !== g.fingerPosition && p.fingerPosition !== 0 && g.fingerPosition !== 0) continue;
      best = Math.max(best, compareMinutiae(matcherMinutiae(probe, p), matcherMinutiae(gallery, g), matcher).score);
    }
  }
  return best;
}

/**
 * A person's biometric status from the facts the repository reads (metadata only). A verified
 * identity is current when a MATCH happened within the configured validity period, the consent is
 * still in force (revoking it ends every reliance on the biometrics) and verification is not
 * locked.
 */
import { FINGER_POSITIONS, MODALITIES } from '../../../db/schema/biometrics.ts';
import type { BiometricModality } from '../matching/template-format.ts';
import type { FingerPosition } from './finger-positions.ts';

export interface StatusFacts {
  activeTemplates: ReadonlyArray<{ modality: BiometricModality; fingerPosition: FingerPosition | null }>;
  consentInForce: boolean;
  lastAttempt: { at: Date; modality: BiometricModality; result: 'MATCH' | 'NO_MATCH' | 'LOCKED' | 'NOT_ENROLLED' } | null;
  lastMatchAt: Date | null;
  /** The latest lockout's end, if any. */
  lockedUntil: Date | null;
}

export interface BiometricStatus {
  enrolledModalities: BiometricModality[];
  enrolledFingers: FingerPosition[];
  consentInForce: boolean;
  lastVerifiedAt: Date | null;
  lastVerification: StatusFacts['lastAttempt'];
  verifiedIdentityCurrent: boolean;
  verifiedUntil: Date | null;
  lockedUntil: Date | null;
}

export function biometricStatus(facts: StatusFacts, options: { now: Date; verifiedIdentityMinutes: number }): BiometricStatus {
  const lockedUntil = facts.lockedUntil && facts.lockedUntil > options.now ? facts.lockedUntil : null;
  const validUntil = facts.lastMatchAt ? new Date(facts.lastMatchAt.getTime() + options.verifiedIdentityMinutes * 60_000) : null;
  const current = validUntil !== null && validUntil > options.now && facts.consentInForce && lockedUntil === null;
  const modalities = new Set(facts.activeTemplates.map((t) => t.modality));
  const fingers = new Set(facts.activeTemplates.map((t) => t.fingerPosition));
  return {
    // In catalogue order, so the answer does not depend on the order rows came back in.
    enrolledModalities: MODALITIES.filter((m) => modalities.has(m)),
    enrolledFingers: FINGER_POSITIONS.filter((f) => fingers.has(f)),
    consentInForce: facts.consentInForce,
    lastVerifiedAt: facts.lastMatchAt,
    lastVerification: facts.lastAttempt,
    verifiedIdentityCurrent: current,
    verifiedUntil: current ? validUntil : null,
    lockedUntil,
  };
}

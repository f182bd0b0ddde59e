import { describe, expect, it } from 'vitest';
import { biometricStatus, type StatusFacts } from '../../../subgraphs/biometrics/rules/status.ts';

const NOW = new Date('2026-12-01T12:00:00Z');
const OPTIONS = { now: NOW, verifiedIdentityMinutes: 480 };
const facts = (over: Partial<StatusFacts> = {}): StatusFacts => ({
  activeTemplates: [], consentInForce: true, lastAttempt: null, lastMatchAt: null, lockedUntil: null, ...over,
});
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

describe('biometricStatus', () => {
  it('lists enrolled modalities and fingers once each, in catalogue order', () => {
    const status = biometricStatus(facts({ activeTemplates: [
      { modality: 'FACE', fingerPosition: null }, { modality: 'FINGERPRINT', fingerPosition: 'LEFT_THUMB' }, { modality: 'FINGERPRINT', fingerPosition: 'RIGHT_INDEX' },
    ] }), OPTIONS);
    expect(status.enrolledModalities).toEqual(['FINGERPRINT', 'FACE']);
    expect(status.enrolledFingers).toEqual(['RIGHT_INDEX', 'LEFT_THUMB']);
  });

  it('a match within the validity period is a current verified identity, until match + period', () => {
    const status = biometricStatus(facts({ lastMatchAt: hoursAgo(7) }), OPTIONS);
    expect(status).toMatchObject({ verifiedIdentityCurrent: true, verifiedUntil: new Date(hoursAgo(7).getTime() + 8 * 3_600_000), lastVerifiedAt: hoursAgo(7) });
  });

  it('a match exactly one period ago is no longer current', () => {
    expect(biometricStatus(facts({ lastMatchAt: hoursAgo(8) }), OPTIONS)).toMatchObject({ verifiedIdentityCurrent: false, verifiedUntil: null });
  });

  it('a revoked consent or an active lockout ends a verified identity', () => {
    expect(biometricStatus(facts({ lastMatchAt: hoursAgo(1), consentInForce: false }), OPTIONS).verifiedIdentityCurrent).toBe(false);
    const locked = biometricStatus(facts({ lastMatchAt: hoursAgo(1), lockedUntil: new Date(NOW.getTime() + 60_000) }), OPTIONS);
    expect(locked).toMatchObject({ verifiedIdentityCurrent: false, lockedUntil: new Date(NOW.getTime() + 60_000) });
  });

  it('a lockout that has ended is not shown', () => {
    expect(biometricStatus(facts({ lockedUntil: NOW }), OPTIONS).lockedUntil).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { assertionExpiry, checkEvidence, checkRegistration, verificationValidUntil } from '../../../subgraphs/biometrics/rules/employer-identity.ts';
import { thrown } from './support.ts';

const NOW = new Date('2026-12-01T12:00:00.250Z');
const HOUR = 3_600_000;
const MAX = { EFIRMA: 365, BIOMETRIC: 90 };

describe('assertionExpiry', () => {
  it('is 8 hours after issue when the verification lasts longer, in whole seconds', () => {
    expect(assertionExpiry(NOW, 8, new Date(NOW.getTime() + 30 * 24 * HOUR))).toEqual(new Date('2026-12-01T20:00:00.000Z'));
  });

  it('is the end of the verification when that comes first', () => {
    expect(assertionExpiry(NOW, 8, new Date('2026-12-01T14:30:00Z'))).toEqual(new Date('2026-12-01T14:30:00Z'));
  });

  it('never exceeds the verification, even by the milliseconds the JWS cannot carry', () => {
    expect(assertionExpiry(NOW, 8, new Date('2026-12-01T14:30:00.900Z'))).toEqual(new Date('2026-12-01T14:30:00.000Z'));
  });
});

describe('verificationValidUntil', () => {
  it("defaults to the method's maximum", () => {
    expect(verificationValidUntil(NOW, 'BIOMETRIC', null, MAX)).toEqual(new Date(NOW.getTime() + 90 * 24 * HOUR));
  });

  it('takes an earlier instant (the certificate expires sooner) and refuses one past the maximum or already past', () => {
    const soon = new Date('2027-01-15T00:00:00Z');
    expect(verificationValidUntil(NOW, 'EFIRMA', soon, MAX)).toEqual(soon);
    expect(thrown(() => verificationValidUntil(NOW, 'EFIRMA', new Date('2028-01-01T00:00:00Z'), MAX)).details).toEqual({ limitDays: 365 });
    expect(thrown(() => verificationValidUntil(NOW, 'EFIRMA', NOW, MAX)).code).toBe('EMPLOYER_VERIFICATION_EXPIRED');
  });
});

describe('checkEvidence and checkRegistration', () => {
  it('an e.firma verification needs the 20-digit certificate serial and no representative', () => {
    expect(() => checkEvidence('EFIRMA', { certificateSerial: '00001000000512345678', representativeCurp: null })).not.toThrow();
    expect(thrown(() => checkEvidence('EFIRMA', { certificateSerial: '1234', representativeCurp: null })).code).toBe('EMPLOYER_CERTIFICATE_SERIAL_FORMAT');
    expect(thrown(() => checkEvidence('EFIRMA', { certificateSerial: '00001000000512345678', representativeCurp: 'X' })).code).toBe('EMPLOYER_VERIFICATION_EVIDENCE');
  });

  it('a biometric verification needs the representative and no certificate', () => {
    expect(() => checkEvidence('BIOMETRIC', { certificateSerial: null, representativeCurp: 'GOMA800101HDFRRN05' })).not.toThrow();
    expect(thrown(() => checkEvidence('BIOMETRIC', { certificateSerial: null, representativeCurp: null })).code).toBe('EMPLOYER_VERIFICATION_EVIDENCE');
  });

  it('normalises a registro patronal and refuses one of the wrong shape', () => {
    expect(checkRegistration(' y1234567101 ')).toBe('Y1234567101');
    expect(thrown(() => checkRegistration('Y12345671')).code).toBe('EMPLOYER_REGISTRATION_FORMAT');
  });
});

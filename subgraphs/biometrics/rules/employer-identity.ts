/**
 * Employer identity verifications recorded in person (docs/domain.md §9: employers identify with
 * the SAT e.firma; a biometric verification of the legal representative is the alternative here)
 * and the identity assertions issued from them.
 */
import { EMPLOYER_REGISTRATION_PATTERN } from '../../../schema/identity/viewer.ts';
import { BiometricRuleError } from './errors.ts';

export type IdentityMethod = 'EFIRMA' | 'BIOMETRIC';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** The serial number (número de serie) of a SAT certificate: 20 digits. */
const SAT_CERTIFICATE_SERIAL = /^\d{20}$/;

export function checkRegistration(registration: string): string {
  const value = registration.trim().toUpperCase();
  if (!EMPLOYER_REGISTRATION_PATTERN.test(value)) {
    throw new BiometricRuleError('EMPLOYER_REGISTRATION_FORMAT', 'A registro patronal is 11 characters: 3 letters or digits, then 8 digits', { registration: value });
  }
  return value;
}

/** The evidence each method needs, and nothing of the other's. */
export function checkEvidence(method: IdentityMethod, evidence: { certificateSerial: string | null; representativeCurp: string | null }): void {
  if (method === 'EFIRMA') {
    if (evidence.representativeCurp !== null) throw new BiometricRuleError('EMPLOYER_VERIFICATION_EVIDENCE', 'An EFIRMA verification names no representative CURP');
    if (evidence.certificateSerial === null || !SAT_CERTIFICATE_SERIAL.test(evidence.certificateSerial)) {
      throw new BiometricRuleError('EMPLOYER_CERTIFICATE_SERIAL_FORMAT', 'An EFIRMA verification needs the 20-digit serial number of the SAT certificate checked');
    }
    return;
  }
  if (evidence.certificateSerial !== null) throw new BiometricRuleError('EMPLOYER_VERIFICATION_EVIDENCE', 'A BIOMETRIC verification names no certificate serial');
  if (evidence.representativeCurp === null) throw new BiometricRuleError('EMPLOYER_VERIFICATION_EVIDENCE', "A BIOMETRIC verification needs the legal representative's CURP");
}

/** Until when a verification recorded at `now` holds: the requested instant, at most the method's maximum. */
export function verificationValidUntil(now: Date, method: IdentityMethod, requested: Date | null, maxDays: Record<IdentityMethod, number>): Date {
  const longest = new Date(now.getTime() + maxDays[method] * DAY);
  if (requested === null) return longest;
  if (requested <= now) throw new BiometricRuleError('EMPLOYER_VERIFICATION_EXPIRED', 'validUntil must be in the future', { validUntil: requested.toISOString() });
  if (requested > longest) {
    throw new BiometricRuleError('EMPLOYER_VERIFICATION_TOO_LONG', `A ${method} verification holds at most ${maxDays[method]} days (until ${longest.toISOString()})`, { limitDays: maxDays[method] });
  }
  return requested;
}

/**
 * An assertion never outlives the verification behind it. Whole seconds, rounded down: the JWS
 * `exp` claim counts seconds, and the instant reported must be the one the document states.
 */
export function assertionExpiry(now: Date, lifetimeHours: number, verificationValidUntil: Date): Date {
  const earliest = Math.min(now.getTime() + lifetimeHours * HOUR, verificationValidUntil.getTime());
  return new Date(Math.floor(earliest / 1000) * 1000);
}

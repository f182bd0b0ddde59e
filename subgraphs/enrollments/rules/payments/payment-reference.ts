/**
 * Payment references (our stand-in for a SIPARE línea de captura, whose real length, format and
 * validity are UNCONFIRMED, docs/domain.md §7). The reference is opaque: 128 random bits, so it
 * cannot be guessed or enumerated, and it carries nothing else. The amount, concept, period, due
 * date and expiry live in the database row the reference points to.
 *
 * Written form: 26 Crockford base32 symbols for the 128 bits (the first symbol carries 3 bits,
 * 0–7), then 2 decimal check digits, in 7 groups of 4: `0000-0000-0000-0000-0000-0000-0098`.
 * Check: ISO 7064 MOD 97-10 over the payload with each symbol written as its two-digit value
 * (00–31). That catches every mistyped single character and every swap of neighbours before any
 * lookup, because modulo the prime 97:
 * - a changed payload symbol shifts the number by Δ·10^k with 0 < |Δ| ≤ 31;
 * - swapping neighbouring symbols a, b shifts it by (a − b)·99·10^k, and 99 ≡ 2;
 * - swapping the last symbol x with the first check digit c (both digits) shifts it by (x − c)·90;
 * - a changed or swapped check digit shifts it by at most 90, never 0;
 * and none of those is ≡ 0. A letter moved into the check digits is a format error.
 */
import { randomBytes as nodeRandomBytes } from 'node:crypto';
import type { Validated, ValidationIssue } from '../../../../schema/scalars/identifiers/issues.ts';
import { crockfordValue, decodeCrockford, encodeCrockford, normalizeCrockford } from '../../../shared/crockford-base32.ts';
import { isMod97Valid, mod97CheckPair } from './iso7064-mod97.ts';

export const PAYMENT_REFERENCE_BYTES = 16;
const PAYLOAD_LENGTH = Math.ceil((PAYMENT_REFERENCE_BYTES * 8) / 5);
const REFERENCE_LENGTH = PAYLOAD_LENGTH + 2;
const GROUP_LENGTH = 4;

/** A source of cryptographically strong random bytes (node:crypto's randomBytes by default). */
export type RandomBytes = (size: number) => Uint8Array;

export interface PaymentReferenceParts {
  /** Canonical written form, grouped with hyphens. */
  value: string;
  /** The 28 characters without hyphens: the form to store and look up. */
  compact: string;
  bytes: Uint8Array;
}

/** The written reference for 16 random bytes. */
export function formatPaymentReference(bytes: Uint8Array): string {
  if (bytes.length !== PAYMENT_REFERENCE_BYTES) throw new RangeError(`a payment reference encodes ${PAYMENT_REFERENCE_BYTES} bytes, got ${bytes.length}`);
  const payload = encodeCrockford(bytes);
  return groupPaymentReference(`${payload}${mod97CheckPair(payloadDigits(payload))}`);
}

/** A new reference from 128 bits of `randomBytes` (inject a fixed source in tests only). */
export function newPaymentReference(randomBytes: RandomBytes = nodeRandomBytes): string {
  return formatPaymentReference(randomBytes(PAYMENT_REFERENCE_BYTES));
}

/** Normalises (case, hyphens, spaces, I/L → 1, O → 0) and checks a reference before any lookup. */
export function parsePaymentReference(input: string): Validated<PaymentReferenceParts> {
  const compact = normalizeCrockford(input);
  if (compact.length !== REFERENCE_LENGTH) {
    return { ok: false, issues: [{ code: 'PAYMENT_REFERENCE_FORMAT', message: `A payment reference has ${REFERENCE_LENGTH} characters (7 groups of 4), this one has ${compact.length}` }] };
  }
  const issues: ValidationIssue[] = [];
  [...compact].forEach((c, i) => {
    const payload = i < PAYLOAD_LENGTH;
    if (payload ? crockfordValue(c) === undefined : !/^\d$/.test(c)) {
      issues.push({ code: 'PAYMENT_REFERENCE_FORMAT', position: i + 1, message: `Position ${i + 1} must be ${payload ? 'a digit or a letter other than U' : 'a digit (check digits)'}, found '${c}'` });
    }
  });
  if (issues.length > 0) return { ok: false, issues };

  const payload = compact.slice(0, PAYLOAD_LENGTH);
  if (!isMod97Valid(`${payloadDigits(payload)}${compact.slice(PAYLOAD_LENGTH)}`)) {
    return { ok: false, issues: [{ code: 'PAYMENT_REFERENCE_CHECK', message: 'The check digits of this payment reference do not match: it was probably mistyped' }] };
  }
  const bytes = decodeCrockford(payload, PAYMENT_REFERENCE_BYTES);
  if (!bytes) {
    return { ok: false, issues: [{ code: 'PAYMENT_REFERENCE_FORMAT', position: 1, message: `Position 1 must be 0-7, found '${payload[0]}'` }] };
  }
  return { ok: true, value: groupPaymentReference(compact), compact, bytes };
}

/** Each symbol as its two-digit value, the digit string MOD 97-10 runs over. */
function payloadDigits(payload: string): string {
  return [...payload].map((c) => String(crockfordValue(c)).padStart(2, '0')).join('');
}

/** The compact (stored) form in the written one: groups of four joined by hyphens. */
export function groupPaymentReference(compact: string): string {
  return compact.match(new RegExp(`.{1,${GROUP_LENGTH}}`, 'g'))!.join('-');
}

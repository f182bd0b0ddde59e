/**
 * RFC (docs/domain.md §3). A wrong check digit is a warning, never a rejection: some RFCs the SAT really
 * issued fail the rule. The generic RFCs are accepted as they are.
 */
import type { Validated, ValidationIssue } from './issues.ts';

const DICTIONARY = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ';
export const GENERIC_RFCS = new Set(['XAXX010101000', 'XEXX010101000']);

export function rfcCheckDigit(first: string): string {
  const base = first.length === 11 ? ` ${first}` : first; // morales: pad to 12 with a leading space
  if (base.length !== 12) throw new RangeError('rfcCheckDigit needs 11 (moral) or 12 (física) characters');
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const value = DICTIONARY.indexOf(base[i]!);
    if (value < 0) throw new RangeError(`character '${base[i]}' is not in the RFC alphabet`);
    sum += value * (13 - i);
  }
  const r = sum % 11;
  if (r === 0) return '0';
  const digit = 11 - r;
  return digit === 10 ? 'A' : String(digit);
}

export interface RfcParts {
  value: string;
  kind: 'FISICA' | 'MORAL' | 'GENERIC';
  warnings: ValidationIssue[];
}

export function validateRfc(input: string): Validated<RfcParts> {
  const value = input.trim().toUpperCase();
  if (GENERIC_RFCS.has(value)) return { ok: true, value, kind: 'GENERIC', warnings: [] };
  const shape = value.length === 13 ? /^[A-ZÑ&]{4}\d{6}[A-Z\d]{2}[\dA]$/ : value.length === 12 ? /^[A-ZÑ&]{3}\d{6}[A-Z\d]{2}[\dA]$/ : null;
  if (!shape) return { ok: false, issues: [{ code: 'RFC_LENGTH', message: `An RFC has 13 (persona física) or 12 (persona moral) characters, this one has ${value.length}` }] };
  if (!shape.test(value)) return { ok: false, issues: [{ code: 'RFC_FORMAT', message: 'RFC letters, date YYMMDD or homoclave are malformed' }] };
  const d = value.slice(value.length - 9, value.length - 3);
  const month = Number(d.slice(2, 4));
  const day = Number(d.slice(4, 6));
  const date = new Date(Date.UTC(2000 + Number(d.slice(0, 2)), month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, issues: [{ code: 'RFC_DATE', position: value.length - 8, message: `'${d}' is not a valid date YYMMDD` }] };
  }
  const expected = rfcCheckDigit(value.slice(0, -1));
  const warnings = expected === value.at(-1) ? [] : [{ code: 'RFC_CHECK_DIGIT', position: value.length, message: `Check digit would be ${expected}; kept as given` }];
  return { ok: true, value, kind: value.length === 13 ? 'FISICA' : 'MORAL', warnings };
}

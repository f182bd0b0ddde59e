/**
 * CURP structure and check digit (docs/domain.md §1). Shared by every subgraph, since every subgraph
 * keys persons by CURP.
 */
import type { Validated, ValidationIssue } from './issues.ts';

/** Entity codes of positions 12–13; DF is still used for Ciudad de México, NE = born abroad. */
export const CURP_STATES: Readonly<Record<string, string>> = Object.freeze({
  AS: 'Aguascalientes', BC: 'Baja California', BS: 'Baja California Sur', CC: 'Campeche', CL: 'Coahuila',
  CM: 'Colima', CS: 'Chiapas', CH: 'Chihuahua', DF: 'Ciudad de México', DG: 'Durango', GT: 'Guanajuato',
  GR: 'Guerrero', HG: 'Hidalgo', JC: 'Jalisco', MC: 'Estado de México', MN: 'Michoacán', MS: 'Morelos',
  NT: 'Nayarit', NL: 'Nuevo León', OC: 'Oaxaca', PL: 'Puebla', QT: 'Querétaro', QR: 'Quintana Roo',
  SP: 'San Luis Potosí', SL: 'Sinaloa', SR: 'Sonora', TC: 'Tabasco', TS: 'Tamaulipas', TL: 'Tlaxcala',
  VZ: 'Veracruz', YN: 'Yucatán', ZS: 'Zacatecas', NE: 'Nacido en el extranjero',
});

const DICTIONARY = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';

/** Check digit: index in the 37-symbol dictionary × weights 18..2, then (10 − sum mod 10) mod 10. */
export function curpCheckDigit(first17: string): number {
  if (first17.length !== 17) throw new RangeError('curpCheckDigit needs the first 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = DICTIONARY.indexOf(first17[i]!);
    if (value < 0) throw new RangeError(`character '${first17[i]}' at position ${i + 1} is not in the CURP alphabet`);
    sum += value * (18 - i);
  }
  return (10 - (sum % 10)) % 10;
}

export const CURP_SHAPE = /^[A-Z][AEIOUX][A-Z]{2}\d{6}[HMX][A-Z]{2}[A-Z]{3}[A-Z\d]\d$/;

export function isCurpShape(value: string): boolean {
  return CURP_SHAPE.test(value);
}

/**
 * The birth date positions 5-10 give, read with the century rule of position 17 (a digit: before
 * 2000; a letter: 2000 on), as 'YYYY-MM-DD'. Not a check: for a CURP already valid (validateCurp).
 */
export function curpBirthDate(curp: string): string {
  return `${DIGIT.test(curp[16]!) ? '19' : '20'}${curp.slice(4, 6)}-${curp.slice(6, 8)}-${curp.slice(8, 10)}`;
}

export interface CurpParts {
  value: string;
  birthDate: string;
  sex: 'H' | 'M' | 'X';
  state: string;
  bornAbroad: boolean;
}

const LETTER = /^[A-Z]$/;
const DIGIT = /^\d$/;
/** Position 2 is the first internal vowel of the first surname, or X when there is none. */
const VOWEL_OR_X = /^[AEIOUX]$/;
/** Positions 14–16 are internal consonants, or X when there is none (Ñ is written X). */
const CONSONANT_OR_X = /^[B-DF-HJ-NP-TV-Z]$/;

/**
 * Structure, birth date, century and check digit of a CURP. `asOf` (default: today, UTC) is
 * only used to refuse a birth date that has not happened yet, which is how a differentiator that
 * contradicts its own date shows (a letter at position 17 with YY = 99 means 2099).
 */
export function validateCurp(input: string, { asOf = new Date().toISOString().slice(0, 10) }: { asOf?: string } = {}): Validated<CurpParts> {
  const value = input.trim().toUpperCase();
  if (value.length !== 18) {
    return { ok: false, issues: [{ code: 'CURP_LENGTH', message: `A CURP has 18 characters, this one has ${value.length}` }] };
  }
  const issues: ValidationIssue[] = [];
  const expect = (from: number, to: number, pattern: RegExp, what: string) => {
    for (let p = from; p <= to; p++) {
      if (!pattern.test(value[p - 1]!)) issues.push({ code: 'CURP_FORMAT', position: p, message: `Position ${p} must be ${what}, found '${value[p - 1]}'` });
    }
  };
  expect(1, 1, LETTER, 'a letter');
  expect(2, 2, VOWEL_OR_X, 'a vowel or X (first internal vowel of the first surname)');
  expect(3, 4, LETTER, 'a letter');
  expect(5, 10, DIGIT, 'a digit (birth date YYMMDD)');
  expect(14, 16, CONSONANT_OR_X, 'a consonant or X (internal consonant)');
  expect(17, 17, /^[A-Z\d]$/, 'a digit or letter (homonymy differentiator)');
  expect(18, 18, DIGIT, 'a digit (check digit)');
  const sex = value[10]!;
  if (!'HMX'.includes(sex)) issues.push({ code: 'CURP_SEX', position: 11, message: `Position 11 is the sex: H, M or X, found '${sex}'` });
  const state = value.slice(11, 13);
  if (!(state in CURP_STATES)) issues.push({ code: 'CURP_STATE', position: 12, message: `Positions 12-13 '${state}' are not a birth entity code` });
  if (issues.length > 0) return { ok: false, issues };

  // Position 17 encodes the century: a digit for births before 2000, a letter from 2000 on.
  const century = DIGIT.test(value[16]!) ? 1900 : 2000;
  const year = century + Number(value.slice(4, 6));
  const month = Number(value.slice(6, 8));
  const day = Number(value.slice(8, 10));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, issues: [{ code: 'CURP_DATE', position: 5, message: `Positions 5-10 '${value.slice(4, 10)}' are not a valid date (${year})` }] };
  }
  const birthDate = date.toISOString().slice(0, 10);
  if (birthDate > asOf) {
    return {
      ok: false,
      issues: [{
        code: 'CURP_DIFFERENTIATOR',
        position: 17,
        message: `Position 17 '${value[16]}' is a letter, which means born in 2000 or later, so positions 5-10 give ${birthDate}, a date still to come: for a birth before 2000 it must be a digit`,
      }],
    };
  }
  const expected = curpCheckDigit(value.slice(0, 17));
  if (Number(value[17]) !== expected) {
    return { ok: false, issues: [{ code: 'CURP_CHECK_DIGIT', position: 18, message: `Check digit should be ${expected}, found ${value[17]}` }] };
  }
  return { ok: true, value, birthDate, sex: sex as 'H' | 'M' | 'X', state, bornAbroad: state === 'NE' };
}

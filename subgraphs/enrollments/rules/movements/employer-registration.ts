/**
 * Registro patronal (docs/domain.md §4), 11 characters, written `Y12-34567-10-1` or `Y1234567101`:
 * - positions 1–3: municipality/subdelegation key. Sources describe it as "usually a letter and two
 *   digits" (Y12), so position 1 must be a letter, as in every published example, and positions
 *   2–3 accept a letter or a digit, because "usually" does not rule letters out;
 * - positions 4–8: consecutive number (5 digits);
 * - positions 9–10: modalidad (2 digits); modalities are data (EMPLOYER_MODALITIES);
 * - position 11: check digit. Its algorithm is UNCONFIRMED (not published in any source found),
 *   so only its format (a digit) is checked and every result says checkDigitVerified: false.
 * Sources: https://www.tarjetondigital.com/tarjeta-de-identificacion-patronal/ ;
 * https://sipse.com/novedades-yucatan/diferencias-entre-modalidad-10-y-40-473186.html (modalities).
 */
import type { Validated, ValidationIssue } from '../../../../schema/scalars/identifiers/issues.ts';

export type ModalityKind = 'OBLIGATORY' | 'VOLUNTARY' | 'UNKNOWN';

export interface EmployerModality {
  kind: Exclude<ModalityKind, 'UNKNOWN'>;
  description?: string;
}

/** Modalities named in public sources (PARTIAL: other modalities may exist; they parse as UNKNOWN). */
export const EMPLOYER_MODALITIES: Readonly<Record<string, EmployerModality>> = Object.freeze({
  '10': { kind: 'OBLIGATORY', description: 'Urban permanent and eventual workers' },
  '13': { kind: 'OBLIGATORY' },
  '14': { kind: 'OBLIGATORY' },
  '17': { kind: 'OBLIGATORY' },
  '30': { kind: 'OBLIGATORY' },
  '32': { kind: 'VOLUNTARY' },
  '33': { kind: 'VOLUNTARY', description: 'Seguro de Salud para la Familia' },
  '36': { kind: 'VOLUNTARY' },
  '38': { kind: 'VOLUNTARY' },
  '40': { kind: 'VOLUNTARY', description: 'Continuación voluntaria en el régimen obligatorio' },
  '42': { kind: 'VOLUNTARY' },
  '43': { kind: 'VOLUNTARY' },
});

export interface EmployerRegistrationParts {
  /** Normalised, 11 characters without separators. */
  value: string;
  /** Written form with hyphens, `Y12-34567-10-1`. */
  formatted: string;
  key: string;
  consecutive: string;
  modality: string;
  modalityKind: ModalityKind;
  checkDigit: string;
  /** Always false: the check-digit algorithm is unconfirmed, only its format is checked. */
  checkDigitVerified: false;
}

export interface EmployerRegistrationOptions {
  /** Refuse modalities missing from `modalities` (EMPLOYER_REGISTRATION_MODALITY). Default false. */
  requireKnownModality?: boolean;
  modalities?: Readonly<Record<string, EmployerModality>>;
}

const LENGTH = 11;

/** Strips hyphens and white space and upper-cases: the form stored and compared. */
export function normalizeEmployerRegistration(input: string): string {
  return input.replace(/[\s-]+/g, '').toUpperCase();
}

/** The written form `Y12-34567-10-1` of an 11-character registration. */
export function formatEmployerRegistration(value: string): string {
  return `${value.slice(0, 3)}-${value.slice(3, 8)}-${value.slice(8, 10)}-${value.slice(10)}`;
}

/** Validates the format of a registro patronal (the check digit is not verified: see above). */
export function validateEmployerRegistration(input: string, options: EmployerRegistrationOptions = {}): Validated<EmployerRegistrationParts> {
  const value = normalizeEmployerRegistration(input);
  if (value.length !== LENGTH) {
    return { ok: false, issues: [{ code: 'EMPLOYER_REGISTRATION_LENGTH', message: `A registro patronal has ${LENGTH} characters without hyphens, this one has ${value.length}` }] };
  }
  const issues: ValidationIssue[] = [];
  const expect = (from: number, to: number, pattern: RegExp, what: string) => {
    for (let p = from; p <= to; p++) {
      const c = value[p - 1]!;
      if (!pattern.test(c)) issues.push({ code: 'EMPLOYER_REGISTRATION_FORMAT', position: p, message: `Position ${p} must be ${what}, found '${c}'` });
    }
  };
  expect(1, 1, /^[A-Z]$/, 'a letter (start of the municipality key)');
  expect(2, 3, /^[A-Z0-9]$/, 'a letter or digit (municipality key)');
  expect(4, 8, /^\d$/, 'a digit (consecutive number)');
  expect(9, 10, /^\d$/, 'a digit (modalidad)');
  expect(11, 11, /^\d$/, 'a digit (check digit)');
  if (issues.length > 0) return { ok: false, issues };

  const modalities = options.modalities ?? EMPLOYER_MODALITIES;
  const modality = value.slice(8, 10);
  const known = modalities[modality];
  if (!known && options.requireKnownModality) {
    const list = Object.keys(modalities).sort().join(', ');
    return { ok: false, issues: [{ code: 'EMPLOYER_REGISTRATION_MODALITY', position: 9, message: `Modalidad '${modality}' (positions 9-10) is not one of the known modalities: ${list}` }] };
  }
  return {
    ok: true,
    value,
    formatted: formatEmployerRegistration(value),
    key: value.slice(0, 3),
    consecutive: value.slice(3, 8),
    modality,
    modalityKind: known?.kind ?? 'UNKNOWN',
    checkDigit: value.slice(10),
    checkDigitVerified: false,
  };
}

/**
 * Compares a CURP with the personal data it should encode and explains each mismatch in terms an
 * advisory-window clerk can act on (a misspelt maternal surname, a wrong birth date…), the
 * commonest cause of rejected procedures.
 */
import { validateCurp, type ValidationIssue } from '../../../schema/scalars/identifiers/index.ts';
import { expectedCurpPrefix, type CurpPersonData, type CurpPrefixOptions } from './curp-prefix.ts';
import { avoidInconvenientWord } from './inconvenient-words.ts';

export type CurpField = 'firstSurname' | 'secondSurname' | 'givenNames' | 'birthDate' | 'sex' | 'birthState';

export interface CurpMismatch {
  field: CurpField;
  positions: number[];
  expected: string;
  actual: string;
  message: string;
}

export interface CurpConsistencyResult {
  consistent: boolean;
  expectedPrefix: string;
  structuralIssues: ValidationIssue[];
  mismatches: CurpMismatch[];
}

/** Which CURP positions (1-based) each piece of personal data produces. */
const FIELD_POSITIONS: Record<CurpField, number[]> = {
  firstSurname: [1, 2, 14],
  secondSurname: [3, 15],
  givenNames: [4, 16],
  // Position 17 (the differentiator) is a digit for births before 2000 and a letter from 2000 on.
  birthDate: [5, 6, 7, 8, 9, 10, 17],
  sex: [11],
  birthState: [12, 13],
};

const FIELD_LABEL: Record<CurpField, string> = {
  firstSurname: 'the first surname',
  secondSurname: 'the second surname',
  givenNames: 'the given name',
  birthDate: 'the birth date (YYMMDD)',
  sex: 'the sex',
  birthState: 'the birth state',
};

export function checkCurpConsistency(curp: string, person: CurpPersonData, options: CurpPrefixOptions & { asOf?: string } = {}): CurpConsistencyResult {
  const actual = curp.trim().toUpperCase();
  const validation = validateCurp(actual, options.asOf ? { asOf: options.asOf } : {});
  const structuralIssues = validation.ok ? [] : validation.issues;
  const expectedPrefix = expectedCurpPrefix(person, options);
  const letters = expectedCurpPrefix(person, { ...options, keepInconvenientWords: true });
  const centuryMark = Number(person.birthDate.slice(0, 4)) < 2000 ? '0-9' : 'A-Z';
  /** What position p should hold, given the person's data and the CURP's own other letters. */
  const expectedAt = (p: number): string => {
    if (p === 17) return centuryMark;
    // Position 2 is X when the CURP's own positions 1–4 spell an inconvenient word: judge it on the
    // CURP's letters, so a different second surname or given name is not blamed on the first surname.
    if (p === 2) return avoidInconvenientWord(`${actual[0] ?? ''}${letters[1]}${actual.slice(2, 4)}`)[1] ?? letters[1]!;
    return expectedPrefix[p - 1]!;
  };
  const holds = (p: number): boolean => {
    const char = actual[p - 1];
    if (p === 17) return char !== undefined && (centuryMark === '0-9' ? /\d/.test(char) : /[A-Z]/.test(char));
    return char === expectedAt(p);
  };
  const mismatches: CurpMismatch[] = [];
  for (const [field, positions] of Object.entries(FIELD_POSITIONS) as Array<[CurpField, number[]]>) {
    const wrong = positions.filter((p) => !holds(p));
    if (wrong.length === 0) continue;
    const expected = wrong.map(expectedAt).join('');
    const found = wrong.map((p) => actual[p - 1] ?? '∅').join('');
    const differentiatorOnly = wrong.length === 1 && wrong[0] === 17;
    mismatches.push({
      field,
      positions: wrong,
      expected,
      actual: found,
      message: differentiatorOnly
        ? `Position 17 (the homonymy differentiator) must be ${centuryMark === '0-9' ? 'a digit for a birth before 2000' : 'a letter for a birth in 2000 or later'} (birth date '${person.birthDate}'), the CURP has '${found}'`
        : `Position${wrong.length > 1 ? 's' : ''} ${wrong.join(', ')} come${wrong.length > 1 ? '' : 's'} from ${FIELD_LABEL[field]} ('${sourceOf(field, person)}'): expected '${expected}', the CURP has '${found}'`,
    });
  }
  return { consistent: mismatches.length === 0 && structuralIssues.length === 0, expectedPrefix, structuralIssues, mismatches };
}

function sourceOf(field: CurpField, person: CurpPersonData): string {
  const value = person[field];
  return value === null || value === undefined || value === '' ? '(none)' : String(value);
}

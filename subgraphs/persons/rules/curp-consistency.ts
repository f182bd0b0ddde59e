/**
 * Compares a CURP with the personal data it should encode and explains each mismatch in terms an
 * advisory-window clerk can act on (a misspelt maternal surname, a wrong birth date…), the
 * commonest cause of rejected procedures.
 */
import { validateCurp, type ValidationIssue } from '../../../schema/scalars/identifiers/index.ts';
import { expectedCurpPrefix, type CurpPersonData, type CurpPrefixOptions } from './curp-prefix.ts';

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
  birthDate: [5, 6, 7, 8, 9, 10],
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

export function checkCurpConsistency(curp: string, person: CurpPersonData, options: CurpPrefixOptions = {}): CurpConsistencyResult {
  const actual = curp.trim().toUpperCase();
  const validation = validateCurp(actual);
  const structuralIssues = validation.ok ? [] : validation.issues;
  const expectedPrefix = expectedCurpPrefix(person, options);
  const mismatches: CurpMismatch[] = [];
  for (const [field, positions] of Object.entries(FIELD_POSITIONS) as Array<[CurpField, number[]]>) {
    const wrong = positions.filter((p) => actual[p - 1] !== expectedPrefix[p - 1]);
    if (wrong.length === 0) continue;
    const expected = wrong.map((p) => expectedPrefix[p - 1]).join('');
    const found = wrong.map((p) => actual[p - 1] ?? '∅').join('');
    mismatches.push({
      field,
      positions: wrong,
      expected,
      actual: found,
      message: `Position${wrong.length > 1 ? 's' : ''} ${wrong.join(', ')} come${wrong.length > 1 ? '' : 's'} from ${FIELD_LABEL[field]} ('${sourceOf(field, person)}'): expected '${expected}', the CURP has '${found}'`,
    });
  }
  return { consistent: mismatches.length === 0 && structuralIssues.length === 0, expectedPrefix, structuralIssues, mismatches };
}

function sourceOf(field: CurpField, person: CurpPersonData): string {
  const value = person[field];
  return value === null || value === undefined || value === '' ? '(none)' : String(value);
}

/** The first 16 characters of a CURP, computed from personal data (docs/domain.md §1). */
import {
  firstInternalConsonant, firstInternalVowel, keyGivenName, keyLetter, keySurname,
} from './name-normalisation.ts';
import { avoidInconvenientWord } from './inconvenient-words.ts';

export interface CurpPersonData {
  givenNames: string;
  firstSurname: string;
  secondSurname?: string | null;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'H' | 'M' | 'X';
  /** Two-letter entity code, NE for born abroad. */
  birthState: string;
}

export interface CurpPrefixOptions {
  /** Old CH/LL-as-one-letter rule: UNCONFIRMED (2026-11-23), off by default. */
  chLlAsSingleLetter?: boolean;
  /** Leave an inconvenient word in positions 1–4 as the letters give it (for diagnosing mismatches). */
  keepInconvenientWords?: boolean;
}

export function expectedCurpPrefix(person: CurpPersonData, options: CurpPrefixOptions = {}): string {
  const surname1 = keySurname(person.firstSurname);
  const surname2 = keySurname(person.secondSurname);
  const given = keyGivenName(person.givenNames);
  const letters = keyLetter(surname1?.[0]) + firstInternalVowel(surname1) + keyLetter(surname2?.[0]) + keyLetter(given?.[0]);
  const first4 = options.keepInconvenientWords ? letters : avoidInconvenientWord(letters);
  const date = person.birthDate.slice(2, 4) + person.birthDate.slice(5, 7) + person.birthDate.slice(8, 10);
  const consonants =
    firstInternalConsonant(surname1, options.chLlAsSingleLetter) +
    firstInternalConsonant(surname2, options.chLlAsSingleLetter) +
    firstInternalConsonant(given, options.chLlAsSingleLetter);
  return `${first4}${date}${person.sex}${person.birthState.toUpperCase()}${consonants}`;
}

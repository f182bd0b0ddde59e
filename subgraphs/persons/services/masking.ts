import type { PersonRow } from '../mappers.ts';

/** "GARCÍA LÓPEZ, MARÍA" → "G*** L*** M***": enough to recognise, not enough to identify. */
export function maskName(person: Pick<PersonRow, 'givenNames' | 'firstSurname' | 'secondSurname'>): string {
  return [person.firstSurname, person.secondSurname, person.givenNames]
    .filter((part): part is string => Boolean(part))
    .flatMap((part) => part.split(/\s+/))
    .map((word) => `${word.charAt(0)}***`)
    .join(' ');
}

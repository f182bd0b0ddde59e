/** "GARCÍA LÓPEZ, MARÍA" → "G*** L*** M***": enough to recognise a person, not enough to identify them. */
export function maskedName(person: { givenNames: string; firstSurname: string; secondSurname: string | null }): string {
  return [person.firstSurname, person.secondSurname, person.givenNames]
    .filter((part): part is string => Boolean(part))
    .flatMap((part) => part.split(/\s+/))
    .map((word) => `${word.charAt(0)}***`)
    .join(' ');
}

/** Synthetic people inserted straight into a test database, for cases the demo data does not have. */
import { syntheticCurp, type PersonSeed } from '../../db/seed.ts';
import type { Database } from '../../db/client.ts';
import { addDays } from '../../subgraphs/shared/dates.ts';

let counter = 0;

/** A new synthetic person (valid CURP, no NSS); distinct per call. */
export async function insertPerson(database: Database, overrides: Partial<PersonSeed> & { pensionStartedOn?: string; pensionerAbroad?: boolean } = {}): Promise<string> {
  counter += 1;
  const seed: PersonSeed = {
    givenNames: ['LORENA', 'MARTIN', 'BEATRIZ', 'ULISES', 'NORMA', 'FIDEL'][counter % 6]!,
    firstSurname: ['QUINTERO', 'VALDEZ', 'ZAMORA', 'BECERRA'][counter % 4]!,
    secondSurname: ['ROBLES', 'SALAS', 'NAVA'][counter % 3]!,
    birthDate: `19${60 + (counter % 30)}-0${1 + (counter % 9)}-1${counter % 10}`,
    sex: counter % 2 ? 'H' : 'M',
    birthState: 'JC',
    ...overrides,
  };
  const curp = syntheticCurp(seed, String(counter % 10));
  await database.sql`insert into persons.persons (curp, given_names, first_surname, second_surname, birth_date, sex, birth_state, pension_started_on, pensioner_abroad)
    values (${curp}, ${seed.givenNames}, ${seed.firstSurname}, ${seed.secondSurname}, ${seed.birthDate}, ${seed.sex}, ${seed.birthState}, ${overrides.pensionStartedOn ?? null}, ${overrides.pensionerAbroad ?? false})`;
  return curp;
}

/** Days from today, as an ISO date: coverage tests speak relative to the system's clock. */
export const daysFromToday = (days: number): string => addDays(new Date().toISOString().slice(0, 10), days);

export async function insertEnrollment(database: Database, curp: string, kind: string, start: string, end: string | null): Promise<void> {
  const modality = { EMPLOYMENT: '10', INDEPENDENT_WORKER: '10', FAMILY_HEALTH: '33', VOLUNTARY_CONTINUATION: '40' }[kind] ?? '10';
  const registration = kind === 'EMPLOYMENT' ? 'Y1234567101' : null;
  await database.sql`insert into enrollments.enrollments (curp, kind, modality, employer_registration, start_date, end_date) values (${curp}, ${kind}, ${modality}, ${registration}, ${start}, ${end})`;
}

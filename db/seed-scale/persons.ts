/**
 * The persons subgraph's rows: the person (CURP, NSS with its Luhn digit for most, an RFC for
 * some, contact data for some) and their address, in a clinic's catchment area.
 *
 * NSS numbers are unique by construction: subdelegation, registration year and birth year are
 * the person's, and the sequence is a counter per (subdelegation, registration year, birth
 * year) starting at 1000 — above every demo number, in past registration years only, so the
 * subgraph's own assignments (nss_sequences, the current year) never meet them.
 */
import { OFFICES } from '../../subgraphs/appointments/reference/index.ts';
import { composeNss } from '../../schema/scalars/identifiers/nss.ts';
import type { CopyTable, ScaleContext, ScalePart, ScalePerson } from './part.ts';
import { syntheticRfc } from './identities.ts';

const PERSONS: CopyTable = {
  name: 'persons.persons',
  columns: ['curp', 'nss', 'rfc', 'given_names', 'first_surname', 'second_surname', 'birth_date', 'sex', 'birth_state', 'email', 'phone',
    'clinic_id', 'pensioner_abroad', 'pension_started_on', 'nss_assigned_at'],
};
const ADDRESSES: CopyTable = {
  name: 'persons.addresses',
  columns: ['curp', 'street', 'exterior_number', 'interior_number', 'neighbourhood', 'municipality', 'state', 'postal_code'],
};
const STREETS = ['Av. Insurgentes', 'Calle Hidalgo', 'Calle Morelos', 'Av. Juárez', 'Calle Allende', 'Av. Reforma', 'Calle Zaragoza', 'Calle Guerrero',
  'Av. Revolución', 'Calle Independencia', 'Calle 5 de Mayo', 'Av. Universidad'];
const NEIGHBOURHOODS = ['Centro', 'Del Valle', 'Las Flores', 'San Miguel', 'Jardines', 'El Carmen', 'La Loma', 'Santa Cruz', 'Lomas Verdes', 'Obrera'];

/** Picks whether someone lives abroad; the other parts follow it (consulates, not IMSS offices). */
export const ABROAD_SHARE = 0.06;
/** Consular offices of the catalogue, each as often as it has windows: bigger consulates serve more people. */
const CONSULATE_WHEEL = OFFICES.filter((o) => o.kind !== 'IMSS_SUBDELEGATION').flatMap((o) => Array.from({ length: o.advisoryWindows }, () => o));

export function abroadFor(person: Pick<ScalePerson, 'random'>): ScalePerson['abroad'] {
  if (!person.random.chance(ABROAD_SHARE)) return null;
  const consulate = person.random.pick(CONSULATE_WHEEL);
  return { country: consulate.country, consulateId: consulate.id };
}

/**
 * The NSS of a person, or null (some people have none yet). `assigned` holds the highest sequence
 * already used per (subdelegation, registration year, birth year), the first six digits: numbers
 * continue above it (and above 999), so they never meet the demo's or an earlier seed's.
 */
export function nssAssigner(context: ScaleContext, assigned: ReadonlyMap<string, number>) {
  const sequences = new Map(assigned);
  const lastYear = context.now.getUTCFullYear() - 1;
  const yy = (year: number) => String(year % 100).padStart(2, '0');
  return (person: Pick<ScalePerson, 'random' | 'birthYear' | 'clinic'>): ScalePerson['nss'] => {
    if (!person.random.chance(0.9)) return null;
    const registrationYear = Math.min(lastYear, Math.max(person.birthYear, 1990, person.birthYear + 16 + person.random.int(12)));
    const key = `${person.clinic.subdelegation}${yy(registrationYear)}${yy(person.birthYear)}`;
    const sequence = Math.max(sequences.get(key) ?? 0, 999) + 1;
    if (sequence > 9999) throw new Error(`NSS sequences of ${key} are exhausted; seed fewer persons`);
    sequences.set(key, sequence);
    return { value: composeNss({ subdelegation: person.clinic.subdelegation, registrationYear, birthYear: person.birthYear, sequence }), registrationYear };
  };
}

export function personsPart(): ScalePart {
  return {
    name: 'persons',
    tables: [PERSONS, ADDRESSES],
    rows(person, sink) {
      const { random } = person;
      const first = person.givenNames.split(' ')[0]!.toLowerCase();
      const email = random.chance(0.55) ? `${first}.${person.firstSurname.toLowerCase()}.${person.index}@correo.example.test` : null;
      const phone = random.chance(0.45) ? `+52${String(5_500_000_000 + random.int(99_999_999))}` : null;
      const rfc = person.nss && random.chance(0.5) ? syntheticRfc(person.curp, random) : null;
      const pensioner = person.birthYear < 1962 && random.chance(person.abroad ? 0.5 : 0.1);
      const registeredOn = person.nss ? new Date(Date.UTC(person.nss.registrationYear, random.int(12), 1 + random.int(28))) : null;
      sink.add(PERSONS, [
        person.curp, person.nss?.value ?? null, rfc, person.givenNames, person.firstSurname, person.secondSurname, person.birthDate, person.sex, person.birthState,
        email, phone, person.clinic.id, pensioner && person.abroad !== null, pensioner ? `${person.birthYear + 62}-0${1 + random.int(9)}-01` : null, registeredOn,
      ]);
      const prefix = random.pick(person.clinic.postalCodePrefixes);
      sink.add(ADDRESSES, [
        person.curp, random.pick(STREETS), String(1 + random.int(999)), random.chance(0.3) ? String(1 + random.int(40)) : null,
        random.pick(NEIGHBOURHOODS), `Municipio ${person.clinic.state}`, person.clinic.state, `${prefix}${String(random.int(10 ** (5 - prefix.length))).padStart(5 - prefix.length, '0')}`,
      ]);
    },
  };
}

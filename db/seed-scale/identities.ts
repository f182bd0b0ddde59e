/**
 * Synthetic identities at scale: person `index` → names, birth date, sex, birth state and a CURP
 * with a valid check digit, as a pure function of (seed, index), so other rows (a family health
 * member, a queue entry) can name person j's CURP without storing it.
 *
 * Uniqueness without a lookup: a CURP carries the birth date (YYMMDD), sex, birth state and the
 * differentiator (position 17, a digit before 2000 and a letter from 2000, which also gives the
 * century). The index is mapped one-to-one onto (birth day, sex, state, differentiator slot) by a
 * seeded affine permutation, so two indexes never share those four and never share a CURP,
 * whatever the names. Slots 0–4 are used; a CURP already in the database (the demo's, a test's)
 * moves to the same slot + 5, which no index uses.
 */
import { CURP_STATES, curpCheckDigit } from '../../schema/scalars/identifiers/curp.ts';
import { rfcCheckDigit } from '../../schema/scalars/identifiers/rfc.ts';
import { expectedCurpPrefix } from '../../subgraphs/persons/rules/curp-prefix.ts';
import { Random } from './random.ts';

const GIVEN_H = ['JUAN', 'JOSE', 'LUIS', 'CARLOS', 'JORGE', 'MIGUEL ANGEL', 'FRANCISCO', 'ALEJANDRO', 'RICARDO', 'FERNANDO', 'ROBERTO', 'EDUARDO',
  'JAVIER', 'MANUEL', 'RAFAEL', 'ARMANDO', 'GERARDO', 'ENRIQUE', 'OSCAR', 'DANIEL', 'VICTOR', 'ALBERTO', 'SERGIO', 'MARIO', 'RAUL', 'HECTOR', 'PABLO', 'RUBEN'];
const GIVEN_M = ['MARIA', 'GUADALUPE', 'ROSA', 'ANA', 'LETICIA', 'PATRICIA', 'VERONICA', 'MARIA ELENA', 'GABRIELA', 'ADRIANA', 'ALEJANDRA', 'CLAUDIA',
  'SILVIA', 'LAURA', 'MONICA', 'TERESA', 'YOLANDA', 'ELIZABETH', 'MARTHA', 'SANDRA', 'LUCIA', 'CARMEN', 'SOFIA', 'DANIELA', 'FERNANDA', 'PAOLA', 'KARLA', 'BEATRIZ'];
const SURNAMES = ['HERNANDEZ', 'GARCIA', 'MARTINEZ', 'LOPEZ', 'GONZALEZ', 'RODRIGUEZ', 'PEREZ', 'SANCHEZ', 'RAMIREZ', 'CRUZ', 'FLORES', 'GOMEZ',
  'MORALES', 'VAZQUEZ', 'REYES', 'JIMENEZ', 'TORRES', 'DIAZ', 'GUTIERREZ', 'RUIZ', 'MENDOZA', 'AGUILAR', 'ORTIZ', 'MORENO', 'CASTILLO', 'ROMERO',
  'ALVAREZ', 'MENDEZ', 'CHAVEZ', 'RIVERA', 'JUAREZ', 'RAMOS', 'DOMINGUEZ', 'HERRERA', 'MEDINA', 'CASTRO', 'VARGAS', 'GUZMAN', 'VELAZQUEZ', 'ROJAS',
  'CONTRERAS', 'SALAZAR', 'LUNA', 'ORTEGA', 'CERVANTES', 'BAUTISTA', 'DELGADO', 'SOTO', 'NAVARRO', 'CAMPOS'];
/** Birth states, without NE (born abroad): the CURP of a person born abroad follows other rules. */
const STATES = Object.keys(CURP_STATES).filter((s) => s !== 'NE');
const FIRST_BIRTH_DAY = Date.UTC(1940, 0, 1);
const BIRTH_DAYS = (Date.UTC(2007, 11, 31) - FIRST_BIRTH_DAY) / 86_400_000 + 1;
const SLOTS = 5;
/** The size of the space the index is mapped onto: over 8 million people. */
export const IDENTITY_SPACE = BIRTH_DAYS * 2 * STATES.length * SLOTS;

export interface ScaleIdentity {
  index: number;
  curp: string;
  givenNames: string;
  firstSurname: string;
  secondSurname: string | null;
  birthDate: string;
  birthYear: number;
  sex: 'H' | 'M';
  birthState: string;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The seeded permutation of [0, IDENTITY_SPACE): x → (a·x + b) mod M with gcd(a, M) = 1. */
function permutation(seed: number): (index: number) => number {
  const random = new Random(seed, -1);
  let a = 1 + random.int(IDENTITY_SPACE - 1);
  while (gcd(a, IDENTITY_SPACE) !== 1) a += 1;
  const b = random.int(IDENTITY_SPACE);
  // a·x < 2^53 for every x < M (M ≈ 8·10^6, so a·x < 7·10^13): exact in doubles.
  return (index) => (a * index + b) % IDENTITY_SPACE;
}

export interface IdentitySource {
  /** The identity of person `index` (0 ≤ index < IDENTITY_SPACE). */
  identity(index: number): ScaleIdentity;
}

/** `taken`: CURPs already in the database, which no scale person may reuse. */
export function identitySource(seed: number, taken: ReadonlySet<string>): IdentitySource {
  const place = permutation(seed);
  return {
    identity(index) {
      let x = place(index);
      const slot = x % SLOTS; x = (x - slot) / SLOTS;
      const stateIndex = x % STATES.length; x = (x - stateIndex) / STATES.length;
      const sexIndex = x % 2; x = (x - sexIndex) / 2;
      const birthDate = new Date(FIRST_BIRTH_DAY + x * 86_400_000).toISOString().slice(0, 10);
      const sex = sexIndex === 0 ? 'H' : 'M';
      const random = new Random(seed, index);
      const givenNames = random.pick(sex === 'H' ? GIVEN_H : GIVEN_M);
      const firstSurname = random.pick(SURNAMES);
      const secondSurname = random.chance(0.04) ? null : random.pick(SURNAMES);
      const birthState = STATES[stateIndex]!;
      const person = { givenNames, firstSurname, secondSurname, birthDate, sex, birthState } as const;
      const prefix = expectedCurpPrefix(person);
      const birthYear = Number(birthDate.slice(0, 4));
      const symbols = birthYear < 2000 ? '0123456789' : 'ABCDEFGHIJ';
      let curp = withCheckDigit(`${prefix}${symbols[slot]}`);
      if (taken.has(curp)) curp = withCheckDigit(`${prefix}${symbols[slot + SLOTS]}`);
      if (taken.has(curp)) throw new Error(`synthetic CURP ${curp} is taken twice over; seed another database`);
      return { index, curp, birthYear, ...person };
    },
  };
}

function withCheckDigit(first17: string): string {
  return `${first17}${curpCheckDigit(first17)}`;
}

/**
 * A persona física's RFC: the CURP's first ten characters (the same letters and birth date),
 * a homoclave and the SAT check digit.
 */
const HOMOCLAVE = [...'123456789ABCDEFGHJKLMNPRSTUVWXYZ'];

export function syntheticRfc(curp: string, random: Random): string {
  const first12 = `${curp.slice(0, 10)}${random.pick(HOMOCLAVE)}${random.pick(HOMOCLAVE)}`;
  return `${first12}${rfcCheckDigit(first12)}`;
}

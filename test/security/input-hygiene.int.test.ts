/**
 * Input hygiene through the gateway (issue 20 item 5; docs/security.md, "Input hygiene"): names,
 * address lines and free text reach a subgraph only normalised (NFC) and clean — no control or
 * invisible characters, no unpaired surrogates, bounded, and for names and addresses only the
 * characters real ones use — and are refused otherwise with the text kind's code and a reason,
 * before anything is written. The request id a client sends reaches the audit trail only when it
 * is well formed.
 */
import { describe, expect } from 'vitest';
import { syntheticCurp, type PersonSeed } from '../../db/seed.ts';
import { systemTest as it, type As } from '../support/fixtures.ts';
import { gql } from '../support/graphql.ts';
import { DEV_SCOPES } from '../../gateway/auth/dev-tokens.ts';
import { openCase, procedureOf } from '../support/cases.ts';
import { insertPerson } from '../support/persons.ts';
import { crowdCurps, officerFor } from '../subgraphs/biometrics/support.ts';

const ASSIGN = gql`mutation($i: AssignNssInput!) { assignNss(input: $i) { outcome nss } }`;
const ADD_BENEFICIARY = gql`mutation($i: AddBeneficiaryInput!) { addBeneficiary(input: $i) { id } }`;
const UPDATE_CONTACT = gql`mutation($i: UpdateContactDataInput!) { updateContactData(input: $i) { curp } }`;
const PURPOSE = 'NSS_ASSISTANCE:window-3';
const address = { street: 'Av. Ejemplo', exteriorNumber: '12', neighbourhood: 'Centro', municipality: 'Guadalajara', state: 'JC', postalCode: '44100' };

let people = 0;
/** A new person whose CURP agrees with the given name MARIO (and with any name whose first word starts M…R). */
function newcomer(): PersonSeed {
  people += 1;
  return { givenNames: 'MARIO', firstSurname: 'ÑUÑEZ', secondSurname: 'ROSAS', birthDate: `1990-0${1 + (people % 9)}-1${people % 10}`, sex: 'H', birthState: 'JC' };
}

const staffFor = (as: As, curp: string) => as('CONSULATE_STAFF', { purpose: PURPOSE, caseFor: curp });

async function personsNamed(system: { db: { database: { sql: any } } }, curp: string): Promise<Array<{ given_names: string; first_surname: string }>> {
  return system.db.database.sql`select given_names, first_surname from persons.persons where curp = ${curp}`;
}

describe('input hygiene: names on NSS assignment (assignNss)', () => {
  // Each was stored verbatim before (the CURP only looks at the first letters of the first word).
  const bad: Array<[string, string, string]> = [
    ['a 5,007-character name holding a bell, a right-to-left override and a zero-width space', `MARIO\u0007\u202E\u200B${'A'.repeat(5_000)}`, 'TOO_LONG'],
    ['a bell character', 'MARIO\u0007', 'CONTROL_CHARACTER'],
    ['a right-to-left override', 'MARIO \u202EOIRAM', 'INVISIBLE_CHARACTER'],
    ['a zero-width space', 'MA\u200BRIO', 'INVISIBLE_CHARACTER'],
    ['an unpaired surrogate', 'MARIO\uD800', 'UNPAIRED_SURROGATE'],
    ['SQL in a name', "MARIO'); DELETE FROM persons.persons;--", 'CHARACTER_NOT_ALLOWED'],
  ];

  it.for(bad)('refuses %s with PERSON_NAME_INVALID and its reason, and writes nothing', async ([, givenNames, reason], { system, as }) => {
    const person = newcomer();
    const curp = syntheticCurp(person);
    const res = await staffFor(as, curp).query(ASSIGN, { i: { curp, email: 'm@example.test', givenNames, firstSurname: person.firstSurname, secondSurname: person.secondSurname, address } });
    expect(res.data?.assignNss ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'PERSON_NAME_INVALID', reason });
    expect(await personsNamed(system, curp)).toEqual([]);
  });

  it('stores names in one form: NFC, single spaces, the typed apostrophe unified', async ({ system, as }) => {
    const person: PersonSeed = { ...newcomer(), givenNames: 'JOSÉ MARÍA', firstSurname: "D'ARTAGNAN" };
    const curp = syntheticCurp(person);
    // As a keyboard or a copy-paste may send them: decomposed accents, a no-break space, ´ for the apostrophe.
    const typed = { givenNames: 'JOSE\u0301\u00A0 MARI\u0301A', firstSurname: 'D\u00B4ARTAGNAN' };
    const res = await staffFor(as, curp).query(ASSIGN, { i: { curp, email: 'jm@example.test', ...typed, secondSurname: person.secondSurname, address } });
    expect(res.errors).toBeUndefined();
    expect(await personsNamed(system, curp)).toEqual([{ given_names: 'JOSÉ MARÍA', first_surname: "D'ARTAGNAN" }]);
  });

  it('refuses an address line with a control character or SQL, and writes nothing', async ({ system, as }) => {
    for (const street of ['Av. Ejemplo\u0000 12', "x'; DROP TABLE persons.addresses;--"]) {
      const person = newcomer();
      const curp = syntheticCurp(person);
      const res = await staffFor(as, curp).query(ASSIGN, { i: { curp, email: 'a@example.test', givenNames: 'MARIO', firstSurname: person.firstSurname, secondSurname: person.secondSurname, address: { ...address, street } } });
      expect(res.errors?.[0]?.extensions?.code).toBe('ADDRESS_LINE_INVALID');
      expect(await personsNamed(system, curp)).toEqual([]);
    }
  });

  it('says what is wrong in Spanish by default and in English on request, with the same code', async ({ system }) => {
    const person = newcomer();
    const curp = syntheticCurp(person);
    const variables = { i: { curp, email: 'm@example.test', givenNames: 'MA\u200BRIO', firstSurname: person.firstSurname, address } };
    const token = await system.token('CONSULATE_STAFF');
    const ask = (headers: Record<string, string>) => system.query(ASSIGN, variables, { token, purpose: PURPOSE, headers: { 'x-access-exception': 'Prueba de higiene de datos de entrada', ...headers } });
    const [es, en] = await Promise.all([ask({}), ask({ 'accept-language': 'en' })]);
    expect(es.errors?.[0]?.extensions).toMatchObject({ code: 'PERSON_NAME_INVALID', reason: 'INVISIBLE_CHARACTER', position: 3, char: 'U+200B' });
    expect(es.errors?.[0]?.message).toContain('La posición 3 es un carácter invisible (U+200B)');
    expect(en.errors?.[0]?.extensions?.code).toBe('PERSON_NAME_INVALID');
    expect(en.errors?.[0]?.message).toContain('Position 3 is an invisible character (U+200B)');
  });
});

describe('input hygiene: beneficiaries and contact data', () => {
  it('refuses a beneficiary whose name hides a right-to-left override, and adds none', async ({ system, as }) => {
    const before = await system.db.database.sql<{ n: number }[]>`select count(*)::int as n from persons.beneficiaries where holder_curp = ${system.insuredCurp}`;
    const res = await as('INSURED').query(ADD_BENEFICIARY, { i: { givenNames: 'NI\u202EÑA', firstSurname: 'GORDILLO', birthDate: '2020-05-05', relationship: 'CHILD', livesInHousehold: true } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'PERSON_NAME_INVALID', reason: 'INVISIBLE_CHARACTER' });
    const after = await system.db.database.sql<{ n: number }[]>`select count(*)::int as n from persons.beneficiaries where holder_curp = ${system.insuredCurp}`;
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('refuses a beneficiary surname that is SQL, and one too long', async ({ as }) => {
    for (const [firstSurname, reason] of [["GORDILLO'); DELETE FROM persons.beneficiaries;--", 'CHARACTER_NOT_ALLOWED'], ['G'.repeat(81), 'TOO_LONG']] as const) {
      const res = await as('INSURED').query(ADD_BENEFICIARY, { i: { givenNames: 'NIÑA', firstSurname, birthDate: '2020-05-05', relationship: 'CHILD', livesInHousehold: true } });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'PERSON_NAME_INVALID', reason });
    }
  });

  it('refuses an e-mail address with an invisible character and a phone with a control one; keeps the stored ones', async ({ system, as }) => {
    const [before] = await system.db.database.sql<{ email: string | null; phone: string | null }[]>`select email, phone from persons.persons where curp = ${system.insuredCurp}`;
    const email = await as('INSURED').query(UPDATE_CONTACT, { i: { email: 'ana\u202Egro@example.test' } });
    expect(email.errors?.[0]?.extensions?.code).toBe('EMAIL_FORMAT');
    const phone = await as('INSURED').query(UPDATE_CONTACT, { i: { phone: '+52 33\u0007 1234 5678' } });
    expect(phone.errors?.[0]?.extensions?.code).toBe('PHONE_FORMAT');
    const [after] = await system.db.database.sql<{ email: string | null; phone: string | null }[]>`select email, phone from persons.persons where curp = ${system.insuredCurp}`;
    expect(after).toEqual(before);
  });
});

describe('input hygiene: the other subgraphs', () => {
  it('biometrics: a consent purpose with a bidi override is refused, a capture device with a zero-width space too', async ({ system, as }) => {
    const [curp] = await crowdCurps(system, 31);
    const officer = officerFor(as, curp);
    const consent = await officer.query(gql`mutation($i: RecordBiometricConsentInput!) { recordBiometricConsent(input: $i) { id } }`, { i: { curp, purpose: 'Verificación \u202Eadatilibah' } });
    expect(consent.errors?.[0]?.extensions).toMatchObject({ code: 'FREE_TEXT_INVALID', reason: 'INVISIBLE_CHARACTER' });
    const [row] = await system.db.database.sql<{ n: number }[]>`select count(*)::int as n from biometrics.consent_records where curp = ${curp!}`;
    expect(row!.n).toBe(0);
    const capture = await officer.query(gql`mutation($i: CaptureBiometricInput!) { captureBiometric(input: $i) { id } }`, {
      i: { curp, modality: 'FINGERPRINT', fingerPosition: 'RIGHT_INDEX', template: 'AAAA', quality: 70, device: 'SCANNER\u200B-7' },
    });
    expect(capture.errors?.[0]?.extensions).toMatchObject({ code: 'FREE_TEXT_INVALID', reason: 'INVISIBLE_CHARACTER' });
  });

  it('enrollments: a questionnaire answer that is not a reference code is refused before it is assessed', async ({ system, as }) => {
    const res = await as('INSURED').query(gql`mutation($i: EnrollFamilyHealthInput!) { enrollFamilyHealth(input: $i) { enrollment { id } } }`, {
      i: { country: 'MX', members: [{ curp: system.insuredCurp, relationship: 'HOLDER', declaredConditions: ['CHRONIC_RENAL_FAILURE\u202E'] }] },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('REFERENCE_CODE_FORMAT');
    const [row] = await system.db.database.sql<{ n: number }[]>`select count(*)::int as n from enrollments.enrollments where curp = ${system.insuredCurp} and kind = 'FAMILY_HEALTH'`;
    expect(row!.n).toBe(0);
  });
});

describe('input hygiene: the request id in the audit trail', () => {
  const PERSON = gql`query($c: Curp!) { person(curp: $c) { curp } }`;

  async function readWithRequestId(system: any, requestId: string) {
    const token = await system.token('CONSULATE_STAFF');
    const before = await system.db.database.sql`select coalesce(max(seq), 0)::bigint as seq from audit.access_events`;
    const res = await system.query(PERSON, { c: system.insuredCurp }, { token, purpose: PURPOSE, headers: { 'x-request-id': requestId, 'x-access-exception': 'Prueba del identificador de solicitud' } });
    expect(res.data?.person).toEqual({ curp: system.insuredCurp });
    const rows = await system.db.database.sql<{ request_id: string }[]>`select request_id from audit.access_events where seq > ${before[0].seq} and subject_curp = ${system.insuredCurp}`;
    expect(rows.length).toBeGreaterThan(0);
    return { ids: new Set(rows.map((r: { request_id: string }) => r.request_id)), answered: res.headers.get('x-request-id') };
  }

  it.for<[string, string]>([
    ['too long', 'r'.repeat(65)],
    ['with spaces and markup', 'id <script>alert(1)</script>'],
    ['with a forged log field', 'abc","level":"fatal'],
    ['latin1 bytes', 'caf\u00e9-1234'],
  ])('never writes a malformed one (%s): a fresh id is made and answered', async ([, sent], { system }) => {
    const { ids, answered } = await readWithRequestId(system, sent);
    expect(ids.has(sent)).toBe(false);
    expect([...ids]).toEqual([answered]);
    expect(answered).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a well-formed one, so a client can find its request in the person’s log', async ({ system }) => {
    const { ids, answered } = await readWithRequestId(system, 'client-7f3a.92:b');
    expect([...ids]).toEqual(['client-7f3a.92:b']);
    expect(answered).toBe('client-7f3a.92:b');
  });

  it('audits the case lookup under the same request id as the reads it opens', async ({ system }) => {
    const curp = await insertPerson(system.db.database);
    const caseId = await openCase(system.db.database, { curp, office: DEV_SCOPES.consulateId, procedure: procedureOf(PURPOSE), now: system.now() });
    const token = await system.token('CONSULATE_STAFF');
    const res = await system.query(PERSON, { c: curp }, { token, purpose: PURPOSE, headers: { 'x-request-id': 'case-lookup-1', 'x-access-case': caseId } });
    expect(res.data?.person).toEqual({ curp });
    const rows = await system.db.database.sql<{ subgraph: string; what: string; request_id: string }[]>`
      select subgraph, what, request_id from audit.access_events where subject_curp = ${curp} order by seq`;
    expect(rows).toEqual([
      { subgraph: 'appointments', what: 'AppointmentCase', request_id: 'case-lookup-1' },
      { subgraph: 'persons', what: 'Person', request_id: 'case-lookup-1' },
    ]);
  });
});

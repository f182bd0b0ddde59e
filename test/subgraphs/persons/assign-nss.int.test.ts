/** assignNss through the gateway: assignment from the address, location, CURP consistency, concurrency. */
import { describe, expect } from 'vitest';
import { syntheticCurp, type PersonSeed } from '../../../db/seed.ts';
import { systemTest as it, type As } from '../../support/fixtures.ts';
import { gql } from '../../support/graphql.ts';

const PURPOSE = 'NSS_ASSISTANCE:window-3';
/** Consulate staff serving this person at the window: their checked-in appointment is the case. */
const staffFor = (as: As, curp: string) => as('CONSULATE_STAFF', { purpose: PURPOSE, caseFor: curp });
const ASSIGN = gql`mutation($i: AssignNssInput!) { assignNss(input: $i) { outcome nss person { curp clinic { id } } } }`;
const newcomer: PersonSeed = { givenNames: 'JOSE ANTONIO', firstSurname: 'ÑUÑEZ', secondSurname: 'DE LA ROSA', birthDate: '1991-07-04', sex: 'H', birthState: 'NE' };
const address = { street: 'Av. Ejemplo', exteriorNumber: '12', neighbourhood: 'Centro', municipality: 'Guadalajara', state: 'JC', postalCode: '44100' };
const inputFor = (p: typeof newcomer, email = 'x@example.test') => ({
  curp: syntheticCurp(p), email, givenNames: p.givenNames, firstSurname: p.firstSurname, secondSurname: p.secondSurname, address,
});

describe('persons: NSS assignment', () => {
  it('assigns a new NSS from the address, then locates the same one (idempotent)', async ({ as }) => {
    const staff = staffFor(as, syntheticCurp(newcomer));
    const first = await staff.query(ASSIGN, { i: inputFor(newcomer, 'jose@example.test') });
    expect(first.errors).toBeUndefined();
    const assigned = first.data?.assignNss;
    expect(assigned.outcome).toBe('ASSIGNED');
    expect(assigned.nss).toMatch(/^39\d{2}91\d{5}$/); // subdelegation 39 (Guadalajara clinic), birth year 91
    expect(assigned.person.clinic.id).toBe('UMF-JC-051');
    const second = await staff.query(ASSIGN, { i: inputFor(newcomer, 'jose@example.test') });
    expect(second.data?.assignNss).toMatchObject({ outcome: 'LOCATED', nss: assigned.nss });
  });

  it('audits a location by staff as a read of the person, and an assignment as a change', async ({ system, as }) => {
    const person: PersonSeed = { ...newcomer, givenNames: 'ANDREA', birthDate: '1990-02-02', sex: 'M' };
    const staff = staffFor(as, syntheticCurp(person));
    await staff.query(ASSIGN, { i: inputFor(person) });
    await staff.query(ASSIGN, { i: inputFor(person) });
    const rows = await system.db.database.sql<{ action: string; what: string }[]>`
      select action, what from audit.access_events where subject_curp = ${syntheticCurp(person)} and subgraph = 'persons' order by seq`;
    expect(rows).toEqual([{ action: 'WRITE', what: 'assignNss' }, { action: 'READ', what: 'Person' }]);
  });

  it('reports names that do not match the CURP, and writes nothing', async ({ system, as }) => {
    const curp = syntheticCurp({ ...newcomer, givenNames: 'PEDRO', birthDate: '1992-01-01' });
    const res = await staffFor(as, curp).query(ASSIGN, {
      i: { curp, email: 'p@example.test', givenNames: 'PABLO', firstSurname: newcomer.firstSurname, secondSurname: newcomer.secondSurname, address },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('CURP_MISMATCH');
    const [row] = await system.db.database.sql`select count(*)::int as n from persons.persons where curp = ${curp}`;
    expect(row!.n).toBe(0);
  });

  it('never hands out the same NSS twice under concurrency', async ({ as }) => {
    const people = Array.from({ length: 12 }, (_, i) => ({ ...newcomer, givenNames: ['LUIS', 'ANA', 'RAMON', 'IRMA'][i % 4]!, birthDate: `1985-0${(i % 9) + 1}-1${i % 10}` }));
    const results = await Promise.all(people.map((p) => staffFor(as, syntheticCurp(p)).query(ASSIGN, { i: inputFor(p) })));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(new Set(results.map((r) => r.data?.assignNss?.nss)).size).toBe(people.length);
  });
});

describe('persons: NSS numbering and addresses', () => {
  it('the first NSS of a subdelegation and year gets sequence 0001', async ({ system, as }) => {
    await system.db.database.sql`insert into persons.clinics (id, number, name, state, subdelegation) values ('UMF-YN-001', 1, 'UMF 1 Mérida (test)', 'YN', '32')`;
    await system.db.database.sql`insert into persons.clinic_postal_codes (postal_code_prefix, clinic_id) values ('97', 'UMF-YN-001')`;
    const person: PersonSeed = { ...newcomer, givenNames: 'FELIPE', birthDate: '1979-09-09' };
    const yucatan = { street: 'Calle 60', exteriorNumber: '1', neighbourhood: 'Centro', municipality: 'Mérida', state: 'YN', postalCode: '97000' };
    const res = await staffFor(as, syntheticCurp(person)).query(ASSIGN, { i: { ...inputFor(person), address: yucatan } });
    expect(res.errors).toBeUndefined();
    const year = String(new Date().getUTCFullYear() % 100).padStart(2, '0');
    expect(res.data?.assignNss.nss).toMatch(new RegExp(`^32${year}790001\\d$`));
  });

  it('refuses an address whose postal code belongs to another state', async ({ as }) => {
    const res = await as('INSURED').query(gql`mutation($i: UpdateContactDataInput!) { updateContactData(input: $i) { curp } }`, {
      i: { address: { ...address, state: 'DF', postalCode: '44100' } },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'ADDRESS_POSTAL_CODE_STATE', field: 'postalCode' });
    expect(res.errors?.[0]?.message).toMatch(/44100 pertenece a Jalisco/); // es-MX by default (gateway/error-messages)
  });
});

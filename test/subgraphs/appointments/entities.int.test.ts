/**
 * `_entities` on the appointments subgraph: Person.appointments and Appointment references,
 * in process (the shielded schema with a context built as the server builds it) and over HTTP
 * with a gateway token, with the SQL statements a batch costs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../../db/demo-identities.ts';
import { insertAppointments } from '../../../db/seed-data/appointments.ts';
import { seedDemoData, syntheticCurp, type PersonSeed } from '../../../db/seed.ts';
import { IDENTITY_HEADER } from '../../../schema/identity/gateway-token.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { systemTest } from '../../support/fixtures.ts';
import { gatewayTokenFor, identityFor } from '../../support/gateway-token.ts';
import { gql } from '../../support/graphql.ts';
import { inProcessSubgraph, type InProcessSubgraph } from '../../support/in-process.ts';
import { syntheticPeople } from './support.ts';

const PERSON_APPOINTMENTS = gql`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { curp appointments { id office { id } service } } } }`;
const APPOINTMENT = gql`query($r: [_Any!]!) { _entities(representations: $r) { ... on Appointment { id status } } }`;
const insuredCurp = syntheticCurp(DEMO.insured as PersonSeed);
const pensionerCurp = syntheticCurp(DEMO.pensioner as PersonSeed);

describe('appointments _entities, in process', () => {
  let t: TestDatabase;
  let subgraph: InProcessSubgraph;

  beforeAll(async () => {
    t = await createTestDatabase();
    await seedDemoData(t.database);
    subgraph = await inProcessSubgraph('appointments', t.url);
  });
  afterAll(async () => {
    await subgraph?.close();
    await t?.drop();
  });

  const entities = (query: string, claims: Record<string, unknown> | null, representations: object[]) =>
    subgraph.execute(query, { r: representations }, { claims });
  const persons = (...curps: string[]) => curps.map((curp) => ({ __typename: 'Person', curp }));

  it('gives the insured person their own appointments and nobody else’s', async () => {
    const res = await entities(PERSON_APPOINTMENTS, { sub: 'u1', roles: ['INSURED'], curp: insuredCurp }, persons(insuredCurp, pensionerCurp));
    const [mine, theirs] = (res.data as any)._entities;
    expect(mine.appointments.map((a: { office: { id: string } }) => a.office.id)).toEqual(['CON-LAX']);
    expect(theirs.appointments).toEqual([]);
  });

  it('gives consulate staff only the appointments at their own consulate', async () => {
    const lax = await entities(PERSON_APPOINTMENTS, { sub: 's1', roles: ['CONSULATE_STAFF'], consulate_id: 'CON-LAX' }, persons(insuredCurp, pensionerCurp));
    expect((lax.data as any)._entities.map((p: { appointments: unknown[] }) => p.appointments.length)).toEqual([1, 1]);
    const chi = await entities(PERSON_APPOINTMENTS, { sub: 's2', roles: ['CONSULATE_STAFF'], consulate_id: 'CON-CHI' }, persons(insuredCurp, pensionerCurp));
    expect((chi.data as any)._entities.map((p: { appointments: unknown[] }) => p.appointments)).toEqual([[], []]);
  });

  it('gives an anonymous caller nothing', async () => {
    const res = await entities(PERSON_APPOINTMENTS, null, persons(insuredCurp));
    expect((res.data as any)?._entities?.[0]?.appointments ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('resolves an Appointment reference only for the person or its office’s staff', async () => {
    const [row] = await t.database.sql<{ id: string }[]>`select id from appointments.appointments where curp = ${insuredCurp}`;
    const ref = [{ __typename: 'Appointment', id: row!.id }];
    expect((await entities(APPOINTMENT, { sub: 's1', roles: ['CONSULATE_STAFF'], consulate_id: 'CON-LAX' }, ref)).data).toEqual({ _entities: [{ id: row!.id, status: 'CHECKED_IN' }] });
    expect((await entities(APPOINTMENT, { sub: 's2', roles: ['CONSULATE_STAFF'], consulate_id: 'CON-CHI' }, ref)).data).toEqual({ _entities: [null] });
    expect((await entities(APPOINTMENT, { sub: 'u2', roles: ['INSURED'], curp: pensionerCurp }, ref)).data).toEqual({ _entities: [null] });
  });
});

describe('appointments _entities over HTTP, with a gateway token', () => {
  systemTest('resolves the appointments of a batch of persons in a constant number of SQL statements (no N+1)', async ({ system }) => {
    const people = syntheticPeople(20, 600);
    await insertAppointments(system.db.database.db, people.map((curp) => ({
      officeId: 'CON-LAX', curp, service: 'GENERAL_ADVICE' as const, status: 'CHECKED_IN' as const, localDate: '2026-03-06', checkedInAt: new Date('2026-03-06T17:00:00Z'),
    })));
    const counter = system.subgraphs.appointments.database.statements;
    const token = await gatewayTokenFor(system, 'appointments', identityFor({ sub: 's1', roles: ['CONSULATE_STAFF'], consulate_id: 'CON-LAX' }));
    const call = (curps: string[]) => system.post(system.subgraphs.appointments.http.url, { query: PERSON_APPOINTMENTS, variables: { r: curps.map((curp) => ({ __typename: 'Person', curp })) } }, { [IDENTITY_HEADER]: token });

    await call(people.slice(0, 1)); // warm the pool
    const before2 = counter.count;
    await call(people.slice(0, 2));
    const for2 = counter.count - before2;
    const before20 = counter.count;
    const res = await call(people);
    const for20 = counter.count - before20;

    expect((res.data as any)._entities.filter((p: { appointments: unknown[] }) => p.appointments.length === 1)).toHaveLength(20);
    expect(for20).toBe(for2);
    expect(for20).toBeLessThanOrEqual(3); // appointments, the audit INSERT, the office
  });
});

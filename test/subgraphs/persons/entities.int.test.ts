/**
 * `_entities` on the persons subgraph: in-process (the shielded schema executed with a context
 * built as the server builds it — fast, and exactly what the gateway's entity fetches meet), over
 * HTTP with a gateway token, and the SQL statements a batch costs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData, syntheticCurp, type PersonSeed } from '../../../db/seed.ts';
import { DEMO } from '../../../db/demo-identities.ts';
import { IDENTITY_HEADER } from '../../../schema/identity/gateway-token.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { gatewayTokenFor, identityFor } from '../../support/gateway-token.ts';
import { gql } from '../../support/graphql.ts';
import type { AccessGrounds } from '../../../schema/identity/access-grounds.ts';
import { inProcessSubgraph, type InProcessSubgraph } from '../../support/in-process.ts';
import { systemTest } from '../../support/fixtures.ts';

const ENTITIES = gql`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { curp nss } } }`;
const PURPOSE = 'NSS_ASSISTANCE:window-3';
const insuredCurp = syntheticCurp(DEMO.insured as PersonSeed);
const pensionerCurp = syntheticCurp(DEMO.pensioner as PersonSeed);
const STAFF = { sub: 's1', roles: ['CONSULATE_STAFF'], consulate_id: 'CON-LAX' };
/** The grounds the gateway would carry for staff on the pensioner's case, or by a declared exception. */
const ON_PENSIONERS_CASE: AccessGrounds = { case: { id: 'APT-1', curp: pensionerCurp, office: 'CON-LAX', procedure: 'NSS_ASSISTANCE' }, exception: null };
const BY_EXCEPTION: AccessGrounds = { case: null, exception: 'Consular protection case, person unable to attend' };

describe('persons _entities, in process', () => {
  let t: TestDatabase;
  let subgraph: InProcessSubgraph;

  beforeAll(async () => {
    t = await createTestDatabase();
    await seedDemoData(t.database);
    subgraph = await inProcessSubgraph('persons', t.url);
  });
  afterAll(async () => {
    await subgraph?.close();
    await t?.drop();
  });

  const entities = (claims: Record<string, unknown> | null, curps: string[], purpose: string | null = null, grounds?: AccessGrounds) =>
    subgraph.execute(ENTITIES, { r: curps.map((curp) => ({ __typename: 'Person', curp })) }, { claims, purpose, ...(grounds ? { grounds } : {}) });

  it('resolves the insured person themself and nobody else', async () => {
    const res = await entities({ sub: 'u1', roles: ['INSURED'], curp: insuredCurp }, [insuredCurp, pensionerCurp]);
    expect(res.data).toMatchObject({ _entities: [{ curp: insuredCurp }, null] });
  });

  it('gives an anonymous caller nothing', async () => {
    const res = await entities(null, [insuredCurp]);
    expect(res.data).toEqual({ _entities: [null] });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('gives staff without a purpose PURPOSE_REQUIRED for each person, and no data', async () => {
    const res = await entities({ sub: 's1', roles: ['CONSULATE_STAFF'], consulate_id: 'CON-LAX' }, [insuredCurp, pensionerCurp]);
    expect(res.data).toEqual({ _entities: [null, null] });
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['PURPOSE_REQUIRED', 'PURPOSE_REQUIRED']);
  });

  it('gives staff with a purpose but no case CASE_REQUIRED for each person, and no data', async () => {
    const res = await entities(STAFF, [insuredCurp, pensionerCurp], PURPOSE);
    expect(res.data).toEqual({ _entities: [null, null] });
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['CASE_REQUIRED', 'CASE_REQUIRED']);
  });

  it("resolves only the person of staff's case: a batch never opens the next person in the queue", async () => {
    const res = await entities(STAFF, [insuredCurp, pensionerCurp], PURPOSE, ON_PENSIONERS_CASE);
    expect(res.data).toMatchObject({ _entities: [null, { curp: pensionerCurp }] });
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['CASE_REQUIRED']);
    const [row] = await t.database.sql<{ case_id: string | null }[]>`
      select case_id from audit.access_events where subject_curp = ${pensionerCurp} and action = 'READ' order by seq desc limit 1`;
    expect(row?.case_id).toBe('APT-1');
  });

  it('resolves staff acting by a declared exception, and audits one flagged row per person', async () => {
    const before = await t.database.sql<{ n: number }[]>`select count(*)::int as n from audit.access_events where request_id = 'test-request' and action = 'READ' and exception_reason is not null`;
    const res = await entities(STAFF, [insuredCurp, pensionerCurp], PURPOSE, BY_EXCEPTION);
    expect(res.errors).toBeUndefined();
    expect(res.data).toMatchObject({ _entities: [{ curp: insuredCurp }, { curp: pensionerCurp }] });
    const after = await t.database.sql<{ n: number }[]>`select count(*)::int as n from audit.access_events where request_id = 'test-request' and action = 'READ' and exception_reason is not null`;
    expect(after[0]!.n - before[0]!.n).toBe(2);
  });

  it('answers coverage null, the rest of the person kept, when the periods arrive null (enrollments could not give them)', async () => {
    const COVERAGE = gql`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { curp maskedName coverage { status } } } }`;
    const insured = { sub: 'u1', roles: ['INSURED'], curp: insuredCurp };
    const unknown = await subgraph.execute(COVERAGE, { r: [{ __typename: 'Person', curp: insuredCurp, coveragePeriods: null }] }, { claims: insured });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data).toEqual({ _entities: [{ curp: insuredCurp, maskedName: expect.stringMatching(/\*/), coverage: null }] });
    const given = await subgraph.execute(COVERAGE, { r: [{ __typename: 'Person', curp: insuredCurp, coveragePeriods: [{ start: '2020-01-01', end: null, kind: 'EMPLOYMENT' }] }] }, { claims: insured });
    expect(given.data).toEqual({ _entities: [{ curp: insuredCurp, maskedName: expect.stringMatching(/\*/), coverage: { status: 'ACTIVE' } }] });
    // Periods that are there but malformed are still refused: the representation is parsed, not trusted.
    const malformed = await subgraph.execute(COVERAGE, { r: [{ __typename: 'Person', curp: insuredCurp, coveragePeriods: [{ start: 'yesterday', kind: 'EMPLOYMENT' }] }] }, { claims: insured });
    expect(malformed.data).toEqual({ _entities: [null] });
  });
});

describe('persons _entities over HTTP, with a gateway token', () => {
  systemTest('resolves a batch of persons in a constant number of SQL statements (no N+1)', async ({ system }) => {
    const rows = await system.db.database.sql<{ curp: string }[]>`select curp from persons.persons order by curp limit 20`;
    const counter = system.subgraphs.persons.database.statements;
    const token = await gatewayTokenFor(system, 'persons', identityFor(STAFF), PURPOSE, BY_EXCEPTION);
    const call = (curps: string[]) =>
      system.post(system.subgraphs.persons.http.url, { query: ENTITIES, variables: { r: curps.map((curp) => ({ __typename: 'Person', curp })) } }, { [IDENTITY_HEADER]: token });

    await call(rows.slice(0, 1).map((r) => r.curp)); // warm the pool (a new connection fetches its types first)
    const before2 = counter.count;
    await call(rows.slice(0, 2).map((r) => r.curp));
    const for2 = counter.count - before2;
    const before20 = counter.count;
    const res = await call(rows.map((r) => r.curp));
    const for20 = counter.count - before20;

    expect((res.data as { _entities: unknown[] })._entities.filter(Boolean)).toHaveLength(20);
    expect(for20).toBe(for2);
    expect(for20).toBeLessThanOrEqual(2); // one SELECT, one audit INSERT
  });

  systemTest('refuses a call without the gateway token', async ({ system }) => {
    const res = await system.post(system.subgraphs.persons.http.url, { query: `{ _service { sdl } }` });
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

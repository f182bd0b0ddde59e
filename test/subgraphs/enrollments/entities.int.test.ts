/**
 * `_entities` on the enrollments subgraph: in-process (the shielded schema executed with a context
 * built as the server builds it — what the gateway's entity fetches meet), and the SQL statements
 * a batch costs over HTTP (N = 2 and N = 20 persons cost the same).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../../db/demo-identities.ts';
import { seedDemoData, syntheticCurp, type PersonSeed } from '../../../db/seed.ts';
import { IDENTITY_HEADER } from '../../../schema/identity/gateway-token.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { systemTest } from '../../support/fixtures.ts';
import { gatewayTokenFor, identityFor } from '../../support/gateway-token.ts';
import { gql } from '../../support/graphql.ts';
import type { AccessGrounds } from '../../../schema/identity/access-grounds.ts';
import { inProcessSubgraph, type InProcessSubgraph } from '../../support/in-process.ts';

const ENTITIES = gql`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { curp enrollments { kind employerRegistration movements { kind } } coveragePeriods { kind } } } }`;
const PURPOSE = 'COVERAGE_VALIDITY:window-4';
const STAFF = { sub: 's1', roles: ['CONSULATE_STAFF'], consulate_id: 'CON-LAX' };
const insuredCurp = syntheticCurp(DEMO.insured as PersonSeed);
const pensionerCurp = syntheticCurp(DEMO.pensioner as PersonSeed);
/** Staff acting without a case, by a declared exception (the gateway carries the reason). */
const BY_EXCEPTION: AccessGrounds = { case: null, exception: 'Review of a complaint by the delegation' };
const onCaseOf = (curp: string): AccessGrounds => ({ case: { id: 'APT-9', curp, office: 'CON-LAX', procedure: 'COVERAGE_VALIDITY' }, exception: null });

describe('enrollments _entities, in process', () => {
  let t: TestDatabase;
  let subgraph: InProcessSubgraph;

  beforeAll(async () => {
    t = await createTestDatabase();
    await seedDemoData(t.database);
    subgraph = await inProcessSubgraph('enrollments', t.url);
  });
  afterAll(async () => {
    await subgraph?.close();
    await t?.drop();
  });

  const entities = (claims: Record<string, unknown> | null, curps: string[], purpose: string | null = null, grounds?: AccessGrounds) =>
    subgraph.execute(ENTITIES, { r: curps.map((curp) => ({ __typename: 'Person', curp })) }, { claims, purpose, ...(grounds ? { grounds } : {}) });

  it("gives the insured person their own enrollments, movements and periods, and nothing of someone else's", async () => {
    const res = await entities({ sub: 'u1', roles: ['INSURED'], curp: insuredCurp }, [insuredCurp, pensionerCurp]);
    const [mine, theirs] = (res.data as { _entities: Array<Record<string, unknown>> })._entities;
    expect(mine).toMatchObject({ enrollments: [{ kind: 'EMPLOYMENT', employerRegistration: DEMO.employerRegistration, movements: [{ kind: 'ALTA' }] }], coveragePeriods: [{ kind: 'EMPLOYMENT' }] });
    expect(theirs).toMatchObject({ enrollments: [], coveragePeriods: [] });
  });

  it('gives staff without a purpose PURPOSE_REQUIRED and no enrollment', async () => {
    const res = await entities({ sub: 's1', roles: ['CONSULATE_STAFF'], consulate_id: 'CON-LAX' }, [insuredCurp]);
    expect(res.errors?.map((e) => e.extensions?.code)).toContain('PURPOSE_REQUIRED');
    expect(JSON.stringify(res.data)).not.toContain('EMPLOYMENT');
  });

  it("gives staff with a purpose only their case's person: the other gets CASE_REQUIRED and no enrollment", async () => {
    const res = await entities(STAFF, [insuredCurp, pensionerCurp], PURPOSE, onCaseOf(pensionerCurp));
    const [insured] = (res.data as { _entities: Array<Record<string, unknown>> })._entities;
    expect(insured?.enrollments ?? []).toEqual([]);
    expect(res.errors?.map((e) => e.extensions?.code)).toContain('CASE_REQUIRED');
    const none = await entities(STAFF, [insuredCurp], PURPOSE);
    expect(none.errors?.map((e) => e.extensions?.code)).toContain('CASE_REQUIRED');
    expect(JSON.stringify(none.data)).not.toContain('EMPLOYMENT');
  });

  it("narrows an employer to its own registrations' rows and never gives it coverage periods", async () => {
    const res = await entities({ sub: 'e1', roles: ['EMPLOYER'], employer_registrations: ['B9876543101'] }, [insuredCurp]);
    const [person] = (res.data as { _entities: Array<Record<string, unknown>> })._entities;
    expect(person?.enrollments).toEqual([]);
    expect(person?.coveragePeriods ?? null).toBeNull();
    expect(res.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
  });

  it('audits a staff read of enrollments and of their movements, one row per person and label', async () => {
    const before = await t.database.sql<{ what: string }[]>`select what from audit.access_events where request_id = 'test-request' and action = 'READ'`;
    const res = await entities(STAFF, [insuredCurp, pensionerCurp], PURPOSE, BY_EXCEPTION);
    expect(res.errors).toBeUndefined();
    const after = await t.database.sql<{ what: string }[]>`select what from audit.access_events where request_id = 'test-request' and action = 'READ'`;
    const added = after.slice(before.length).map((r) => r.what).sort();
    expect(added).toEqual(['Enrollment.movements', 'Person.coveragePeriods', 'Person.coveragePeriods', 'Person.enrollments', 'Person.enrollments']);
  });
});

describe('enrollments _entities over HTTP, with a gateway token', () => {
  systemTest('resolves a batch of persons with their enrollments and movements in a constant number of statements (no N+1)', async ({ system }) => {
    const rows = await system.db.database.sql<{ curp: string }[]>`select distinct curp from enrollments.enrollments where kind = 'EMPLOYMENT' order by curp limit 20`;
    expect(rows).toHaveLength(20);
    const counter = system.subgraphs.enrollments.database.statements;
    const token = await gatewayTokenFor(system, 'enrollments', identityFor(STAFF), PURPOSE, BY_EXCEPTION);
    const call = (curps: string[]) =>
      system.post(system.subgraphs.enrollments.http.url, { query: ENTITIES, variables: { r: curps.map((curp) => ({ __typename: 'Person', curp })) } }, { [IDENTITY_HEADER]: token });

    await call(rows.slice(0, 1).map((r) => r.curp)); // warm the pool
    const before2 = counter.count;
    await call(rows.slice(0, 2).map((r) => r.curp));
    const for2 = counter.count - before2;
    const before20 = counter.count;
    const res = await call(rows.map((r) => r.curp));
    const for20 = counter.count - before20;

    expect((res.data as { _entities: Array<{ enrollments: unknown[] }> })._entities.filter((e) => e.enrollments.length > 0)).toHaveLength(20);
    expect(for20).toBe(for2);
    // Enrollments, periods, movements: one SELECT each, and one audit INSERT per label.
    expect(for20).toBeLessThanOrEqual(6);
  });
});

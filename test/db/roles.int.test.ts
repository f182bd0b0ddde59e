/**
 * Least privilege in the database: what a subgraph's own role can and cannot do. Each subgraph
 * connects as `imss_<name>`; the audit trail must hold against that role even when the
 * application is compromised, and one subgraph's role must not reach another subgraph's tables.
 */
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionRoleProblems, developmentRoleUrl } from '../../db/privileges.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const SUBJECT = 'GOMA800101HDFRRN05';

describe('database roles', () => {
  let t: TestDatabase;
  let persons: postgres.Sql;
  let enrollments: postgres.Sql;

  beforeAll(async () => {
    t = await createTestDatabase();
    persons = postgres(developmentRoleUrl('persons', t.url), { max: 1, onnotice: () => undefined });
    enrollments = postgres(developmentRoleUrl('enrollments', t.url), { max: 1, onnotice: () => undefined });
    await enrollments`insert into audit.access_events (subject_curp, actor_subject, actor_role, subgraph, what, request_id)
      values (${SUBJECT}, 'e', 'EMPLOYER', 'enrollments', 'Person.enrollments', 'r1')`;
  });
  afterAll(async () => {
    await persons?.end();
    await enrollments?.end();
    await t?.drop();
  });

  it('a subgraph role is neither a superuser nor an owner', async () => {
    expect(await connectionRoleProblems(persons)).toEqual([]);
    const [row] = await persons<{ user: string }[]>`select current_user as user`;
    expect(row!.user).toBe('imss_persons');
  });

  it('may append to the audit trail, and the chain is still computed', async () => {
    const [row] = await t.database.sql<{ n: number; broken: string | null }[]>`select count(*)::int as n, audit.verify_chain(${SUBJECT})::text as broken from audit.access_events where subject_curp = ${SUBJECT}`;
    expect(row).toEqual({ n: 1, broken: null });
  });

  it.each([
    ['update', `update audit.access_events set purpose = 'x'`],
    ['delete', `delete from audit.access_events`],
    ['truncate', `truncate audit.access_events`],
    ['disable the append-only trigger', `alter table audit.access_events disable trigger access_events_append_only`],
    ['turn triggers off for the session', `set session_replication_role = replica`],
    ['read the audit trail (not persons)', `select * from audit.access_events`],
  ])('enrollments may not %s', async (_what, statement) => {
    await expect(enrollments.unsafe(statement)).rejects.toThrow(/permission denied|must be owner/);
  });

  it.each([
    ['enrollments', 'select * from persons.persons'],
    ['enrollments', 'select * from biometrics.templates'],
    ['persons', 'select * from enrollments.enrollments'],
    ['persons', 'select * from appointments.appointments'],
  ] as const)('%s may not read another subgraph: %s', async (who, statement) => {
    await expect((who === 'persons' ? persons : enrollments).unsafe(statement)).rejects.toThrow(/permission denied/);
  });

  it('may not create objects, in its own schema or anywhere', async () => {
    await expect(persons.unsafe('create table persons.x (id int)')).rejects.toThrow(/permission denied/);
    await expect(persons.unsafe('create table public.x (id int)')).rejects.toThrow(/permission denied/);
  });

  it('reads and writes its own tables', async () => {
    await expect(persons`select count(*) from persons.persons`).resolves.toHaveLength(1);
    await expect(persons`select count(*) from audit.access_events`).resolves.toHaveLength(1);
  });
});

/**
 * Migration 0015 recomputes the audit chain hash in PL/pgSQL instead of SQL (a SQL function taking a
 * whole row is planned again on every call), and 0020 has the chain trigger hash through a SQL
 * function of the row's columns that PostgreSQL inlines. The hash must be the same function of the
 * row: rows chained under any version verify under the others, across each switch in both directions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createAuditTrail } from '../../subgraphs/shared/audit/audit-trail.ts';
import { createAuditSigner } from '../../subgraphs/shared/audit/row-signature.ts';
import type { Viewer } from '../../schema/identity/viewer.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const SUBJECTS = ['GOMA800101HDFRRN05', 'PEGJ850101HDFRRL04'];
const staff: Viewer = { subject: 'staff-1', roles: ['CONSULATE_STAFF'], curp: null, consulateId: 'CON-LAX', employerRegistrations: [], bankId: null, subdelegation: null };

/** The statement of a migration file that creates the function `name` (with its opening parenthesis, so chain_hash is not chain_hash_of). */
function statementCreating(migration: string, name: string): string {
  const text = readFileSync(new URL(`../../db/migrations/${migration}`, import.meta.url), 'utf8');
  const statement = text.split('--> statement-breakpoint').find((s) => s.includes(`FUNCTION ${name}`));
  if (!statement) throw new Error(`${migration} defines no ${name}`);
  return statement;
}
const chainHashOf = (migration: string) => statementCreating(migration, 'audit.chain_hash(');

describe('audit chain hash (SQL in 0008, PL/pgSQL from 0015, inlined into the trigger from 0020)', () => {
  let t: TestDatabase;
  const signer = createAuditSigner(generateKeyPairSync('ed25519').privateKey);
  let written = 0;
  const appendRows = () =>
    createAuditTrail({ database: t.database, subgraph: 'persons', viewer: staff, purpose: 'CASE:1', requestId: `r${++written}`, signer, case: { id: 'CASE-1', curp: SUBJECTS[0]! } }).append([
      ...SUBJECTS.map((subjectCurp) => ({ action: 'READ' as const, subjectCurp, what: 'Person' })),
      { action: 'REFUSED' as const, subjectCurp: SUBJECTS[1]!, what: 'Person.beneficiaries', reason: 'OUTSIDE_SCOPE' as const },
    ]);
  const brokenChains = async () =>
    (await t.database.sql<{ broken: string | null }[]>`select audit.verify_chain(s)::text as broken from unnest(${SUBJECTS}::char(18)[]) as s`).map((r) => r.broken);

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.drop());

  it('is PL/pgSQL once the migrations have run', async () => {
    const [row] = await t.database.sql`select l.lanname from pg_proc p join pg_language l on l.oid = p.prolang join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'audit' and p.proname = 'chain_hash'`;
    expect(row).toEqual({ lanname: 'plpgsql' });
  });

  it('verifies rows chained by the SQL version, and the SQL version verifies rows chained by PL/pgSQL', async () => {
    await t.database.sql.unsafe(chainHashOf('0008_audit_chain_signature.sql'));
    await appendRows();
    await appendRows();
    await t.database.sql.unsafe(chainHashOf('0015_audit_chain_hash_plpgsql.sql'));
    expect(await brokenChains()).toEqual([null, null]);
    await appendRows();
    await appendRows();
    expect(await brokenChains()).toEqual([null, null]);
    await t.database.sql.unsafe(chainHashOf('0008_audit_chain_signature.sql'));
    expect(await brokenChains()).toEqual([null, null]);
    await t.database.sql.unsafe(chainHashOf('0015_audit_chain_hash_plpgsql.sql'));
    const [count] = await t.database.sql`select count(*)::int as n from audit.access_events`;
    expect(count).toEqual({ n: 12 });
  });

  it('is inlined into the chain trigger from 0020 (no function call per audit row)', async () => {
    const plan = await t.database.sql.unsafe<{ 'QUERY PLAN': string }[]>(
      `explain (verbose, costs off) select audit.chain_hash_of(e.prev_hash, e.id, e.at, e.subject_curp, e.actor_subject, e.actor_role, e.actor_scope, e.purpose,
         e.subgraph, e.what, e.fields, e.request_id, e.seq, e.action, e.reason, e.case_id, e.exception_reason, e.signature, e.signer) from audit.access_events e`,
    );
    const output = plan.map((row) => row['QUERY PLAN']).join('\n');
    expect(output).toContain('sha256(');
    expect(output).not.toContain('chain_hash_of');
    const [trigger] = await t.database.sql<{ body: string }[]>`select prosrc as body from pg_proc where oid = 'audit.chain_event'::regproc`;
    expect(trigger!.body).toContain('audit.chain_hash_of(NEW.prev_hash, NEW.id, NEW.at');
  });

  it('verifies rows chained by the trigger of 0019, and 0015\'s hash verifies rows chained by the trigger of 0020', async () => {
    await t.database.sql.unsafe(statementCreating('0019_audit_chain_trigger_cost.sql', 'audit.chain_event('));
    await appendRows();
    await t.database.sql.unsafe(statementCreating('0020_audit_chain_hash_inlined.sql', 'audit.chain_event('));
    await appendRows();
    expect(await brokenChains()).toEqual([null, null]);
    await t.database.sql.unsafe(chainHashOf('0015_audit_chain_hash_plpgsql.sql'));
    expect(await brokenChains()).toEqual([null, null]);
    await t.database.sql.unsafe(chainHashOf('0020_audit_chain_hash_inlined.sql'));
    expect(await brokenChains()).toEqual([null, null]);
    const [count] = await t.database.sql`select count(*)::int as n from audit.access_events`;
    expect(count).toEqual({ n: 18 });
  });

  it('still names a rewritten row under PL/pgSQL', async () => {
    const [target] = await t.database.sql<{ seq: string }[]>`select seq::text from audit.access_events where subject_curp = ${SUBJECTS[1]!} order by seq limit 1 offset 2`;
    await t.database.sql.begin(async (tx) => {
      await tx`alter table audit.access_events disable trigger access_events_append_only`;
      await tx`update audit.access_events set what = 'Clinic' where seq = ${target!.seq}`;
      await tx`alter table audit.access_events enable trigger access_events_append_only`;
    });
    expect(await brokenChains()).toEqual([null, target!.seq]);
  });
});

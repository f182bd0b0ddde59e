/**
 * Every audit INSERT is one statement whose rows go as one JSON parameter (audit-trail.ts), sent
 * prepared for reads and through drizzle in a mutation's transaction. Every size and both paths
 * must store the same row: SQL NULL where a value is absent (a jsonb 'null' would change the chain
 * hash), the same fields, and a signature and chain that verify. Reads of concurrent requests share statements
 * (grouped-appends.ts): every row lands, chained, and a chain lock held elsewhere holds up only
 * the statement that waits for it.
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../schema/identity/viewer.ts';
import { createAuditTrail, type AuditEvent } from '../../subgraphs/shared/audit/audit-trail.ts';
import { createAuditSigner } from '../../subgraphs/shared/audit/row-signature.ts';
import { verifyTrail } from '../../subgraphs/shared/audit/verify-trail.ts';
import { openDatabase } from '../../db/client.ts';
import { identitySource } from '../../db/seed-scale/identities.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const officer: Viewer = { subject: 'officer-1', roles: ['IMSS_OFFICER'], curp: null, consulateId: null, employerRegistrations: [], bankId: null, subdelegation: '01' };
const CURPS = ['GOMA800101HDFRRN05', 'SABC560626MDFLRN01', 'MOTR930411HJCRMN03', 'PEGJ850101HDFRRL04', 'AAPR630321HDFLRC09', 'RAOS991231MDGMRF05', 'PUAO800505HSPNLS07', 'HEXJ550101HDFRXN00', 'RIMR560202MJCVRS19'];

describe('audit appends', () => {
  let t: TestDatabase;
  const key = generateKeyPairSync('ed25519');

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.drop();
  });

  const rowsOf = (requestId: string) =>
    t.database.sql<{ subject_curp: string; action: string; reason: string | null; fields: string[] | null; fields_is_null: boolean; purpose: string | null; case_id: string | null; exception_reason: string | null; what: string }[]>`
      select subject_curp, action, reason, fields, fields is null as fields_is_null, purpose, case_id, exception_reason, what
      from audit.access_events where request_id = ${requestId} order by subject_curp, what`;
  const events = (curps: readonly string[]): AuditEvent[] =>
    curps.flatMap((subjectCurp) => [
      { action: 'READ' as const, subjectCurp, what: 'Person', fields: ['nss', 'curp'] },
      { action: 'READ' as const, subjectCurp, what: 'Clinic' },
      { action: 'REFUSED' as const, subjectCurp, what: 'Beneficiary', reason: 'CASE_REQUIRED' as const },
    ]);
  const trail = (requestId: string) =>
    createAuditTrail({ database: t.database, subgraph: 'persons', viewer: officer, purpose: 'BIOMETRIC_CAPTURE:desk-2', requestId, case: { id: 'case-1', curp: CURPS[0]! }, exceptionReason: null, signer: createAuditSigner(key.privateKey) });

  it('stores the same rows for a batch of a few rows, a larger one, and one in a transaction', async () => {
    await trail('prepared').append(events(CURPS.slice(0, 2))); // 6 rows
    await trail('built').append(events(CURPS.slice(0, 2)).concat(events(CURPS.slice(2, 4)))); // 12 rows
    await t.database.db.transaction((tx) => trail('in-transaction').append(events(CURPS.slice(0, 2)), tx));

    const prepared = await rowsOf('prepared');
    expect(prepared).toHaveLength(6);
    expect(prepared.find((r) => r.what === 'Person' && r.subject_curp === CURPS[0])).toMatchObject({ fields: ['nss', 'curp'], case_id: 'case-1', purpose: 'BIOMETRIC_CAPTURE:desk-2' });
    expect(prepared.find((r) => r.what === 'Clinic' && r.subject_curp === CURPS[1])).toMatchObject({ fields: null, fields_is_null: true, case_id: null, exception_reason: null });
    expect(prepared.find((r) => r.action === 'REFUSED')).toMatchObject({ reason: 'CASE_REQUIRED', fields_is_null: true });
    const built = (await rowsOf('built')).filter((r) => CURPS.slice(0, 2).includes(r.subject_curp));
    expect(prepared).toEqual(built);
    expect(prepared).toEqual(await rowsOf('in-transaction'));
    const signatures = await t.database.sql<{ request_id: string; signatures: number; sizes: number[] }[]>`
      select request_id, count(distinct signature)::int as signatures, array_agg(distinct tree_size) as sizes from audit.access_events group by request_id order by request_id`;
    expect(signatures).toEqual([
      { request_id: 'built', signatures: 1, sizes: [12] },
      { request_id: 'in-transaction', signatures: 1, sizes: [6] },
      { request_id: 'prepared', signatures: 1, sizes: [6] },
    ]);

    const { findings } = await verifyTrail(t.database.sql, { keys: [key.publicKey], checkpoints: [] });
    expect(findings).toEqual([]);
  });

  it('writes an append of any size in one statement, read or in a transaction (an employer\'s whole workforce)', async () => {
    // 20 parameters a row in a VALUES list would pass PostgreSQL's limit of 65,535 at 3,277 rows.
    const identities = identitySource(23, new Set());
    const workforce = Array.from({ length: 4_000 }, (_, i) => ({ action: 'READ' as const, subjectCurp: identities.identity(i).curp, what: 'Enrollment', fields: ['status'] }));
    await trail('workforce').append(workforce);
    await t.database.db.transaction((tx) => trail('workforce-in-transaction').append(workforce.slice(0, 2_500), tx));
    const statements = await t.database.sql<{ request_id: string; rows: number; size: number; indexes: number }[]>`
      select request_id, count(*)::int as rows, max(tree_size) as size, count(distinct tree_index)::int as indexes from audit.access_events
      where request_id like 'workforce%' group by request_id, signature order by request_id`;
    expect(statements).toEqual([
      { request_id: 'workforce', rows: 4_000, size: 4_000, indexes: 4_000 },
      { request_id: 'workforce-in-transaction', rows: 2_500, size: 2_500, indexes: 2_500 },
    ]);
    const { findings } = await verifyTrail(t.database.sql, { keys: [key.publicKey], checkpoints: [] });
    expect(findings).toEqual([]);
  });

  it('lets the reads of concurrent requests share statements, and every row lands in its chain', async () => {
    const counting = openDatabase(t.url, { name: 'grouped', countStatements: true });
    try {
      const trailOf = (requestId: string) =>
        createAuditTrail({ database: counting, subgraph: 'persons', viewer: officer, purpose: 'BIOMETRIC_CAPTURE:desk-2', requestId, case: null, exceptionReason: null, signer: createAuditSigner(key.privateKey) });
      await counting.sql`select 1`;
      const before = counting.statements.count;
      // 80 requests at once, on six people: rows of one person from several requests share a statement.
      await Promise.all(Array.from({ length: 80 }, (_, i) => trailOf(`together-${i}`).append([{ action: 'READ', subjectCurp: CURPS[i % 6]!, what: 'Person', fields: ['nss'] }])));
      // 64 rows a statement, one in flight while it is quick: the other 16 once the first is committed.
      expect(counting.statements.count - before).toBe(2);
      const [landed] = await t.database.sql<{ rows: number; requests: number }[]>`
        select count(*)::int as rows, count(distinct request_id)::int as requests from audit.access_events where request_id like 'together-%'`;
      expect(landed).toEqual({ rows: 80, requests: 80 });
      // One signature per statement, over its rows of several requests.
      const [signed] = await t.database.sql<{ signatures: number; trees: number[] }[]>`
        select count(distinct signature)::int as signatures, array_agg(distinct tree_size order by tree_size) as trees from audit.access_events where request_id like 'together-%'`;
      expect(signed).toEqual({ signatures: 2, trees: [16, 64] });
      const { findings } = await verifyTrail(t.database.sql, { keys: [key.publicKey], checkpoints: [] });
      expect(findings).toEqual([]);
    } finally {
      await counting.close();
    }
  });

  it('does not hold up every read behind one person whose chain another transaction holds', async () => {
    const grouped = openDatabase(t.url, { name: 'grouped-locks' });
    const holder = openDatabase(t.url, { name: 'lock-holder', max: 1 });
    try {
      const trailOf = (requestId: string, database = grouped) =>
        createAuditTrail({ database, subgraph: 'persons', viewer: officer, purpose: 'BIOMETRIC_CAPTURE:desk-2', requestId, case: null, exceptionReason: null, signer: createAuditSigner(key.privateKey) });
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      // A mutation's transaction that has appended its row for CURPS[0] keeps that chain's lock until it commits.
      const mutation = holder.db.transaction(async (tx) => {
        await trailOf('mutation', holder).append([{ action: 'WRITE', subjectCurp: CURPS[0]!, what: 'updateContactData', fields: ['email'] }], tx);
        locked();
        await released;
      });
      await isLocked;
      let blockedDone = false;
      const blocked = trailOf('blocked').append([{ action: 'READ', subjectCurp: CURPS[0]!, what: 'Person' }]).then(() => (blockedDone = true));
      await new Promise((resolve) => setTimeout(resolve, 50));
      // Another person's read goes in the second statement in flight and is committed meanwhile.
      await trailOf('free').append([{ action: 'READ', subjectCurp: CURPS[1]!, what: 'Person' }]);
      expect(blockedDone).toBe(false);
      release();
      await mutation;
      await blocked;
      const landed = await t.database.sql<{ request_id: string }[]>`select request_id from audit.access_events where request_id in ('mutation', 'blocked', 'free') order by seq`;
      expect(landed.map((r) => r.request_id)).toEqual(['mutation', 'free', 'blocked']);
    } finally {
      await grouped.close();
      await holder.close();
    }
  });
});

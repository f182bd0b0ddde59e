/**
 * The chain trigger finds a subject's last row through the chain index whatever the table's
 * statistics say. After an ANALYZE of an empty audit table (a fresh deploy, the scale seed) the
 * planner believed the table empty and each connection kept a sequential scan for the lookup in
 * its cached plan; with autovacuum off nothing re-analyzed the table, so every audit row cost a
 * scan of all the rows before it (at a million persons the queue fell from 23 to 8 req/s within
 * a minute of load). Migration 0017 plans the trigger without sequential scans.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createAuditTrail } from '../../subgraphs/shared/audit/audit-trail.ts';
import { createAuditSigner } from '../../subgraphs/shared/audit/row-signature.ts';
import type { Viewer } from '../../schema/identity/viewer.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const SUBJECTS = ['GOMA800101HDFRRN05', 'PEGJ850101HDFRRL04', 'SABC560626MDFLRN01'];
const staff: Viewer = { subject: 'staff-1', roles: ['CONSULATE_STAFF'], curp: null, consulateId: 'CON-LAX', employerRegistrations: [], bankId: null, subdelegation: null };

describe('audit chain lookup plan', () => {
  let t: TestDatabase;
  const signer = createAuditSigner(generateKeyPairSync('ed25519').privateKey);

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.drop());

  it('reads the chain index, not the whole table, after an ANALYZE that saw it empty', async () => {
    const scans = await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`analyze audit.access_events`);
      // One session, statement after statement: past PL/pgSQL's first five custom plans, so the
      // cached generic plan is the one in use, as in a long-lived pool connection.
      for (let request = 1; request <= 12; request++) {
        await createAuditTrail({ database: t.database, subgraph: 'persons', viewer: staff, purpose: null, requestId: `r${request}`, signer }).append(
          SUBJECTS.map((subjectCurp) => ({ action: 'READ' as const, subjectCurp, what: 'Person' })),
          tx,
        );
      }
      const rows = await tx.execute<{ seq_scan: number; idx_scan: number; inserted: number }>(sql`
        select seq_scan::int, idx_scan::int, n_tup_ins::int as inserted from pg_stat_xact_user_tables where schemaname = 'audit' and relname = 'access_events'`);
      return rows[0]!;
    });
    expect(scans.inserted).toBe(12 * SUBJECTS.length);
    expect(scans.seq_scan).toBe(0);
    expect(scans.idx_scan).toBeGreaterThanOrEqual(12 * SUBJECTS.length);
  });
});

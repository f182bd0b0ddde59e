/**
 * The access log is append-only and tamper-evident: UPDATE/DELETE/TRUNCATE are refused, and a row
 * rewritten behind the trigger's back (as a superuser could) breaks the per-person hash chain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { createAuditTrail } from '../../subgraphs/shared/audit/audit-trail.ts';
import { createAuditSigner } from '../../subgraphs/shared/audit/row-signature.ts';
import type { Viewer } from '../../schema/identity/viewer.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const SUBJECT = 'GOMA800101HDFRRN05';
const staff: Viewer = { subject: 'staff-1', roles: ['CONSULATE_STAFF'], curp: null, consulateId: 'CON-LAX', employerRegistrations: [], bankId: null, subdelegation: null };

describe('audit log', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    const signer = createAuditSigner(generateKeyPairSync('ed25519').privateKey);
    const trail = (requestId: string) => createAuditTrail({ database: t.database, subgraph: 'persons', viewer: staff, purpose: 'CASE:1', requestId, signer });
    // Concurrent writers of the same subject: the chain must not fork.
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        trail(`r${i}`).append([SUBJECT, 'PEGJ850101HDFRRL04'].map((subjectCurp) => ({ action: 'READ' as const, subjectCurp, what: 'Person' }))),
      ),
    );
  });
  afterAll(() => t?.drop());

  it('chains every row of a person, even under concurrent writers', async () => {
    const [row] = await t.database.sql`select count(*)::int as n, audit.verify_chain(${SUBJECT}) as broken from audit.access_events where subject_curp = ${SUBJECT}`;
    expect(row).toEqual({ n: 10, broken: null });
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(t.database.sql`update audit.access_events set purpose = 'x'`).rejects.toThrow(/append-only/);
    await expect(t.database.sql`delete from audit.access_events`).rejects.toThrow(/append-only/);
    await expect(t.database.sql`truncate audit.access_events`).rejects.toThrow(/append-only/);
  });

  it('detects a row rewritten behind the trigger (superuser), naming the first broken row', async () => {
    const [target] = await t.database.sql<{ seq: string }[]>`select e.seq::text as seq from audit.access_events e where e.subject_curp = ${SUBJECT} order by e.seq limit 1 offset 4`;
    await t.database.sql.begin(async (tx) => {
      await tx`alter table audit.access_events disable trigger access_events_append_only`;
      await tx`update audit.access_events set purpose = 'NOTHING TO SEE' where seq = ${target!.seq}`;
      await tx`alter table audit.access_events enable trigger access_events_append_only`;
    });
    const [row] = await t.database.sql`select audit.verify_chain(${SUBJECT})::text as broken`;
    expect(row!.broken).toBe(target!.seq);
    const [other] = await t.database.sql`select audit.verify_chain('PEGJ850101HDFRRL04') as broken`;
    expect(other!.broken).toBeNull();
  });
});

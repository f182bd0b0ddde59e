/**
 * The audit trail against someone with database access (docs/security.md, "Audit"): each attack
 * that the database's own hash chain cannot see is found by the verifier, from the rows'
 * signatures and the checkpoints published outside the database.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developmentRoleUrl } from '../../db/privileges.ts';
import type { Viewer } from '../../schema/identity/viewer.ts';
import { createAuditTrail } from '../../subgraphs/shared/audit/audit-trail.ts';
import { createCheckpointWriter, readCheckpoints } from '../../subgraphs/shared/audit/checkpoints.ts';
import { createAuditSigner } from '../../subgraphs/shared/audit/row-signature.ts';
import { verifyTrail } from '../../subgraphs/shared/audit/verify-trail.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const staff: Viewer = { subject: 'staff-1', roles: ['CONSULATE_STAFF'], curp: null, consulateId: 'CON-LAX', employerRegistrations: [], bankId: null, subdelegation: null };
const SUBJECTS = {
  intact: 'GOMA800101HDFRRN05',
  rewritten: 'SABC560626MDFLRN01',
  tail: 'MOTR930411HJCRMN03',
  all: 'PEGJ850101HDFRRL04',
  forged: 'AAPR630321HDFLRC09',
  middle: 'RAOS991231MDGMRF05',
  rechained: 'PUAO800505HSPNLS07',
  reproved: 'HEXJ550101HDFRXN00',
  downgraded: 'RIMR560202MJCVRS19',
};

describe('audit trail forgery', () => {
  let t: TestDatabase;
  const key = generateKeyPairSync('ed25519');
  const dir = mkdtempSync(join(tmpdir(), 'imss-checkpoints-'));
  const verify = async () => {
    const { checkpoints, invalid } = await readCheckpoints(dir, [key.publicKey]);
    expect(invalid).toEqual([]);
    const { findings } = await verifyTrail(t.database.sql, { keys: [key.publicKey], checkpoints });
    return Object.fromEntries(findings.map((f) => [f.subjectCurp, { problem: f.problem, seq: f.seq }]));
  };
  const seqsOf = async (curp: string) => (await t.database.sql<{ n: string }[]>`select seq::text as n from audit.access_events where subject_curp = ${curp} order by seq`).map((r) => Number(r.n));
  /** What an attacker with the owner's (or a superuser's) rights does behind the append-only trigger. */
  const behindTheTrigger = (statements: (tx: postgres.TransactionSql) => Promise<unknown>) =>
    t.database.sql.begin(async (tx) => {
      await tx`alter table audit.access_events disable trigger access_events_append_only`;
      await statements(tx);
      await tx`alter table audit.access_events enable trigger access_events_append_only`;
    });
  const rechain = (tx: postgres.TransactionSql, curp: string) => tx.unsafe(`do $$ declare r audit.access_events; prev bytea := null; begin
      for r in select * from audit.access_events where subject_curp = '${curp}' order by seq loop
        update audit.access_events set prev_hash = prev, hash = audit.chain_hash(prev, r) where id = r.id;
        prev := audit.chain_hash(prev, r);
      end loop; end $$`);

  beforeAll(async () => {
    t = await createTestDatabase();
    const trail = createAuditTrail({ database: t.database, subgraph: 'persons', viewer: staff, purpose: 'CASE:1', requestId: 'r1', signer: createAuditSigner(key.privateKey) });
    for (let i = 0; i < 4; i++) {
      await trail.append(Object.values(SUBJECTS).map((subjectCurp) => ({ action: 'READ' as const, subjectCurp, what: `Read ${i}` })));
    }
    await createCheckpointWriter({ sql: t.database.sql, privateKey: key.privateKey, publicKey: key.publicKey, dir }).checkpoint();
  });
  afterAll(() => t?.drop());

  it('an untouched trail verifies, each statement under one signature', async () => {
    expect(await verify()).toEqual({});
    const statements = await t.database.sql<{ rows: number; sizes: number[] }[]>`
      select count(*)::int as rows, array_agg(distinct tree_size) as sizes from audit.access_events group by signature`;
    expect(statements).toEqual(Array.from({ length: 4 }, () => ({ rows: 9, sizes: [9] })));
  });

  describe('after the attacks', () => {
    beforeAll(async () => {
      const rewritten = await seqsOf(SUBJECTS.rewritten);
      await behindTheTrigger(async (tx) => {
        await tx`update audit.access_events set purpose = 'NOTHING TO SEE' where seq = ${rewritten[1]!}`;
        await rechain(tx, SUBJECTS.rewritten);
      });
      const tail = await seqsOf(SUBJECTS.tail);
      await behindTheTrigger((tx) => tx`delete from audit.access_events where seq = ${tail.at(-1)!}`);
      await behindTheTrigger((tx) => tx`delete from audit.access_events where subject_curp = ${SUBJECTS.all}`);
      const middle = await seqsOf(SUBJECTS.middle);
      await behindTheTrigger((tx) => tx`delete from audit.access_events where seq = ${middle[1]!}`);
      const rechained = await seqsOf(SUBJECTS.rechained);
      await behindTheTrigger(async (tx) => {
        await tx`delete from audit.access_events where seq = ${rechained[1]!}`;
        await rechain(tx, SUBJECTS.rechained);
      });
      // A forged row from a subgraph's own login role: it may INSERT, but cannot sign as a subgraph.
      const enrollments = postgres(developmentRoleUrl('enrollments', t.url), { max: 1, onnotice: () => undefined });
      await enrollments`insert into audit.access_events (subject_curp, actor_subject, actor_role, subgraph, what, request_id, signature, signer)
        values (${SUBJECTS.forged}, 'someone', 'IMSS_OFFICER', 'persons', 'Person', 'forged', ${Buffer.alloc(64, 7)}, 'made-up')`;
      await enrollments.end();
      // The rows of one statement share a signature: another row's place and proof are valid ones,
      // but not for this row; nor is claiming the row was signed alone, as rows before 0018 were.
      const reproved = await seqsOf(SUBJECTS.reproved);
      const [swap] = await t.database.sql<{ seq: string; tree_index: number; proof: Buffer }[]>`
        select a.seq::text, b.tree_index, b.proof from audit.access_events a join audit.access_events b on b.signature = a.signature and b.id <> a.id
        where a.seq = ${reproved[1]!} limit 1`;
      await behindTheTrigger((tx) => tx`update audit.access_events set tree_index = ${swap!.tree_index}, proof = ${swap!.proof} where seq = ${swap!.seq}`);
      const downgraded = await seqsOf(SUBJECTS.downgraded);
      await behindTheTrigger((tx) => tx`update audit.access_events set tree_index = null, tree_size = null, proof = null where seq = ${downgraded[2]!}`);
    });

    it('finds each attack on the chain it touched, and nothing on the others', async () => {
      const findings = await verify();
      const rewritten = await seqsOf(SUBJECTS.rewritten);
      const forged = await seqsOf(SUBJECTS.forged);
      const middle = await seqsOf(SUBJECTS.middle);
      const reproved = await seqsOf(SUBJECTS.reproved);
      const downgraded = await seqsOf(SUBJECTS.downgraded);
      expect(findings).toEqual({
        [SUBJECTS.rewritten]: { problem: 'SIGNATURE', seq: rewritten[1] },
        [SUBJECTS.tail]: { problem: 'MISSING_TAIL', seq: expect.any(Number) },
        [SUBJECTS.all]: { problem: 'ALL_ROWS_MISSING', seq: null },
        [SUBJECTS.forged]: { problem: 'SIGNATURE', seq: forged.at(-1) },
        [SUBJECTS.middle]: { problem: 'CHAIN', seq: middle[1] },
        [SUBJECTS.rechained]: { problem: 'CHAIN', seq: expect.any(Number) },
        [SUBJECTS.reproved]: { problem: 'SIGNATURE', seq: reproved[1] },
        [SUBJECTS.downgraded]: { problem: 'SIGNATURE', seq: downgraded[2] },
      });
    });

    it("while the database's own chain check sees only the naive deletion", async () => {
      const broken = await t.database.sql<{ curp: string; seq: string | null }[]>`
        select s as curp, audit.verify_chain(s)::text as seq from unnest(${Object.values(SUBJECTS)}::text[]) s`;
      expect(broken.filter((r) => r.seq !== null).map((r) => r.curp)).toEqual([SUBJECTS.middle]);
    });
  });
});

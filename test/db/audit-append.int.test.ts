/**
 * The audit INSERT of reads is prepared once per pool (audit-trail.ts); inside a mutation, and for
 * batches larger than the prepared sizes, drizzle builds it. Both must store the same row: SQL NULL
 * where a value is absent (a jsonb 'null' would change the chain hash), the same fields, and a
 * signature and chain that verify.
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../schema/identity/viewer.ts';
import { createAuditTrail, type AuditEvent } from '../../subgraphs/shared/audit/audit-trail.ts';
import { createAuditSigner } from '../../subgraphs/shared/audit/row-signature.ts';
import { verifyTrail } from '../../subgraphs/shared/audit/verify-trail.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const officer: Viewer = { subject: 'officer-1', roles: ['IMSS_OFFICER'], curp: null, consulateId: null, employerRegistrations: [], bankId: null, subdelegation: '01' };
const CURPS = ['GOMA800101HDFRRN05', 'SABC560626MDFLRN01', 'MOTR930411HJCRMN03', 'PEGJ850101HDFRRL04', 'AAPR630321HDFLRC09', 'RAOS991231MDGMRF05', 'PUAO800505HSPNLS07', 'HEXJ550101HDFRXN00', 'RIMR560202MJCVRS19'];

describe('audit appends: prepared and built INSERTs', () => {
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

  it('stores the same rows whether the INSERT was prepared, built for a large batch, or run in a transaction', async () => {
    await trail('prepared').append(events(CURPS.slice(0, 2))); // 6 rows: prepared
    await trail('built').append(events(CURPS.slice(0, 2)).concat(events(CURPS.slice(2, 4)))); // 12 rows: built
    await t.database.db.transaction((tx) => trail('in-transaction').append(events(CURPS.slice(0, 2)), tx));

    const prepared = await rowsOf('prepared');
    expect(prepared).toHaveLength(6);
    expect(prepared.find((r) => r.what === 'Person' && r.subject_curp === CURPS[0])).toMatchObject({ fields: ['nss', 'curp'], case_id: 'case-1', purpose: 'BIOMETRIC_CAPTURE:desk-2' });
    expect(prepared.find((r) => r.what === 'Clinic' && r.subject_curp === CURPS[1])).toMatchObject({ fields: null, fields_is_null: true, case_id: null, exception_reason: null });
    expect(prepared.find((r) => r.action === 'REFUSED')).toMatchObject({ reason: 'CASE_REQUIRED', fields_is_null: true });
    const built = (await rowsOf('built')).filter((r) => CURPS.slice(0, 2).includes(r.subject_curp));
    expect(prepared).toEqual(built);
    expect(prepared).toEqual(await rowsOf('in-transaction'));

    const { findings } = await verifyTrail(t.database.sql, { keys: [key.publicKey], checkpoints: [] });
    expect(findings).toEqual([]);
  });
});

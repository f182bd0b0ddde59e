/**
 * Sealed templates in PostgreSQL: the round trip through the repository, tamper detection on the
 * stored bytes, the triggers that keep history and shredding final, and the master key rotation
 * (`npm run biometrics:rewrap`) completed, interrupted mid-batch, killed and resumed.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { consentRecords, templateRecords } from '../../../db/schema/biometrics.ts';
import { openTemplate, sealTemplate } from '../../../subgraphs/biometrics/crypto/envelope.ts';
import { TemplateIntegrityError } from '../../../subgraphs/biometrics/crypto/errors.ts';
import { createMasterKeyRing, type MasterKeyRing } from '../../../subgraphs/biometrics/crypto/key-ring.ts';
import { txQueries, type SealedRecord } from '../../../subgraphs/biometrics/repository.ts';
import { rewrapAll } from '../../../subgraphs/biometrics/rotation/rewrap.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { thrown } from '../../unit/biometrics/support.ts';

const root = new URL('../../..', import.meta.url).pathname;
const K1 = { id: 'k1', key: randomBytes(32) };
const K2 = { id: 'k2', key: randomBytes(32) };
const ringK1 = createMasterKeyRing([K1], 'k1');
const ringBoth = createMasterKeyRing([K1, K2], 'k2');
const env = (ring: 'both') => ({
  BIOMETRIC_MASTER_KEYS: `k1:${K1.key.toString('base64')},k2:${K2.key.toString('base64')}`,
  BIOMETRIC_MASTER_KEY_ID: ring === 'both' ? 'k2' : 'k1',
});

/** `count` people with one sealed fingerprint each (synthetic CURP-shaped keys); returns their plaintexts by record id. */
async function enrol(t: TestDatabase, count: number, ring: MasterKeyRing, prefix: string): Promise<Map<string, Buffer>> {
  const plaintexts = new Map<string, Buffer>();
  await t.database.db.transaction(async (tx) => {
    for (let i = 0; i < count; i += 1) {
      const curp = `${prefix}${String(i).padStart(18 - prefix.length, '0')}`;
      const [consent] = await tx.insert(consentRecords).values({ curp, purpose: 'test', grantedAt: new Date(), office: '01', officerRole: 'IMSS_OFFICER', officerSubject: 'test' }).returning();
      const id = randomUUID();
      const template = randomBytes(200);
      const sealed = sealTemplate(template, { recordId: id, curp, modality: 'FINGERPRINT' }, ring);
      await txQueries.insertTemplate(tx, {
        id, curp, modality: 'FINGERPRINT', fingerPosition: 'RIGHT_INDEX', quality: 70, device: 'test', office: '01', capturedByRole: 'IMSS_OFFICER',
        capturedBySubject: 'test', consentId: consent!.id, format: 'ISO_19794_2_2005', sealVersion: 1, capturedAt: new Date(),
        ciphertext: sealed.ciphertext, iv: sealed.iv, authTag: sealed.authTag, wrappedKey: sealed.wrappedKey, wrapIv: sealed.wrapIv, wrapTag: sealed.wrapTag, masterKeyId: sealed.masterKeyId,
      });
      plaintexts.set(id, template);
    }
  });
  return plaintexts;
}

async function sealedRecords(t: TestDatabase, prefix: string): Promise<SealedRecord[]> {
  const rows = await t.database.sql<{ curp: string }[]>`select curp from biometrics.template_records where curp like ${`${prefix}%`} order by curp`;
  return t.database.db.transaction(async (tx) => (await Promise.all(rows.map((r) => txQueries.sealedActiveTemplates(tx, r.curp, 'FINGERPRINT', null)))).flat());
}

const open = (record: SealedRecord, ring: MasterKeyRing) => openTemplate(record.sealed, { recordId: record.id, curp: record.curp, modality: record.modality }, ring);
const keyCounts = async (t: TestDatabase, prefix: string) =>
  Object.fromEntries((await t.database.sql<{ k: string; n: number }[]>`
    select master_key_id as k, count(*)::int as n from biometrics.template_records where curp like ${`${prefix}%`} group by 1`).map((r) => [r.k, r.n]));

/** Runs `npm run biometrics:rewrap`'s entry point; resolves with its output and exit code, or kills it at `killWhen`. */
function runCli(t: TestDatabase, args: string[], killWhen?: (output: string) => boolean): Promise<{ output: string; code: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'subgraphs/biometrics/rotation/rewrap-cli.ts', ...args], {
      cwd: root,
      env: { ...process.env, ...env('both'), BIOMETRICS_DATABASE_URL: t.url, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (killWhen?.(output) && child.exitCode === null) child.kill('SIGKILL');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve({ output, code, signal }));
  });
}

describe('sealed templates in the database', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.drop());

  it('round-trips: sealed, stored, read back through the repository and opened to the same bytes', async () => {
    const plaintexts = await enrol(t, 1, ringK1, 'RTRIP');
    const [record] = await sealedRecords(t, 'RTRIP');
    expect(open(record!, ringK1)).toEqual(plaintexts.get(record!.id));
    const [row] = await t.database.sql<{ ciphertext: Buffer }[]>`select ciphertext from biometrics.template_records where id = ${record!.id}`;
    expect(row!.ciphertext.equals(plaintexts.get(record!.id)!)).toBe(false);
  });

  it('detects a byte changed in the stored ciphertext (by someone who bypasses the triggers)', async () => {
    await enrol(t, 1, ringK1, 'TAMPER');
    await t.database.sql.begin(async (sql) => {
      await sql`set local session_replication_role = replica`;
      await sql`update biometrics.template_records set ciphertext = set_byte(ciphertext, 5, get_byte(ciphertext, 5) # 1) where curp like 'TAMPER%'`;
    });
    const [record] = await sealedRecords(t, 'TAMPER');
    const error = thrown(() => open(record!, ringK1));
    expect(error).toBeInstanceOf(TemplateIntegrityError);
    expect((error as TemplateIntegrityError).details.reason).toBe('TEMPLATE_AUTHENTICATION_FAILED');
  });

  it("refuses an envelope copied onto another person's record", async () => {
    await enrol(t, 2, ringK1, 'COPYA');
    await t.database.sql.begin(async (sql) => {
      await sql`set local session_replication_role = replica`;
      await sql`update biometrics.template_records b set ciphertext = a.ciphertext, iv = a.iv, auth_tag = a.auth_tag, wrapped_key = a.wrapped_key, wrap_iv = a.wrap_iv, wrap_tag = a.wrap_tag
        from biometrics.template_records a where a.curp = 'COPYA0000000000000' and b.curp = 'COPYA0000000000001'`;
    });
    const records = await sealedRecords(t, 'COPYA');
    expect((thrown(() => open(records[1]!, ringK1)) as TemplateIntegrityError).details.reason).toBe('DATA_KEY_UNWRAP_FAILED');
  });

  it('refuses, in the database itself, changing a stored ciphertext or restoring a destroyed data key', async () => {
    await enrol(t, 1, ringK1, 'TRIGGER');
    await expect(t.database.sql`update biometrics.template_records set ciphertext = '\\x00' where curp like 'TRIGGER%'`).rejects.toThrow(/content and binding never change/);
    await t.database.sql`update biometrics.template_records set wrapped_key = null, shredded_at = now(), active = false where curp like 'TRIGGER%'`;
    await expect(t.database.sql`update biometrics.template_records set wrapped_key = wrap_tag || wrap_tag, shredded_at = null where curp like 'TRIGGER%'`).rejects.toThrow(/stays shredded/);
    await expect(t.database.sql`delete from biometrics.template_records where curp like 'TRIGGER%'`).rejects.toThrow(/never deleted/);
  });
});

describe('master key rotation', () => {
  // A database per test: the rotation visits every record of the table.
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(() => t?.drop());

  it('re-wraps every data key under the new key without touching the template ciphertext; a second run has nothing to do', async () => {
    const plaintexts = await enrol(t, 7, ringK1, 'ROTA');
    const before = await t.database.sql<{ id: string; ciphertext: Buffer }[]>`select id, ciphertext from biometrics.template_records where curp like 'ROTA%'`;
    const progress: number[] = [];
    const report = await rewrapAll(t.database, ringBoth, { batchSize: 3, onProgress: (p) => progress.push(p.rewrapped) });
    expect(report).toMatchObject({ pendingAtStart: 7, rewrapped: 7, remaining: 0, failures: [] });
    expect(progress).toEqual([3, 6, 7]);
    expect(await keyCounts(t, 'ROTA')).toEqual({ k2: 7 });
    const after = await t.database.sql<{ id: string; ciphertext: Buffer }[]>`select id, ciphertext from biometrics.template_records where curp like 'ROTA%'`;
    expect(after.map((r) => r.ciphertext.toString('hex')).sort()).toEqual(before.map((r) => r.ciphertext.toString('hex')).sort());
    // Opens with the new key alone: the old one can leave the ring.
    for (const record of await sealedRecords(t, 'ROTA')) expect(open(record, createMasterKeyRing([K2], 'k2'))).toEqual(plaintexts.get(record.id));
    expect(await rewrapAll(t.database, ringBoth, { batchSize: 3 })).toMatchObject({ pendingAtStart: 0, rewrapped: 0, remaining: 0 });
  });

  it('reports a record it cannot re-wrap and re-wraps the others', async () => {
    const orphanRing = createMasterKeyRing([{ id: 'k0', key: randomBytes(32) }], 'k0');
    await enrol(t, 1, orphanRing, 'ORPHAN');
    await enrol(t, 2, ringK1, 'FINE');
    const report = await rewrapAll(t.database, ringBoth, { batchSize: 2 });
    expect(report.failures).toEqual([{ id: expect.any(String), reason: 'UNKNOWN_MASTER_KEY' }]);
    expect(report).toMatchObject({ rewrapped: 2, remaining: 1 });
    expect(await keyCounts(t, 'FINE')).toEqual({ k2: 2 });
  });

  it('interrupted in the middle of a batch: the batch rolls back whole, and a re-run completes', async () => {
    const plaintexts = await enrol(t, 6, ringK1, 'CRASH');
    const ids = (await t.database.sql<{ id: string }[]>`select id from biometrics.template_records where curp like 'CRASH%' and master_key_id = 'k1' order by id`).map((r) => r.id);
    // Fail the 5th update (second record of the second batch of 3), as a crash would.
    await t.database.sql.unsafe(`
      create function biometrics.test_crash() returns trigger language plpgsql as $$ begin raise exception 'simulated crash'; end $$;
      create trigger test_crash before update on biometrics.template_records for each row when (old.id = '${ids[4]}') execute function biometrics.test_crash();`);
    const crash = await rewrapAll(t.database, ringBoth, { batchSize: 3 }).catch((error: Error) => error);
    expect(String((crash as Error & { cause?: Error }).cause?.message)).toMatch(/simulated crash/);
    // The first batch committed; the second, where the crash happened, left every record under k1.
    expect(await keyCounts(t, 'CRASH')).toEqual({ k1: 3, k2: 3 });
    const underK1 = (await t.database.sql<{ id: string }[]>`select id from biometrics.template_records where curp like 'CRASH%' and master_key_id = 'k1' order by id`).map((r) => r.id);
    expect(underK1).toEqual(ids.slice(3));
    for (const record of await sealedRecords(t, 'CRASH')) expect(open(record, ringBoth)).toEqual(plaintexts.get(record.id));

    await t.database.sql.unsafe(`drop trigger test_crash on biometrics.template_records; drop function biometrics.test_crash();`);
    const report = await rewrapAll(t.database, ringBoth, { batchSize: 3 });
    expect(report).toMatchObject({ pendingAtStart: 3, rewrapped: 3, remaining: 0 });
    for (const record of await sealedRecords(t, 'CRASH')) expect(open(record, createMasterKeyRing([K2], 'k2'))).toEqual(plaintexts.get(record.id));
  });

  it('killed (SIGKILL) while running, then run again: prints progress and ends with every key re-wrapped', async () => {
    const plaintexts = await enrol(t, 8, ringK1, 'KILL');
    const first = await runCli(t, ['--batch-size', '2', '--pause-ms', '1500'], (output) => /re-wrapped 2\//.test(output));
    expect(first.signal).toBe('SIGKILL');
    expect(first.output).toMatch(/^8 data keys to re-wrap under "k2"/);
    const midway = await keyCounts(t, 'KILL');
    expect(midway.k2).toBeGreaterThanOrEqual(2);
    expect(midway.k1).toBeGreaterThanOrEqual(1);
    for (const record of await sealedRecords(t, 'KILL')) expect(open(record, ringBoth)).toEqual(plaintexts.get(record.id));

    const second = await runCli(t, ['--batch-size', '2']);
    expect(second.output).toMatch(new RegExp(`^${midway.k1} data keys to re-wrap`));
    expect(second.output).toContain(`re-wrapped ${midway.k1}/${midway.k1} under "k2"`);
    expect(second.output).toMatch(/done: \d+ re-wrapped this run, 0 failed, 0 left under other keys/);
    expect(second.code).toBe(0);
    expect(await keyCounts(t, 'KILL')).toEqual({ k2: 8 });
    for (const record of await sealedRecords(t, 'KILL')) expect(open(record, createMasterKeyRing([K2], 'k2'))).toEqual(plaintexts.get(record.id));
  }, 60_000);
});

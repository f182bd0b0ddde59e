/**
 * The statistics summary's change counter (migration 0016): every transaction that changes the
 * summary adds exactly one at its commit, whoever writes it (the row triggers, a bulk upsert, the
 * rebuild); a rolled-back one adds nothing. Statistics are answered from the last table while it
 * stands, so a write that did not move it would stay unseen.
 */
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { testCurp } from '../support/enrollments.ts';

describe('statistics change counter', () => {
  let t: TestDatabase;
  const changes = async () => Number((await t.database.sql<{ n: string }[]>`select sum(changes)::text as n from enrollments.statistics_changes`)[0]!.n);
  const enroll = (n: number, start: string, sql: postgres.Sql | postgres.TransactionSql = t.database.sql) =>
    sql`insert into enrollments.enrollments (curp, kind, modality, start_date, country) values (${testCurp(n, '1980-01-01', 'H')}, 'VOLUNTARY_CONTINUATION', '40', ${start}, 'MX')`;

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.drop());

  it('starts at zero in sixteen slots', async () => {
    const rows = await t.database.sql`select slot, changes from enrollments.statistics_changes order by slot`;
    expect(rows.map((r) => [r.slot, Number(r.changes)])).toEqual(Array.from({ length: 16 }, (_, i) => [i, 0]));
  });

  it('adds one per committed transaction however many summary rows it changed, none for a rollback', async () => {
    const start = await changes();
    await enroll(401, '2025-01-15');
    expect(await changes()).toBe(start + 1);
    // Three enrollments in three months: three summary rows, one transaction.
    await t.database.sql.begin(async (tx) => {
      for (const [n, day] of [[402, '2025-02-01'], [403, '2025-03-01'], [404, '2025-04-01']] as const) await enroll(n, day, tx);
    });
    expect(await changes()).toBe(start + 2);
    await t.database.sql.begin(async (tx) => {
      await enroll(405, '2025-05-01', tx);
      throw new Error('roll back');
    }).catch(() => undefined);
    expect(await changes()).toBe(start + 2);
  });

  it('counts a rebuild and a direct write to the summary too', async () => {
    const start = await changes();
    await t.database.sql`select enrollments.rebuild_statistics()`;
    expect(await changes()).toBe(start + 1);
    await t.database.sql`update enrollments.enrollment_statistics set enrollments = enrollments where false`;
    expect(await changes()).toBe(start + 1);
    await t.database.sql`update enrollments.enrollment_statistics set enrollments = enrollments + 0 where month = '2025-01-01'`;
    expect(await changes()).toBe(start + 2);
  });
});

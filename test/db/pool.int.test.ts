/**
 * The pool as the deployed processes open it (db/client.ts): no `debug` hook, so postgres.js builds
 * no stack trace per query and a failed statement's bound values stay off its error's enumerable
 * fields; its open connections still reach /metrics, counted from the connections statements are
 * written to (db/instrumentation.ts), transactions included. Counting statements is the tests' and
 * the benchmark's option.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../db/client.ts';
import { createServiceMetrics, type ServiceMetrics } from '../../schema/runtime/metrics.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const POOL_SIZE = 3;

async function gauge(metrics: ServiceMetrics): Promise<number> {
  return (await metrics.db.connectionsOpen.get()).values[0]?.value ?? 0;
}

describe('database pool', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.drop());

  describe('as deployed', () => {
    let metrics: ServiceMetrics;
    let pool: Database;
    beforeAll(() => {
      metrics = createServiceMetrics({ service: 'pool-test' });
      pool = openDatabase(t.url, { name: 'pool-test', max: POOL_SIZE, metrics: metrics.db });
    });
    afterAll(() => pool?.close());

    it('counts the connections it opens on /metrics, and no statements', async () => {
      expect(await gauge(metrics)).toBe(0);
      await pool.db.execute(sql`select 1`);
      expect(await gauge(metrics)).toBe(1);
      // As many statements at once as connections: each gets its own.
      const pids = await Promise.all(Array.from({ length: POOL_SIZE }, () => pool.db.execute<{ pid: number }>(sql`select pg_backend_pid() as pid, pg_sleep(0.1)`)));
      expect(new Set(pids.map((rows) => rows[0]!.pid)).size).toBe(POOL_SIZE);
      expect(await gauge(metrics)).toBe(POOL_SIZE);
      expect(pool.statements.count).toBe(0);
    });

    it('keeps a transaction on one connection (its own execute hook still reserves it)', async () => {
      const [first, second, setting] = await pool.db.transaction(async (tx) => {
        const a = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
        await tx.execute(sql`set local application_name = 'pool-test-tx'`);
        // Another statement outside the transaction meanwhile must not land on its connection.
        const [outside] = await Promise.all([pool.db.execute<{ name: string }>(sql`select current_setting('application_name') as name`), tx.execute(sql`select pg_sleep(0.05)`)]);
        const b = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
        const c = await tx.execute<{ name: string }>(sql`select current_setting('application_name') as name`);
        expect(outside[0]!.name).toBe('imss-pool-test');
        return [a[0]!.pid, b[0]!.pid, c[0]!.name];
      });
      expect(second).toBe(first);
      expect(setting).toBe('pool-test-tx');
      expect(await gauge(metrics)).toBeLessThanOrEqual(POOL_SIZE);
    });

    it("keeps a failed statement's bound values off its error's enumerable fields", async () => {
      const error = await pool.db.execute(sql`select ${'GOMA800101HDFRRN05'}::int`).then(
        () => null,
        (e: unknown) => e as Error & { cause?: unknown },
      );
      expect(error).not.toBeNull();
      const postgresError = (error!.cause ?? error) as object;
      expect(Object.keys(postgresError)).not.toContain('parameters');
      expect(JSON.stringify(postgresError)).not.toContain('GOMA800101HDFRRN05');
    });

    it('drops a closed connection from the gauge', async () => {
      await pool.close();
      expect(await gauge(metrics)).toBe(0);
    });
  });

  it('counts every statement when opened for counting (tests, the benchmark)', async () => {
    const seen: string[] = [];
    const counting = openDatabase(t.url, { name: 'pool-count', max: 1, onStatement: (text) => seen.push(text) });
    try {
      await counting.db.execute(sql`select 1`);
      await counting.db.transaction(async (tx) => {
        await tx.execute(sql`select 2`);
      });
      // A new connection first reads the database's types; then select 1; begin, select 2, commit.
      expect(counting.statements.count).toBe(seen.length);
      expect(seen.slice(-4).map((text) => text.trim().split(/\s+/)[0]!.toLowerCase())).toEqual(['select', 'begin', 'select', 'commit']);
      expect(seen.at(-1)!.trim()).toBe('commit');
    } finally {
      await counting.close();
    }
  });
});

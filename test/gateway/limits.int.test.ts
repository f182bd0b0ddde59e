/**
 * Operation limits, rate limiting, CSRF prevention, error masking and partial results when a
 * subgraph is down — all through the gateway over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisRateLimiter } from '../../gateway/rate-limit.ts';
import { startSeededSystem, type SeededSystem } from '../support/seeded-system.ts';

describe('gateway protections', () => {
  let system: SeededSystem;
  let insured: string;

  beforeAll(async () => {
    system = await startSeededSystem({ env: { MAX_DEPTH: '6', MAX_ALIASES: '3', RATE_LIMIT_PER_MINUTE: '25', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000' } });
    insured = await system.token('INSURED');
  });
  afterAll(() => system?.close());

  it('rejects queries deeper than the limit with a clear error', async () => {
    const res = await system.query(`{ me { enrollments { person { appointments { consulate { queue { person { curp } } } } } } } }`, {}, { token: insured });
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.message).toMatch(/depth/i);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('rejects too many aliases', async () => {
    const res = await system.query(`{ a: consulates { id } b: consulates { id } c: consulates { id } d: consulates { id } e: consulates { id } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('refuses batched requests', async () => {
    const res = await fetch(system.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ consulates { id } }' }, { query: '{ consulates { id } }' }]),
    });
    expect(res.status).toBe(400);
  });

  it('prevents CSRF: a simple GET without a preflight header is refused', async () => {
    const res = await fetch(`${system.gateway.url}?query=${encodeURIComponent('{ consulates { id } }')}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/i);
  });

  it('masks internal errors and keeps client-safe codes', async () => {
    // A literal fails validation in the subgraph; the rule that failed travels in `issues`.
    const res = await system.query(`{ person(curp: "NOT-A-CURP") { curp } }`, {}, { token: insured });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', issues: [{ code: 'CURP_LENGTH' }] });
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|node_modules|at .*\.ts/);
  });

  it('limits each client identity per minute with 429, Retry-After and RateLimit headers', async () => {
    const token = await system.token('ANALYST', { subject: 'rate-limited-analyst' });
    // The windows are whole minutes: start early in one, so the 27 requests fall in the same window.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 30_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 50));
    const statuses: number[] = [];
    let last: Awaited<ReturnType<SeededSystem['query']>> | undefined;
    for (let i = 0; i < 27; i++) {
      last = await system.query(`{ enrollmentStatistics { kind } }`, {}, { token });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 25).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(25)).toEqual([429, 429]);
    expect(last!.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another identity has its own budget.
    const other = await system.query(`{ enrollmentStatistics { kind } }`, {}, { token: await system.token('ANALYST', { subject: 'another-analyst' }) });
    expect(other.status).toBe(200);
    expect(Number(other.headers.get('ratelimit-remaining'))).toBe(24);
  });

  it('keeps serving a partial result when a subgraph is down', async () => {
    await system.subgraphs.biometrics.http.close();
    const res = await system.query(`{ me { curp biometricStatus { consentInForce } } }`, {}, { token: insured });
    expect(res.status).toBe(200);
    expect((res.data as any).me.curp).toBe(system.insuredCurp);
    expect((res.data as any).me.biometricStatus).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'biometrics' });
    expect(JSON.stringify(res.errors)).not.toContain('127.0.0.1');
  });
});

describe.runIf(process.env.TEST_REDIS_URL)('rate limiting shared through Redis', () => {
  it('two gateway replicas count against the same budget', async () => {
    const a = createRedisRateLimiter(process.env.TEST_REDIS_URL!);
    const b = createRedisRateLimiter(process.env.TEST_REDIS_URL!);
    const key = `test:${Date.now()}:${Math.random()}`;
    const results = [await a.hit(key, 3), await b.hit(key, 3), await a.hit(key, 3), await b.hit(key, 3)];
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    await a.close();
    await b.close();
  });
});

describe('rate limiting when Redis is unreachable', () => {
  it('falls back to per-replica memory counters instead of failing requests', async () => {
    const errors: unknown[] = [];
    const limiter = createRedisRateLimiter('redis://127.0.0.1:1', Date.now, (e) => errors.push(e));
    const results = [await limiter.hit('k', 2), await limiter.hit('k', 2), await limiter.hit('k', 2)];
    expect(results.map((r) => r.allowed)).toEqual([true, true, false]);
    expect(errors.length).toBeGreaterThan(0);
    await limiter.close().catch(() => undefined);
  });
});

describe('production mode', () => {
  let system: SeededSystem;
  beforeAll(async () => {
    system = await startSeededSystem({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => system?.close());

  it('turns introspection off', async () => {
    const res = await system.query(`{ __schema { types { name } } }`, {}, { token: await system.token('INSURED') });
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it('serves no landing page', async () => {
    const res = await fetch(system.gateway.url, { headers: { accept: 'text/html' } });
    expect(await res.text()).not.toMatch(/<html/i);
  });

  it('hides field suggestions that would leak the schema', async () => {
    const res = await system.query(`{ consulatez { id } }`);
    expect(res.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('hides enum value suggestions too', async () => {
    const res = await system.query(`{ voluntaryEnrollmentEligibility(input: { nationality: MEXICANO, documents: [] }) { eligible } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toMatch(/MEXICANO/);
    expect(res.errors?.[0]?.message).not.toMatch(/Did you mean|MEXICAN"/);
  });
});

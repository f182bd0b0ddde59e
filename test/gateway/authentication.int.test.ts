/**
 * Authentication at the edges, through the gateway over HTTP: a 401 names its scheme
 * (WWW-Authenticate, RFC 9110 §11.6.1) at the gateway and at every subgraph; failed
 * authentications count against the caller's address and end in 429 (brute force), in memory
 * and in Redis under a configurable key prefix; and an employer with hundreds of registrations
 * and a long purpose is served, not refused by a subgraph's token limit.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisRateLimiter } from '../../gateway/rate-limit.ts';
import { SUBGRAPH_NAMES } from '../../schema/subgraphs.ts';
import { gatewayTokenFor, identityFor } from '../support/gateway-token.ts';
import { startSeededSystem, type SeededSystem } from '../support/seeded-system.ts';

/** The same token with its signature's first character changed: well-formed, and invalid. */
const corrupted = (token: string) => {
  const [header, payload, signature] = token.split('.');
  return `${header}.${payload}.${signature![0] === 'A' ? 'B' : 'A'}${signature!.slice(1)}`;
};

/** Counting windows are whole minutes: start early in one, so a run never straddles two. */
async function earlyInAMinute(): Promise<void> {
  const into = Date.now() % 60_000;
  if (into > 40_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - into + 50));
}

describe('401 responses name their scheme', () => {
  let system: SeededSystem;
  beforeAll(async () => {
    system = await startSeededSystem({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  });
  afterAll(() => system?.close());

  it('at the gateway: Bearer, for an invalid token and for a header that is not a Bearer token', async () => {
    for (const authorization of [`Bearer ${corrupted(await system.token('INSURED'))}`, 'Basic dXNlcjpwYXNz']) {
      const res = await system.query(`{ me { curp } }`, {}, { headers: { authorization } });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('at every subgraph: its own scheme, for a call without the gateway’s token or with one for another subgraph', async () => {
    const identity = identityFor({ sub: 'someone', roles: ['ANALYST'] });
    for (const name of SUBGRAPH_NAMES) {
      const elsewhere = await gatewayTokenFor(system, name === 'persons' ? 'biometrics' : 'persons', identity);
      for (const headers of [{}, { 'x-imss-identity': elsewhere }] as Record<string, string>[]) {
        const res = await system.post(system.subgraphs[name].http.url, { query: '{ _service { sdl } }' }, headers);
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe(`IMSS-Identity realm="${name}", error="invalid_token"`);
      }
    }
  });

  it('serves an employer with 415 registrations and a 200-character purpose (no subgraph token limit in the way)', async () => {
    const registrations = ['Y1234567101', ...Array.from({ length: 414 }, (_, i) => `Z${String(i).padStart(7, '0')}101`)];
    const token = await system.token('EMPLOYER', { claims: { employer_registrations: registrations } });
    const res = await system.query<{ employerEnrollments: unknown[] }>(`{ employerEnrollments { id person { curp } } }`, {}, { token, purpose: `GENERAL_ADVICE:${'x'.repeat(185)}` });
    expect(res.errors).toBeUndefined();
    expect(res.status).toBe(200);
    expect(res.data?.employerEnrollments.length).toBeGreaterThan(0);
  });
});

async function expectBruteForceStopped(system: SeededSystem, threshold: number) {
  const known = await system.token('ANALYST', { subject: 'analyst-behind-the-same-address' });
  expect((await system.query(`{ enrollmentStatistics { kind } }`, {}, { token: known })).status).toBe(200);
  await earlyInAMinute();
  const bad = `Bearer ${corrupted(await system.token('INSURED'))}`;
  const responses = [];
  for (let i = 0; i < 100; i++) responses.push(await system.query(`{ me { curp } }`, {}, { headers: { authorization: bad } }));
  expect(responses.slice(0, threshold).map((r) => r.status)).toEqual(Array(threshold).fill(401));
  expect(responses.slice(threshold).map((r) => r.status)).toEqual(Array(100 - threshold).fill(429));
  const last = responses.at(-1)!;
  expect(last.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);

  // Whoever guesses gets 429 even for a valid token the gateway has not seen: no oracle.
  const fresh = await system.token('INSURED', { subject: 'never-seen-before' });
  expect((await system.query(`{ me { curp } }`, {}, { token: fresh })).status).toBe(429);
  // Callers behind the same address with a token in use, and anonymous ones, are served.
  expect((await system.query(`{ enrollmentStatistics { kind } }`, {}, { token: known })).status).toBe(200);
  expect((await system.query(`{ consulates { id } }`)).status).toBe(200);
}

describe('brute force: failed authentications count against the address (memory)', () => {
  let system: SeededSystem;
  beforeAll(async () => {
    system = await startSeededSystem({ env: { AUTH_FAILURES_PER_MINUTE: '10', RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000' } });
  });
  afterAll(() => system?.close());

  it('answers 401 up to the threshold, then 429 with Retry-After', async () => {
    await expectBruteForceStopped(system, 10);
  });
});

describe.runIf(process.env.TEST_REDIS_URL)('brute force and rate limits in a shared Redis, under a key prefix', () => {
  const prefix = `test-${randomUUID()}:rl:`;
  let system: SeededSystem;
  let redis: Redis;
  beforeAll(async () => {
    redis = new Redis(process.env.TEST_REDIS_URL!);
    system = await startSeededSystem({
      env: { REDIS_URL: process.env.TEST_REDIS_URL!, RATE_LIMIT_REDIS_PREFIX: prefix, AUTH_FAILURES_PER_MINUTE: '12', RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000' },
    });
  });
  afterAll(async () => {
    await system?.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('counts failed authentications in Redis: 401 up to the threshold, then 429', async () => {
    await expectBruteForceStopped(system, 12);
    const keys = await redis.keys(`${prefix}*`);
    expect(keys.some((key) => key.includes(':authfail:ip:'))).toBe(true);
    expect(keys.every((key) => key.startsWith(prefix))).toBe(true);
  });

  it('keeps deployments with different prefixes apart, and replicas with the same prefix together', async () => {
    const key = `test:${randomUUID()}`;
    const a = createRedisRateLimiter(process.env.TEST_REDIS_URL!, Date.now, undefined, `${prefix}a:`);
    const a2 = createRedisRateLimiter(process.env.TEST_REDIS_URL!, Date.now, undefined, `${prefix}a:`);
    const b = createRedisRateLimiter(process.env.TEST_REDIS_URL!, Date.now, undefined, `${prefix}b:`);
    await earlyInAMinute();
    expect([(await a.hit(key, 2)).allowed, (await a2.hit(key, 2)).allowed, (await a.hit(key, 2)).allowed]).toEqual([true, true, false]);
    expect((await b.hit(key, 2)).allowed).toBe(true);
    expect((await b.peek(key, 2)).remaining).toBe(0);
    await Promise.all([a.close(), a2.close(), b.close()]);
  });
});

import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../../../gateway/config.ts';
import { createMemoryRateLimiter } from '../../../gateway/rate-limit.ts';

describe('gateway configuration', () => {
  it('defaults to development: introspection on, local subgraph URLs', () => {
    const config = loadGatewayConfig({});
    expect(config.production).toBe(false);
    expect(config.introspection).toBe(true);
    expect(config.subgraphUrls.persons).toBe('http://127.0.0.1:4001/graphql');
  });

  it('production turns introspection off unless asked, and honours per-subgraph URLs', () => {
    const config = loadGatewayConfig({ NODE_ENV: 'production', PERSONS_URL: 'http://127.0.0.1:9001/graphql' });
    expect(config.introspection).toBe(false);
    expect(config.subgraphUrls.persons).toBe('http://127.0.0.1:9001/graphql');
  });

  it('gives each subgraph its own timeout, the default for the others', () => {
    const config = loadGatewayConfig({ SUBGRAPH_TIMEOUT_MS: '4000', BIOMETRICS_TIMEOUT_MS: '1500' });
    expect(config.resilience.timeoutMs).toEqual({ persons: 4000, enrollments: 4000, appointments: 4000, biometrics: 1500 });
  });

  it('reads the circuit, retry, supergraph, brute-force and Redis prefix settings', () => {
    const config = loadGatewayConfig({
      CIRCUIT_FAILURE_THRESHOLD: '3',
      CIRCUIT_OPEN_MS: '2500',
      SUBGRAPH_QUERY_RETRIES: '0',
      SUPERGRAPH_PATH: '/etc/imss/supergraph.graphql',
      SUPERGRAPH_POLL_INTERVAL_MS: '1000',
      AUTH_FAILURES_PER_MINUTE: '7',
      RATE_LIMIT_REDIS_PREFIX: 'imss-staging:rl:',
    });
    expect(config.resilience).toMatchObject({ queryRetries: 0, circuit: { failureThreshold: 3, openMs: 2500 } });
    expect(config.supergraph).toEqual({ path: '/etc/imss/supergraph.graphql', url: undefined, pollIntervalMs: 1000 });
    expect(config.rateLimit).toMatchObject({ authFailuresPerMinute: 7, redisPrefix: 'imss-staging:rl:' });
    expect(loadGatewayConfig({}).rateLimit.redisPrefix).toBe('ratelimit:');
  });

  it('limits heap growth to a factor of 2 unless told otherwise (0: V8 decides)', () => {
    expect(loadGatewayConfig({}).heapGrowingPercent).toBe(100);
    expect(loadGatewayConfig({ GATEWAY_HEAP_GROWING_PERCENT: '0' }).heapGrowingPercent).toBe(0);
    expect(() => loadGatewayConfig({ GATEWAY_HEAP_GROWING_PERCENT: '-5' })).toThrow(/GATEWAY_HEAP_GROWING_PERCENT/);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadGatewayConfig({ BIOMETRICS_TIMEOUT_MS: 'soon' })).toThrow(/BIOMETRICS_TIMEOUT_MS/);
    expect(() => loadGatewayConfig({ RATE_LIMIT_REDIS_PREFIX: 'a b' })).toThrow(/RATE_LIMIT_REDIS_PREFIX/);
    expect(() => loadGatewayConfig({ SUPERGRAPH_URL: 'not a url' })).toThrow(/SUPERGRAPH_URL/);
    expect(() => loadGatewayConfig({ MAX_DEPTH: 'deep' })).toThrow(/MAX_DEPTH/);
    expect(() => loadGatewayConfig({ REDIS_URL: 'not a url' })).toThrow(/REDIS_URL/);
  });
});

describe('memory rate limiter', () => {
  it('counts per key in one-minute windows and reports the reset', async () => {
    let now = 60_000 * 100 + 45_000;
    const limiter = createMemoryRateLimiter(() => now);
    expect((await limiter.hit('a', 2)).allowed).toBe(true);
    expect((await limiter.hit('a', 2)).remaining).toBe(0);
    const third = await limiter.hit('a', 2);
    expect(third).toMatchObject({ allowed: false, resetSeconds: 15 });
    expect((await limiter.hit('b', 2)).allowed).toBe(true);
    now += 15_000; // next window
    expect((await limiter.hit('a', 2)).allowed).toBe(true);
  });
});

describe('peeking at a rate limit', () => {
  it('tells what the next hit would decide without counting it', async () => {
    const limiter = createMemoryRateLimiter(() => 60_000 * 7 + 1_000);
    expect(await limiter.peek('a', 1)).toMatchObject({ allowed: true, remaining: 0 });
    await limiter.hit('a', 1);
    expect(await limiter.peek('a', 1)).toMatchObject({ allowed: false });
    expect(await limiter.peek('a', 1)).toMatchObject({ allowed: false });
    expect((await limiter.hit('b', 1)).allowed).toBe(true);
  });
});

describe('trusted proxies', () => {
  it('trusts no X-Forwarded-For entry unless TRUSTED_PROXY_HOPS says how many', () => {
    expect(loadGatewayConfig({}).trustedProxyHops).toBe(0);
    expect(loadGatewayConfig({ TRUSTED_PROXY_HOPS: '1' }).trustedProxyHops).toBe(1);
    expect(() => loadGatewayConfig({ TRUSTED_PROXY_HOPS: '-1' })).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});

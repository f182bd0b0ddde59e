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

  it('names the variable that is wrong', () => {
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

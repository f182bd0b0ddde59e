/**
 * Counters of partner quotas: one per bank, quota and month. With REDIS_URL they live in Redis so
 * that every gateway replica counts against the same quota; without it, in this process's memory
 * (as the rate limits do: gateway/rate-limit.ts). A counter is only incremented while it is under
 * its limit, so it reads as the requests (or payments) admitted so far, refusals not included.
 */
import { Redis } from 'ioredis';

export interface QuotaTake {
  allowed: boolean;
  /** Admitted so far in the period, this one included when allowed. */
  used: number;
}

export interface QuotaStore {
  /** Counts one more for `key` if that stays within `limit`. `ttlMs`: how long the counter must be kept. */
  take(key: string, limit: number, ttlMs: number): Promise<QuotaTake>;
  read(key: string): Promise<number>;
  close(): Promise<void>;
}

/** `now`: the clock the counters expire by (the quotas' own, injected in tests). */
export function createMemoryQuotaStore(now: () => number = Date.now): QuotaStore {
  const counters = new Map<string, { count: number; expiresAt: number }>();
  const current = (key: string, now: number) => {
    const entry = counters.get(key);
    return entry && entry.expiresAt > now ? entry.count : 0;
  };
  return {
    async take(key, limit, ttlMs) {
      const t = now();
      const count = current(key, t);
      if (count >= limit) return { allowed: false, used: count };
      counters.set(key, { count: count + 1, expiresAt: t + ttlMs });
      // One key per bank, quota and month: drop the past months' now and then.
      if (counters.size > 10_000) for (const [k, v] of counters) if (v.expiresAt <= t) counters.delete(k);
      return { allowed: true, used: count + 1 };
    },
    async read(key) {
      return current(key, now());
    },
    close: async () => undefined,
  };
}

/** Increment-if-below-limit in one step, so replicas racing at the limit never overshoot it. */
const TAKE = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count >= tonumber(ARGV[1]) then return {0, count} end
count = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return {1, count}
`;

/**
 * Counters in Redis under `prefix`. If Redis is unreachable the store counts in this replica's
 * memory (logged through `onError`): an outage of the counter store must not stop the banks' payments.
 */
export function createRedisQuotaStore(url: string, prefix: string, onError: (error: unknown) => void = () => undefined, now: () => number = Date.now): QuotaStore {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000, commandTimeout: 500 });
  redis.on('error', onError);
  const fallback = createMemoryQuotaStore(now);
  return {
    async take(key, limit, ttlMs) {
      try {
        const [allowed, used] = (await redis.eval(TAKE, 1, `${prefix}${key}`, limit, Math.max(1, Math.round(ttlMs)))) as [number, number];
        return { allowed: allowed === 1, used: Number(used) };
      } catch (error) {
        onError(error);
        return fallback.take(key, limit, ttlMs);
      }
    },
    async read(key) {
      try {
        return Number((await redis.get(`${prefix}${key}`)) ?? 0);
      } catch (error) {
        onError(error);
        return fallback.read(key);
      }
    },
    close: async () => {
      await redis.quit();
    },
  };
}

export function createQuotaStore(redisUrl: string | undefined, prefix: string, onError?: (error: unknown) => void, now: () => number = Date.now): QuotaStore {
  return redisUrl ? createRedisQuotaStore(redisUrl, prefix, onError, now) : createMemoryQuotaStore(now);
}

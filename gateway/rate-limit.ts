/**
 * Rate limiting per client identity, fixed one-minute windows. With REDIS_URL the counters live in
 * Redis so that every gateway replica sees the same count; without it, in this process's memory.
 * Every key starts with RATE_LIMIT_REDIS_PREFIX, so several deployments can share one Redis.
 */
import { Redis } from 'ioredis';

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

export interface RateLimiter {
  /** Counts one more event for `key` and decides on it. */
  hit(key: string, limit: number): Promise<RateLimitDecision>;
  /** What `hit` would decide now, without counting. */
  peek(key: string, limit: number): Promise<RateLimitDecision>;
  close(): Promise<void>;
}

export const DEFAULT_REDIS_PREFIX = 'ratelimit:';

const WINDOW_MS = 60_000;

function decision(count: number, limit: number, now: number): RateLimitDecision {
  return {
    allowed: count <= limit,
    limit,
    remaining: Math.max(0, limit - count),
    resetSeconds: Math.ceil((WINDOW_MS - (now % WINDOW_MS)) / 1000),
  };
}

export function createMemoryRateLimiter(now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { window: number; count: number }>();
  return {
    async hit(key, limit) {
      const t = now();
      const window = Math.floor(t / WINDOW_MS);
      const entry = windows.get(key);
      const count = entry && entry.window === window ? entry.count + 1 : 1;
      windows.set(key, { window, count });
      // Forget finished windows now and then so the map does not grow without bound.
      if (windows.size > 100_000) for (const [k, v] of windows) if (v.window < window) windows.delete(k);
      return decision(count, limit, t);
    },
    async peek(key, limit) {
      const t = now();
      const entry = windows.get(key);
      return decision((entry && entry.window === Math.floor(t / WINDOW_MS) ? entry.count : 0) + 1, limit, t);
    },
    close: async () => undefined,
  };
}

/**
 * Shared counters in Redis: INCR and PEXPIRE in one MULTI, so a key never outlives its window.
 * If Redis is unreachable the limiter falls back to this replica's memory counters (logged): an
 * outage of the counter store must not take the national service down with it.
 */
export function createRedisRateLimiter(
  url: string,
  now: () => number = Date.now,
  onError: (error: unknown) => void = () => undefined,
  prefix: string = DEFAULT_REDIS_PREFIX,
): RateLimiter {
  // A short command timeout: a slow counter store must not slow every request down.
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000, commandTimeout: 500 });
  redis.on('error', onError);
  const fallback = createMemoryRateLimiter(now);
  const keyAt = (t: number, key: string) => `${prefix}${Math.floor(t / WINDOW_MS)}:${key}`;
  return {
    async hit(key, limit) {
      const t = now();
      const redisKey = keyAt(t, key);
      try {
        const results = await redis.multi().incr(redisKey).pexpire(redisKey, WINDOW_MS * 2).exec();
        const count = Number(results?.[0]?.[1] ?? 1);
        return decision(count, limit, t);
      } catch (error) {
        onError(error);
        return fallback.hit(key, limit);
      }
    },
    async peek(key, limit) {
      const t = now();
      try {
        const count = Number((await redis.get(keyAt(t, key))) ?? 0);
        return decision(count + 1, limit, t);
      } catch (error) {
        onError(error);
        return fallback.peek(key, limit);
      }
    },
    close: async () => {
      await redis.quit();
    },
  };
}

export function createRateLimiter(redisUrl: string | undefined, onError?: (error: unknown) => void, prefix: string = DEFAULT_REDIS_PREFIX): RateLimiter {
  return redisUrl ? createRedisRateLimiter(redisUrl, Date.now, onError, prefix) : createMemoryRateLimiter();
}

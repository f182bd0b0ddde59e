/**
 * Gateway configuration from the environment (client-token settings and keys: system-keys.ts), validated once at start-up (zod): a wrong value
 * stops the process with a message naming the variable, instead of failing on the first request.
 */
import { z } from 'zod';
import { SUBGRAPH_NAMES, defaultSubgraphUrl, type SubgraphName } from '../schema/subgraphs.ts';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  NODE_ENV: z.string().default('development'),
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  GATEWAY_HOST: z.string().default('127.0.0.1'),
  /** Timeout of one subgraph call, milliseconds. */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  MAX_DEPTH: z.coerce.number().int().positive().default(12),
  MAX_ALIASES: z.coerce.number().int().positive().default(15),
  MAX_COST: z.coerce.number().int().positive().default(5_000),
  MAX_TOKENS: z.coerce.number().int().positive().default(2_000),
  MAX_DIRECTIVES: z.coerce.number().int().positive().default(20),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().positive().default(60),
  REDIS_URL: z.string().url().optional(),
  INTROSPECTION: bool.optional(),
});

export type GatewayEnv = z.infer<typeof EnvSchema>;

export interface GatewayConfig {
  production: boolean;
  port: number;
  host: string;
  subgraphUrls: Record<SubgraphName, string>;
  subgraphTimeoutMs: number;
  limits: { maxDepth: number; maxAliases: number; maxCost: number; maxTokens: number; maxDirectives: number };
  rateLimit: { perMinute: number; anonymousPerMinute: number; redisUrl: string | undefined };
  introspection: boolean;
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid gateway configuration: ${problems}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const subgraphUrls = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [name, env[`${name.toUpperCase()}_URL`] ?? defaultSubgraphUrl(name)]),
  ) as Record<SubgraphName, string>;
  return {
    production,
    port: e.GATEWAY_PORT,
    host: e.GATEWAY_HOST,
    subgraphUrls,
    subgraphTimeoutMs: e.SUBGRAPH_TIMEOUT_MS,
    limits: { maxDepth: e.MAX_DEPTH, maxAliases: e.MAX_ALIASES, maxCost: e.MAX_COST, maxTokens: e.MAX_TOKENS, maxDirectives: e.MAX_DIRECTIVES },
    rateLimit: { perMinute: e.RATE_LIMIT_PER_MINUTE, anonymousPerMinute: e.RATE_LIMIT_ANONYMOUS_PER_MINUTE, redisUrl: e.REDIS_URL },
    introspection: e.INTROSPECTION ?? !production,
  };
}

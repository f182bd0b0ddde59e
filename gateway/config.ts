/**
 * Gateway configuration from the environment (client-token settings and keys: system-keys.ts), validated once at start-up (zod): a wrong value
 * stops the process with a message naming the variable, instead of failing on the first request.
 */
import { z } from 'zod';
import { SUBGRAPH_NAMES, SUPERGRAPH_PATH, defaultSubgraphUrl, type SubgraphName } from '../schema/subgraphs.ts';
import { ROLES, type Role } from '../schema/identity/viewer.ts';
import { DEFAULT_PAYMENT_FIELDS } from './partners/payment-operations.ts';
import { TRUSTED_DOCUMENTS_MANIFEST } from './partners/trusted-documents.ts';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** A comma-separated list (blanks ignored), each entry checked by `item`. */
const list = <T extends z.ZodType<string>>(item: T) =>
  z.string().transform((value, ctx) => {
    const entries = value.split(',').map((v) => v.trim()).filter(Boolean);
    const parsed: z.output<T>[] = [];
    for (const entry of entries) {
      const result = item.safeParse(entry);
      if (result.success) parsed.push(result.data);
      else ctx.addIssue({ code: 'custom', message: `'${entry}': ${result.error.issues[0]?.message ?? 'invalid'}` });
    }
    return parsed;
  });

const monthlyLimit = z.number().int().min(0).max(1_000_000_000);

/**
 * PARTNER_QUOTAS: each bank's monthly quotas by its `bank_id`, as JSON, e.g.
 * `{"BANK-001":{"requests":250000,"payments":40000}}`; a quota a bank lacks is the default one.
 */
const partnerQuotas = z.string().transform((value, ctx) => {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not JSON' });
    return z.NEVER;
  }
  const parsed = z
    .record(z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'a bank_id'), z.object({ requests: monthlyLimit.optional(), payments: monthlyLimit.optional() }).strict())
    .safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: `${issue.path.join('.')}: ${issue.message}` });
    return z.NEVER;
  }
  return parsed.data;
});

const EnvSchema = z.object({
  NODE_ENV: z.string().default('development'),
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  GATEWAY_HOST: z.string().default('127.0.0.1'),
  /** How far V8 lets the heap grow past what its last full collection kept, percent (heap-growth.ts); 0 leaves it to V8. */
  GATEWAY_HEAP_GROWING_PERCENT: z.coerce.number().int().min(0).max(300).default(100),
  /** Timeout of one subgraph call, milliseconds; <NAME>_TIMEOUT_MS (e.g. BIOMETRICS_TIMEOUT_MS) per subgraph. */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_TIMEOUT_MS`, z.coerce.number().int().positive().optional()])),
  /** Extra attempts of a query whose connection failed (never a mutation, never after a timeout). */
  SUBGRAPH_QUERY_RETRIES: z.coerce.number().int().min(0).max(5).default(1),
  /** Consecutive failures of a subgraph that open its circuit. */
  CIRCUIT_FAILURE_THRESHOLD: z.coerce.number().int().positive().default(5),
  /** How long an open circuit fails fast before one probe goes through. */
  CIRCUIT_OPEN_MS: z.coerce.number().int().min(0).default(10_000),
  /** The supergraph: a file (watched) or a URL (polled); a change is served without a restart. */
  SUPERGRAPH_PATH: z.string().min(1).default(SUPERGRAPH_PATH),
  SUPERGRAPH_URL: z.string().url().optional(),
  SUPERGRAPH_POLL_INTERVAL_MS: z.coerce.number().int().positive().default(5_000),
  MAX_DEPTH: z.coerce.number().int().positive().default(12),
  MAX_ALIASES: z.coerce.number().int().positive().default(15),
  MAX_COST: z.coerce.number().int().positive().default(5_000),
  MAX_TOKENS: z.coerce.number().int().positive().default(2_000),
  MAX_DIRECTIVES: z.coerce.number().int().positive().default(20),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().positive().default(60),
  /** Failed authentications per client address and minute before it gets 429 (brute force). */
  AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().positive().default(20),
  REDIS_URL: z.string().url().optional(),
  /** Prefix of every rate-limit key, so that several deployments can share one Redis. */
  RATE_LIMIT_REDIS_PREFIX: z.string().regex(/^[\w.:-]{1,64}$/).default('ratelimit:'),
  /** Reverse proxies in front of the gateway whose X-Forwarded-For entry is trusted (client-address.ts). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  INTROSPECTION: bool.optional(),
  /** Partner banks' monthly quotas (docs/operations.md, "Partner quotas"). */
  PARTNER_QUOTAS: partnerQuotas.default({}),
  PARTNER_QUOTA_REQUESTS_PER_MONTH: z.coerce.number().pipe(monthlyLimit).default(100_000),
  PARTNER_QUOTA_PAYMENTS_PER_MONTH: z.coerce.number().pipe(monthlyLimit).default(20_000),
  /** Root Mutation fields that make an operation a payment. */
  PARTNER_QUOTA_PAYMENT_FIELDS: list(z.string().regex(/^[_A-Za-z][_0-9A-Za-z]*$/, 'a GraphQL field name')).default([...DEFAULT_PAYMENT_FIELDS]),
  QUOTA_REDIS_PREFIX: z.string().regex(/^[\w.:-]{1,64}$/).default('quota:'),
  /** Roles that may run only registered documents, when enforced (docs/security.md, "Trusted documents"). */
  TRUSTED_DOCUMENTS_ROLES: list(z.enum(ROLES)).default(['BANK']),
  /** Enforce TRUSTED_DOCUMENTS_ROLES; production by default. */
  TRUSTED_DOCUMENTS_ENFORCED: bool.optional(),
  TRUSTED_DOCUMENTS_MANIFEST: z.string().min(1).default(TRUSTED_DOCUMENTS_MANIFEST),
});

export type GatewayEnv = z.infer<typeof EnvSchema>;

export interface GatewayConfig {
  production: boolean;
  port: number;
  host: string;
  subgraphUrls: Record<SubgraphName, string>;
  /** Default timeout of a subgraph call; `resilience.timeoutMs` has each subgraph's own. */
  subgraphTimeoutMs: number;
  resilience: {
    timeoutMs: Record<SubgraphName, number>;
    queryRetries: number;
    circuit: { failureThreshold: number; openMs: number };
  };
  supergraph: { path: string; url: string | undefined; pollIntervalMs: number };
  limits: { maxDepth: number; maxAliases: number; maxCost: number; maxTokens: number; maxDirectives: number };
  rateLimit: { perMinute: number; anonymousPerMinute: number; authFailuresPerMinute: number; redisUrl: string | undefined; redisPrefix: string };
  introspection: boolean;
  /** X-Forwarded-For entries (from the right) written by trusted proxies; 0 trusts none. */
  trustedProxyHops: number;
  quotas: PartnerQuotaConfig;
  trustedDocuments: { manifestPath: string; enforced: boolean; restrictedRoles: readonly Role[] };
  /** Heap growth past the live set before V8 collects the old generation, percent; 0: V8's own (heap-growth.ts). */
  heapGrowingPercent: number;
}

export interface MonthlyQuotas {
  requests: number;
  payments: number;
}

export interface PartnerQuotaConfig {
  defaults: MonthlyQuotas;
  /** Per bank_id; a quota missing here is the default one. */
  banks: Readonly<Record<string, Partial<MonthlyQuotas>>>;
  /** Root Mutation fields whose operations count as payments. */
  paymentFields: readonly string[];
  /** Counters live in Redis under this prefix when rateLimit.redisUrl is set. */
  redisPrefix: string;
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
    resilience: {
      timeoutMs: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, perSubgraph(e, name) ?? e.SUBGRAPH_TIMEOUT_MS])) as Record<SubgraphName, number>,
      queryRetries: e.SUBGRAPH_QUERY_RETRIES,
      circuit: { failureThreshold: e.CIRCUIT_FAILURE_THRESHOLD, openMs: e.CIRCUIT_OPEN_MS },
    },
    supergraph: { path: e.SUPERGRAPH_PATH, url: e.SUPERGRAPH_URL, pollIntervalMs: e.SUPERGRAPH_POLL_INTERVAL_MS },
    limits: { maxDepth: e.MAX_DEPTH, maxAliases: e.MAX_ALIASES, maxCost: e.MAX_COST, maxTokens: e.MAX_TOKENS, maxDirectives: e.MAX_DIRECTIVES },
    rateLimit: {
      perMinute: e.RATE_LIMIT_PER_MINUTE,
      anonymousPerMinute: e.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
      authFailuresPerMinute: e.AUTH_FAILURES_PER_MINUTE,
      redisUrl: e.REDIS_URL,
      redisPrefix: e.RATE_LIMIT_REDIS_PREFIX,
    },
    introspection: e.INTROSPECTION ?? !production,
    heapGrowingPercent: e.GATEWAY_HEAP_GROWING_PERCENT,
    trustedProxyHops: e.TRUSTED_PROXY_HOPS,
    quotas: {
      defaults: { requests: e.PARTNER_QUOTA_REQUESTS_PER_MONTH, payments: e.PARTNER_QUOTA_PAYMENTS_PER_MONTH },
      banks: e.PARTNER_QUOTAS,
      paymentFields: e.PARTNER_QUOTA_PAYMENT_FIELDS,
      redisPrefix: e.QUOTA_REDIS_PREFIX,
    },
    trustedDocuments: {
      manifestPath: e.TRUSTED_DOCUMENTS_MANIFEST,
      enforced: e.TRUSTED_DOCUMENTS_ENFORCED ?? production,
      restrictedRoles: e.TRUSTED_DOCUMENTS_ROLES,
    },
  };
}

function perSubgraph(env: GatewayEnv, name: SubgraphName): number | undefined {
  const value = (env as Record<string, unknown>)[`${name.toUpperCase()}_TIMEOUT_MS`];
  return typeof value === 'number' ? value : undefined;
}

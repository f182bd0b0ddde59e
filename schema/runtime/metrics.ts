/**
 * Prometheus metrics of one process (gateway or subgraph), served at `/metrics` by http-server.ts.
 * Each service has its own registry (the tests run all five in one process). Label values come
 * from bounded sets only: operation names pass through `OperationLabels`, error codes are our own
 * SCREAMING_SNAKE codes, subgraphs and refusal reasons are fixed lists. Nothing personal is ever a
 * label value (docs/operations.md, "Metrics").
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { scrubText } from './redaction.ts';

/** Seconds; from a cached read (~1 ms) to a subgraph timeout (10 s). */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const ANONYMOUS_OPERATION = 'anonymous';
export const OTHER_OPERATION = 'other';

/**
 * Bounds the `operation` label: an operation's name when it is a plain GraphQL name that looks
 * like no identifier (scrubText leaves it alone) and either is listed in METRICS_OPERATION_NAMES
 * or, without that list, among the first `max` distinct names seen; `other` otherwise; `anonymous`
 * without a name. The query planner's suffix on subgraph operations (`Name__persons__0`) is cut.
 */
export class OperationLabels {
  private readonly seen = new Set<string>();
  constructor(
    private readonly allowed: ReadonlySet<string> | null = null,
    private readonly max = 100,
  ) {}

  label(operationName: string | null | undefined): string {
    if (!operationName) return ANONYMOUS_OPERATION;
    const name = operationName.replace(/__[A-Za-z0-9_]+__\d+$/, '');
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name) || scrubText(name) !== name) return OTHER_OPERATION;
    if (this.allowed) return this.allowed.has(name) ? name : OTHER_OPERATION;
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.max) return OTHER_OPERATION;
    this.seen.add(name);
    return name;
  }
}

const CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

/** An `extensions.code` as a label: our codes are bounded by the source; anything else is OTHER. */
export function codeLabel(code: unknown): string {
  return typeof code === 'string' && code.length <= 64 && CODE.test(code) ? code : 'OTHER';
}

export type RefusalReason = 'rate_limit' | 'quota' | 'trusted_document';

export interface ServiceMetrics {
  readonly service: string;
  readonly registry: Registry;
  readonly operations: OperationLabels;
  readonly graphqlRequests: Counter<'operation' | 'kind'>;
  readonly graphqlDuration: Histogram<'operation' | 'kind'>;
  readonly graphqlErrors: Counter<'operation' | 'code'>;
  /** Gateway only: one subgraph fetch each (outcome ok, error or unavailable). */
  readonly subgraphRequests: Counter<'subgraph' | 'outcome'>;
  readonly subgraphDuration: Histogram<'subgraph'>;
  /** Requests refused by a rate limit, a partner's quota or the trusted documents check, by kind of caller (user / anonymous). */
  readonly refusals: Counter<'reason' | 'caller'>;
  /** Gateway only: partner quota refusals by quota (requests / payments); each is also a `quota` refusal above. */
  readonly quotaRefusals: Counter<'quota'>;
  /** Subgraphs only: the database pool (db/instrumentation.ts). */
  readonly db: DatabaseMetrics;
}

export interface DatabaseMetrics {
  readonly queriesInFlight: Gauge;
  readonly transactionsInFlight: Gauge;
  readonly connectionsOpen: Gauge;
  readonly poolSize: Gauge;
  readonly queries: Counter<'outcome'>;
  readonly queryDuration: Histogram;
}

export interface ServiceMetricsOptions {
  /** `service` label on every series: gateway, persons, enrollments, … */
  service: string;
  /** Node's process metrics (CPU, memory, event-loop lag, GC): on in the service processes, off in tests. */
  processMetrics?: boolean;
  env?: NodeJS.ProcessEnv;
}

export function createServiceMetrics(options: ServiceMetricsOptions): ServiceMetrics {
  const env = options.env ?? process.env;
  const registry = new Registry();
  registry.setDefaultLabels({ service: options.service });
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'imss_' });
  const allowed = env.METRICS_OPERATION_NAMES ? new Set(env.METRICS_OPERATION_NAMES.split(',').map((n) => n.trim()).filter(Boolean)) : null;
  const registers = [registry];
  return {
    service: options.service,
    registry,
    operations: new OperationLabels(allowed, Number(env.METRICS_MAX_OPERATIONS ?? 100)),
    graphqlRequests: new Counter({ name: 'imss_graphql_requests_total', help: 'GraphQL requests by operation name and kind', labelNames: ['operation', 'kind'], registers }),
    graphqlDuration: new Histogram({ name: 'imss_graphql_request_duration_seconds', help: 'GraphQL request latency by operation name', labelNames: ['operation', 'kind'], buckets: LATENCY_BUCKETS, registers }),
    graphqlErrors: new Counter({ name: 'imss_graphql_errors_total', help: 'Errors in GraphQL responses by extensions.code', labelNames: ['operation', 'code'], registers }),
    subgraphRequests: new Counter({ name: 'imss_subgraph_requests_total', help: 'Subgraph fetches from the gateway by outcome', labelNames: ['subgraph', 'outcome'], registers }),
    subgraphDuration: new Histogram({ name: 'imss_subgraph_request_duration_seconds', help: 'Subgraph fetch latency seen by the gateway', labelNames: ['subgraph'], buckets: LATENCY_BUCKETS, registers }),
    refusals: new Counter({ name: 'imss_refusals_total', help: 'Requests refused by a rate limit, a quota or the trusted documents check', labelNames: ['reason', 'caller'], registers }),
    quotaRefusals: new Counter({ name: 'imss_quota_refusals_total', help: "Requests refused by a partner bank's monthly quota, by quota", labelNames: ['quota'], registers }),
    db: {
      queriesInFlight: new Gauge({ name: 'imss_db_queries_in_flight', help: 'SQL statements sent and not yet answered', registers }),
      transactionsInFlight: new Gauge({ name: 'imss_db_transactions_in_flight', help: 'Transactions holding a pool connection', registers }),
      connectionsOpen: new Gauge({ name: 'imss_db_connections_open', help: 'Pool connections that have run a statement and are not closed', registers }),
      poolSize: new Gauge({ name: 'imss_db_pool_max_connections', help: 'Largest number of connections the pool opens', registers }),
      queries: new Counter({ name: 'imss_db_queries_total', help: 'SQL statements by outcome', labelNames: ['outcome'], registers }),
      queryDuration: new Histogram({ name: 'imss_db_query_duration_seconds', help: 'SQL statement latency, including the wait for a connection', buckets: LATENCY_BUCKETS, registers }),
    },
  };
}

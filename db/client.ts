/**
 * One place that opens PostgreSQL connections (postgres.js under drizzle-orm). Each subgraph gets
 * its own pool. A pool opened with `countStatements` counts every statement it sends, so tests can
 * assert SQL statements per operation (no N+1) without timing anything.
 *
 * Counting is off in the deployed processes: it needs postgres.js's `debug` hook, and with a
 * `debug` hook postgres.js builds an Error (a stack trace) for every query it creates, which was
 * 4 % of each subgraph's busy time in the window view's profile (docs/architecture.md,
 * "Performance notes"). It also makes a failed statement's bound values enumerable on its error.
 */
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { DatabaseMetrics } from '../schema/runtime/metrics.ts';
import { instrumentSql } from './instrumentation.ts';
/** Query-builder access only (no relational `db.query`): every query is spelled out in a repository. */
export type Db = PostgresJsDatabase;
/** A transaction of `Db`: what a mutation's statements run on. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Where a statement runs: the pool, or the current mutation's transaction. */
export type Executor = Db | Tx;

export interface DatabaseOptions {
  /** Application name shown in pg_stat_activity. */
  name: string;
  /** Pool size. @default 10 */
  max?: number;
  /** Counts every statement sent in `statements` (tests and the benchmark's statement counts). @default false */
  countStatements?: boolean;
  /** Sees the text of every statement sent (tests that check what a read path selects); implies counting. */
  onStatement?: (text: string) => void;
  /** Pool gauges and statement latency for this process's /metrics (db/instrumentation.ts). */
  metrics?: DatabaseMetrics;
  /** Server settings for every connection of the pool, sent when it opens (the subgraphs': subgraphs/session-settings.ts). */
  settings?: Readonly<Record<string, string>>;
}

export interface Database {
  db: Db;
  sql: postgres.Sql;
  /** Statements sent since the pool opened, when opened with `countStatements` (else 0); read deltas around an operation. */
  readonly statements: { count: number };
  close(): Promise<void>;
}

export function openDatabase(url: string, options: DatabaseOptions): Database {
  const statements = { count: 0 };
  const max = options.max ?? 10;
  const counting = options.countStatements === true || options.onStatement !== undefined;
  const sql = postgres(url, {
    max,
    idle_timeout: 30,
    connect_timeout: 10,
    // Prepared statements are cached per connection: the hot queries are parsed once.
    prepare: true,
    connection: { ...options.settings, application_name: `imss-${options.name}` },
    onnotice: () => undefined,
    ...(counting && {
      debug: (_connection: number, query: string) => {
        statements.count += 1;
        options.onStatement?.(String(query));
      },
    }),
    onclose: (connection) => instrumentation.closedConnection(connection),
  });
  // Every statement traced and counted in flight (SQL spans, pool use on /metrics).
  const instrumentation = instrumentSql(sql, { database: options.name, poolSize: max, metrics: options.metrics });
  return {
    db: drizzle(sql),
    sql,
    statements,
    close: () => sql.end({ timeout: 5 }),
  };
}

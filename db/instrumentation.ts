/**
 * SQL spans and pool metrics for a postgres.js pool, which has neither an OpenTelemetry hook nor
 * a pool gauge (and drizzle-orm's tracing module is inert). `sql.unsafe` — what drizzle sends
 * every statement through — and `sql.begin` (with the transaction's own `unsafe` and savepoints)
 * are wrapped in place: each statement is counted in flight from the moment it is executed (the
 * wait for a connection included) until PostgreSQL answers, and traced as a CLIENT span child of
 * the resolver that sent it. The span carries the statement text (placeholders, never the bound
 * values). Tagged-template statements (`sql\`select 1\``: readiness, audit checkpoints) are not
 * wrapped. The pool's open connections are counted from the connections wrapped statements are
 * written to (and the pool's `onclose`), not from a `debug` hook, which would cost every query a
 * stack trace (db/client.ts).
 */
import type postgres from 'postgres';
import type { DatabaseMetrics } from '../schema/runtime/metrics.ts';
import { SpanKind, SpanStatusCode, startSpan } from '../schema/runtime/telemetry.ts';

type Unsafe = postgres.Sql['unsafe'];

/** The parts of postgres.js's Query that its typings do not show: how a statement starts and ends. */
interface QueryInternals {
  executed: boolean;
  handle(): Promise<void>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

const MAX_STATEMENT_TEXT = 2_000;

/** What postgres.js passes to a query's `onexecute`: the pool connection (its typings do not show it). */
interface PoolConnection {
  id: number;
}

export interface SqlInstrumentation {
  /** Call from the pool's `onclose` hook. */
  closedConnection(id: number): void;
}

export function instrumentSql(sql: postgres.Sql, options: { database: string; poolSize: number; metrics?: DatabaseMetrics }): SqlInstrumentation {
  const { metrics } = options;
  metrics?.poolSize.set(options.poolSize);
  const open = new Set<number>();

  const track = <P extends object>(pending: P, text: string): P => {
    const query = pending as P & QueryInternals;
    const handle = query.handle;
    const resolve = query.resolve;
    const reject = query.reject;
    let finish: ((error?: unknown) => void) | null = null;
    query.handle = function (this: QueryInternals) {
      if (!this.executed && finish === null) finish = start(text);
      return handle.call(this);
    };
    query.resolve = (value) => {
      finish?.();
      resolve(value);
    };
    query.reject = (error) => {
      finish?.(error);
      reject(error);
    };
    return query;
  };

  const start = (text: string) => {
    const startedAt = performance.now();
    const operation = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? 'SQL';
    const span = startSpan(`${operation} ${options.database}`, SpanKind.CLIENT, {
      'db.system.name': 'postgresql',
      'db.namespace': options.database,
      'db.operation.name': operation,
      'db.query.text': text.length > MAX_STATEMENT_TEXT ? `${text.slice(0, MAX_STATEMENT_TEXT)}…` : text,
    });
    metrics?.queriesInFlight.inc();
    let done = false;
    return (error?: unknown) => {
      if (done) return;
      done = true;
      metrics?.queriesInFlight.dec();
      metrics?.queries.inc({ outcome: error === undefined ? 'ok' : 'error' });
      metrics?.queryDuration.observe((performance.now() - startedAt) / 1000);
      if (span) {
        if (error !== undefined) {
          const code = (error as { code?: unknown }).code;
          if (typeof code === 'string') span.setAttribute('db.response.status_code', code);
          span.setStatus({ code: SpanStatusCode.ERROR });
        }
        span.end();
      }
    };
  };

  const sawConnection = (id: number) => {
    if (open.has(id)) return;
    open.add(id);
    metrics?.connectionsOpen.set(open.size);
  };

  /**
   * postgres.js calls a query's `onexecute` option with the connection it was written to (its own
   * `begin` uses it to reserve that connection, so one given there is called too). Its return value
   * says whether the connection may pipeline more: true, as without the option, or the given one's.
   */
  const seen = (connection: PoolConnection) => {
    sawConnection(connection.id);
    return true;
  };
  const withConnectionSeen = (queryOptions: Parameters<Unsafe>[2]): Parameters<Unsafe>[2] => {
    const given = (queryOptions as { onexecute?: (connection: PoolConnection) => unknown } | undefined)?.onexecute;
    const onexecute = given
      ? (connection: PoolConnection) => {
          sawConnection(connection.id);
          return given(connection);
        }
      : seen;
    return { ...queryOptions, onexecute } as Parameters<Unsafe>[2];
  };

  const wrapUnsafe = (target: { unsafe: Unsafe }) => {
    const original = target.unsafe;
    const wrapped: Unsafe = <T extends unknown[]>(text: string, parameters?: Parameters<Unsafe>[1], queryOptions?: Parameters<Unsafe>[2]) =>
      track(original<T & postgres.Row[]>(text, parameters, withConnectionSeen(queryOptions)), text);
    target.unsafe = wrapped;
  };

  /** A transaction's (or savepoint's) own `sql`: its statements are wrapped too. */
  const wrapScope = (scope: postgres.TransactionSql) => {
    wrapUnsafe(scope);
    const savepoint = scope.savepoint;
    scope.savepoint = ((first: unknown, second?: unknown) => {
      const fn = (typeof first === 'function' ? first : second) as (inner: postgres.TransactionSql) => unknown;
      const inner = (nested: postgres.TransactionSql) => {
        wrapScope(nested);
        return fn(nested);
      };
      return typeof first === 'function' ? savepoint(inner) : savepoint(first as string, inner);
    }) as typeof scope.savepoint;
  };

  wrapUnsafe(sql);
  const begin = sql.begin;
  sql.begin = ((first: unknown, second?: unknown) => {
    const fn = (typeof first === 'function' ? first : second) as (tx: postgres.TransactionSql) => unknown;
    const scoped = (tx: postgres.TransactionSql) => {
      wrapScope(tx);
      return fn(tx);
    };
    metrics?.transactionsInFlight.inc();
    const result = typeof first === 'function' ? begin(scoped) : begin(first as string, scoped);
    return result.finally(() => metrics?.transactionsInFlight.dec());
  }) as typeof sql.begin;

  return {
    closedConnection(id) {
      if (open.delete(id)) metrics?.connectionsOpen.set(open.size);
    },
  };
}

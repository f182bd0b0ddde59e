/**
 * Hive Gateway's runtime (@graphql-hive/gateway-runtime) and the Rust planner
 * (@graphql-hive/router-runtime), typed here for the few parts this repository uses. Their own
 * typings are not imported: they bring graphql-yoga's augmentation of graphql's
 * `GraphQLErrorExtensions` (`http.headers` a record) into the whole program, where Apollo Server's
 * errors carry a Map — every `new GraphQLError` of the gateway would stop type-checking.
 */
import type { RequestListener } from 'node:http';
import type { Logger } from '../../schema/runtime/logger.ts';

/** What the IMSS plugin (hive-gateway-plugin.ts) reads and writes of Hive's hooks. */
export interface HiveGatewayPlugin<TContext extends Record<string, unknown> = Record<string, unknown>> {
  /** Envelop's hook: once per operation, before execution. */
  onContextBuilding?(payload: { context: Partial<TContext> & { request: Request }; extendContext(extension: Partial<TContext>): void }): void | Promise<void>;
  /** Every outgoing HTTP call; `executionRequest.subgraphName` names the subgraph when it is a subgraph call. */
  onFetch?(payload: {
    url: string;
    executionRequest?: { subgraphName?: string };
    context: Partial<TContext>;
    options: { headers?: unknown } & Record<string, unknown>;
    setOptions(options: Record<string, unknown>): void;
  }): void | Promise<void>;
}

export interface HiveGatewayConfig {
  supergraph: string;
  unifiedGraphHandler?: unknown;
  transportEntries?: Record<string, { location?: string; options?: Record<string, unknown> }>;
  inboundInflightRequestDeduplication?: boolean;
  logging?: boolean | HiveLogBridge;
  maskedErrors?: boolean;
  plugins?: () => HiveGatewayPlugin<any>[];
}

export type HiveGatewayRuntime = RequestListener & { dispose(): Promise<void> | void };

const gatewayRuntime: string = '@graphql-hive/gateway-runtime';
const routerRuntime: string = '@graphql-hive/router-runtime';

export const { createGatewayRuntime } = (await import(gatewayRuntime)) as { createGatewayRuntime(config: HiveGatewayConfig): HiveGatewayRuntime };
/** The Rust query planner, for `unifiedGraphHandler`. */
export const { unifiedGraphHandler: rustPlanner } = (await import(routerRuntime)) as { unifiedGraphHandler: unknown };

type HiveLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';
const HIVE_LEVELS: readonly HiveLevel[] = ['trace', 'debug', 'info', 'warn', 'error'];

/**
 * Hive's logging, written to our pino logger (one JSON log, personal data redacted as everywhere).
 * Passed as the runtime's `logging` so it never builds a logger of its own: Hive's reads LOG_LEVEL
 * with its own vocabulary, and throws on our `silent`.
 */
export class HiveLogBridge {
  constructor(private readonly pino: Logger) {}
  get level(): HiveLevel | false {
    const level = this.pino.level as string;
    return HIVE_LEVELS.includes(level as HiveLevel) ? (level as HiveLevel) : level === 'fatal' ? 'error' : false;
  }
  get prefix(): string | undefined {
    return undefined;
  }
  get attrs(): Record<string, unknown> | undefined {
    return undefined;
  }
  setLevel(): void {}
  child(attrs: unknown, prefix?: string): HiveLogBridge {
    const bindings = typeof attrs === 'string' ? { scope: attrs } : { ...(attrs as Record<string, unknown> | undefined), ...(prefix ? { scope: prefix } : {}) };
    return new HiveLogBridge(this.pino.child(bindings));
  }
  write(level: HiveLevel, attrs: unknown, msg: unknown): void {
    const log = this.pino[level].bind(this.pino) as (a: unknown, m?: unknown) => void;
    if (attrs && typeof attrs === 'object') log(attrs, typeof msg === 'string' ? msg : undefined);
    else log(typeof msg === 'string' ? msg : '');
  }
  log(level: HiveLevel, ...args: unknown[]): void {
    if (this.level === false || HIVE_LEVELS.indexOf(level) < HIVE_LEVELS.indexOf(this.level)) return;
    const [first, second] = args;
    const attrs = typeof first === 'function' ? (first as () => unknown)() : first;
    if (typeof attrs === 'string') this.write(level, null, attrs);
    else this.write(level, attrs, second);
  }
  trace(...args: unknown[]): void {
    this.log('trace', ...args);
  }
  debug(...args: unknown[]): void {
    this.log('debug', ...args);
  }
  info(...args: unknown[]): void {
    this.log('info', ...args);
  }
  warn(...args: unknown[]): void {
    this.log('warn', ...args);
  }
  error(...args: unknown[]): void {
    this.log('error', ...args);
  }
  flush(): void {}
  async [Symbol.asyncDispose](): Promise<void> {}
}

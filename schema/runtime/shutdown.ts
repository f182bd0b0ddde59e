import type { DrainResult } from './graceful-shutdown.ts';
import type { Logger } from './logger.ts';

/**
 * The one owner of a process's shutdown (every ApolloServer is built with
 * `stopOnTerminationSignals: false`, so Apollo never signals the process itself). On SIGTERM or
 * SIGINT — or when the supervising parent of `npm start` disappears (its IPC channel closes) — it
 * tells the parent it is stopping (so it is not restarted), drains (graceful-shutdown.ts: stop
 * accepting, readiness 503, finish in-flight requests, close keep-alive connections politely),
 * closes pools, and exits 0. It exits 1 when the drain had to cut connections at the deadline,
 * when closing failed, or when everything took longer than the deadline plus a margin.
 *
 * A repeated signal does not cut the drain short (orchestrators and terminals may send one twice;
 * SIGKILL is the way to force), unless the caller asks for that with `onRepeatedSignal`.
 */
export interface ShutdownSettings {
  /** SHUTDOWN_TIMEOUT_MS: longest wait for in-flight requests. @default 25_000 (under Kubernetes' 30 s grace) */
  deadlineMs: number;
  /** SHUTDOWN_IDLE_GRACE_MS: how long an idle keep-alive connection may still bring a last request. @default 1_000 */
  idleGraceMs: number;
}

/** After the drain's deadline, this long for pools and the rest before the process gives up. */
const CLOSE_MARGIN_MS = 5_000;

export function shutdownSettings(env: NodeJS.ProcessEnv = process.env): ShutdownSettings {
  return {
    deadlineMs: nonNegativeInteger(env, 'SHUTDOWN_TIMEOUT_MS', 25_000),
    idleGraceMs: nonNegativeInteger(env, 'SHUTDOWN_IDLE_GRACE_MS', 1_000),
  };
}

function nonNegativeInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number of milliseconds, not ${JSON.stringify(raw)}`);
  return value;
}

export interface ShutdownOptions {
  settings?: ShutdownSettings;
  /** Called on a second signal while shutting down (npm start's supervisor: kill the children). */
  onRepeatedSignal?: () => void;
}

/** Installs the handlers; `close` drains and releases everything, and reports what the drain cut. */
export function onShutdown(log: Logger, close: (settings: ShutdownSettings) => Promise<DrainResult | void>, options: ShutdownOptions = {}): void {
  const settings = options.settings ?? shutdownSettings();
  let closing = false;
  const begin = (trigger: string) => {
    if (closing) {
      log.warn({ trigger }, 'already shutting down');
      options.onRepeatedSignal?.();
      return;
    }
    closing = true;
    log.info({ trigger, deadlineMs: settings.deadlineMs }, 'shutting down: draining requests');
    if (process.connected) process.send?.({ shuttingDown: true });
    const backstop = setTimeout(() => {
      log.error('shutdown took longer than its deadline; exiting');
      process.exit(1);
    }, settings.deadlineMs + CLOSE_MARGIN_MS);
    backstop.unref();
    close(settings).then(
      (result) => {
        const forced = result?.forced ?? 0;
        if (forced > 0) log.error({ forced }, 'shutdown deadline reached: connections cut');
        else log.info('shut down cleanly');
        process.exit(forced > 0 ? 1 : 0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => begin('SIGINT'));
  process.on('SIGTERM', () => begin('SIGTERM'));
  // A child of npm start whose supervisor died (SIGKILL, crash) stops instead of running orphaned.
  if (process.connected) process.once('disconnect', () => begin('parent process gone'));
}

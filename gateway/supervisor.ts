/**
 * Keeps the processes of `npm start` running: a child that exits unexpectedly is restarted after
 * a backoff that doubles on each crash (from `initialDelayMs` up to `maxDelayMs`) and resets once
 * the child has stayed up for `stableAfterMs`. Each crash and restart is logged. `stop()` ends
 * every child with SIGTERM and waits for it; nothing is restarted while stopping.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { Logger } from '../schema/runtime/logger.ts';

export interface SupervisedProcess {
  name: string;
  script: string;
  args: string[];
  env: Record<string, string>;
}

export interface SupervisorOptions {
  cwd: string;
  log: Logger;
  /** @default 500 */
  initialDelayMs?: number;
  /** @default 30_000 */
  maxDelayMs?: number;
  /** @default 60_000 */
  stableAfterMs?: number;
  /** Called whenever a child (re)starts, e.g. to publish its pid. */
  onStart?: (name: string, pid: number) => void;
}

export interface Supervisor {
  /** Starts a child and resolves with the URL it reports ({ ready, url } over IPC) the first time. */
  start(spec: SupervisedProcess): Promise<string>;
  stop(): Promise<void>;
}

export function createSupervisor(options: SupervisorOptions): Supervisor {
  const initialDelay = options.initialDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 30_000;
  const stableAfter = options.stableAfterMs ?? 60_000;
  const running = new Map<string, ChildProcess>();
  const timers = new Set<NodeJS.Timeout>();
  let stopping = false;

  function launch(spec: SupervisedProcess, delay: number, onReady?: (url: string) => void, onFirstExit?: (error: Error) => void): void {
    const child = fork(spec.script, spec.args, {
      cwd: options.cwd,
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    running.set(spec.name, child);
    if (child.pid) options.onStart?.(spec.name, child.pid);
    const startedAt = Date.now();
    let ready = false;
    child.once('message', (message: { url?: string }) => {
      ready = true;
      onReady?.(message.url ?? '');
    });
    child.once('exit', (code, signal) => {
      if (running.get(spec.name) === child) running.delete(spec.name);
      if (stopping) return;
      // A child that never became ready on the first start is a configuration problem: report it.
      if (onFirstExit && !ready) return onFirstExit(new Error(`${spec.name} exited with ${signal ?? code} before it was ready`));
      const next = Date.now() - startedAt >= stableAfter ? initialDelay : Math.min(delay * 2, maxDelay);
      const wait = Date.now() - startedAt >= stableAfter ? initialDelay : delay;
      options.log.error({ process: spec.name, code, signal, restartInMs: wait }, 'a process of the system exited; restarting it');
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!stopping) launch(spec, next, (url) => options.log.warn({ process: spec.name, url }, 'process restarted'));
      }, wait);
      timers.add(timer);
    });
  }

  return {
    start: (spec) => new Promise<string>((resolve, reject) => launch(spec, initialDelay, resolve, reject)),
    async stop() {
      stopping = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.all(
        [...running.values()].map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

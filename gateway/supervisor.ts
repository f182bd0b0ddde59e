/**
 * Keeps the processes of `npm start` running: a child that exits unexpectedly is restarted after
 * a backoff that doubles on each crash (from `initialDelayMs` up to `maxDelayMs`) and resets once
 * the child has stayed up for `stableAfterMs`. Each crash and restart is logged.
 *
 * A child that is shutting down is never restarted: one that announced it ({ shuttingDown } over
 * IPC, schema/runtime/shutdown.ts) or exited 0 stopped on purpose. `stop()` ends the children in
 * order — those marked `stopFirst` (the gateway) and then the rest (the subgraphs), so the
 * gateway's last requests still reach their subgraphs — each with SIGTERM, escalating to SIGKILL
 * after `stopTimeoutMs`, and reports how each exited.
 *
 * Children run in their own process group (detached): Ctrl-C in a terminal reaches this
 * supervisor only, which then stops them in that order. A child whose supervisor disappears sees
 * its IPC channel close and shuts itself down.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { Logger } from '../schema/runtime/logger.ts';

export interface SupervisedProcess {
  name: string;
  script: string;
  args: string[];
  env: Record<string, string>;
  /** Stopped (and awaited) before the processes without it: dependents before what they call. */
  stopFirst?: boolean;
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
  /** How long a child may take to stop after SIGTERM before it is killed. @default 35_000 (its drain deadline plus margin) */
  stopTimeoutMs?: number;
  /** Called whenever a child (re)starts, e.g. to publish its pid. */
  onStart?: (name: string, pid: number) => void;
}

export interface StopReport {
  /** Exit code per child (null when it ended by a signal: killed). */
  exits: Record<string, number | null>;
  /** True when every child exited 0. */
  clean: boolean;
}

export interface Supervisor {
  /** Starts a child and resolves with the URL it reports ({ ready, url } over IPC) the first time. */
  start(spec: SupervisedProcess): Promise<string>;
  stop(): Promise<StopReport>;
  /** Kills every child at once (SIGKILL): the second Ctrl-C. */
  kill(): void;
}

interface Running {
  spec: SupervisedProcess;
  child: ChildProcess;
}

export function createSupervisor(options: SupervisorOptions): Supervisor {
  const initialDelay = options.initialDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 30_000;
  const stableAfter = options.stableAfterMs ?? 60_000;
  const stopTimeout = options.stopTimeoutMs ?? 35_000;
  const running = new Map<string, Running>();
  const timers = new Set<NodeJS.Timeout>();
  let stopping = false;

  function launch(spec: SupervisedProcess, delay: number, onReady?: (url: string) => void, onFirstExit?: (error: Error) => void): void {
    const child = fork(spec.script, spec.args, {
      cwd: options.cwd,
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      detached: true,
    });
    running.set(spec.name, { spec, child });
    if (child.pid) options.onStart?.(spec.name, child.pid);
    const startedAt = Date.now();
    let ready = false;
    let shuttingDown = false;
    child.on('message', (message: { url?: string; ready?: string; shuttingDown?: boolean }) => {
      if (message.shuttingDown) shuttingDown = true;
      else if (!ready) {
        ready = true;
        onReady?.(message.url ?? '');
      }
    });
    child.once('exit', (code, signal) => {
      if (running.get(spec.name)?.child === child) running.delete(spec.name);
      if (stopping) return;
      // A child that never became ready on the first start is a configuration problem: report it.
      if (onFirstExit && !ready) return onFirstExit(new Error(`${spec.name} exited with ${signal ?? code} before it was ready`));
      if (shuttingDown || code === 0) {
        options.log.warn({ process: spec.name, code }, 'a process of the system stopped on purpose; not restarting it');
        return;
      }
      const stable = Date.now() - startedAt >= stableAfter;
      const wait = stable ? initialDelay : delay;
      const next = stable ? initialDelay : Math.min(delay * 2, maxDelay);
      options.log.error({ process: spec.name, code, signal, restartInMs: wait }, 'a process of the system exited; restarting it');
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!stopping) launch(spec, next, (url) => options.log.warn({ process: spec.name, url }, 'process restarted'));
      }, wait);
      timers.add(timer);
    });
  }

  function stopOne({ spec, child }: Running): Promise<[string, number | null]> {
    return new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve([spec.name, child.exitCode]);
      const killer = setTimeout(() => {
        options.log.error({ process: spec.name }, 'a process did not stop in time; killing it');
        child.kill('SIGKILL');
      }, stopTimeout);
      child.once('exit', (code) => {
        clearTimeout(killer);
        resolve([spec.name, code]);
      });
      child.kill('SIGTERM');
    });
  }

  return {
    start: (spec) => new Promise<string>((resolve, reject) => launch(spec, initialDelay, resolve, reject)),
    async stop() {
      stopping = true;
      for (const timer of timers) clearTimeout(timer);
      const all = [...running.values()];
      const first = await Promise.all(all.filter((r) => r.spec.stopFirst).map(stopOne));
      const rest = await Promise.all(all.filter((r) => !r.spec.stopFirst).map(stopOne));
      const exits = Object.fromEntries([...first, ...rest]);
      return { exits, clean: Object.values(exits).every((code) => code === 0) };
    },
    kill() {
      stopping = true;
      for (const { child } of running.values()) child.kill('SIGKILL');
    },
  };
}

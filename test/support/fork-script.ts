/**
 * Forks a script (TypeScript under tsx, or a compiled build's JavaScript) and waits for the IPC
 * message that says it is ready: the one way the tests, the benchmark, the statistics measurement
 * and the conformance run start a subgraph, a gateway or the audit's subgraphs. The callers differ
 * only in the options.
 */
import { fork, type ChildProcess, type StdioOptions } from 'node:child_process';

export interface ForkOptions<Ready> {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Loaded before the script, after tsx (the benchmark's usage probe, `--cpu-prof`, …). */
  execArgv?: string[];
  /** @default inherited stdout and stderr, plus the IPC channel */
  stdio?: StdioOptions;
  /** Which message means "ready", and what it carries (a URL, a port). */
  ready: (message: unknown) => Ready | undefined;
  /** Refuse after this long. @default no limit */
  timeoutMs?: number;
  /** Added to a failure's message (the process's output so far, say). */
  explain?: () => string;
}

export interface ForkedScript<Ready> {
  child: ChildProcess;
  /** Resolves with what `ready` read from the first ready message; rejects if the process exits (or the time runs out) first. */
  ready: Promise<Ready>;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

export function forkScript<Ready>(script: string, args: string[], options: ForkOptions<Ready>): ForkedScript<Ready> {
  const child = fork(script, args, {
    cwd: options.cwd,
    // TypeScript through tsx; a compiled build's JavaScript as it is (gateway/deploy/build.ts).
    execArgv: [...(script.endsWith('.ts') ? ['--import', 'tsx'] : []), ...(options.execArgv ?? [])],
    env: options.env ?? process.env,
    stdio: options.stdio ?? ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const explain = () => (options.explain ? `:\n${options.explain()}` : '');
  const ready = new Promise<Ready>((resolve, reject) => {
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => reject(new Error(`${script} did not start${explain()}`)), options.timeoutMs);
    const onMessage = (message: unknown) => {
      const value = options.ready(message);
      if (value === undefined) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(value);
    };
    child.on('message', onMessage);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before it was ready${explain()}`));
    });
  });
  // A caller that stops waiting (a failed sibling) must not leave an unhandled rejection behind.
  ready.catch(() => undefined);
  return { child, ready, exited };
}

/** The ready message of our servers (subgraphs/start.ts, gateway/index.ts): `{ ready, url }`. */
export function readyUrl(message: unknown): string | undefined {
  const { ready, url } = (message ?? {}) as { ready?: unknown; url?: unknown };
  return ready && typeof url === 'string' && url !== '' ? url : undefined;
}

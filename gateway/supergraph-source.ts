/**
 * Where the gateway's supergraph comes from (docs/operations.md, "Supergraph"): a file
 * (SUPERGRAPH_PATH, by default the committed schema/supergraph.graphql) or a URL (SUPERGRAPH_URL),
 * checked every SUPERGRAPH_POLL_INTERVAL_MS. A changed supergraph is handed to @apollo/gateway,
 * which builds and validates it and swaps it in: requests already under way finish on the one
 * they started with. One that cannot be loaded (file missing, URL failing) or built (not a valid
 * supergraph) leaves the previous one serving, and the log says why, once per distinct content.
 *
 * The first load must succeed: a gateway that cannot read its supergraph does not start.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { SupergraphManager } from '@apollo/gateway';
import { request } from 'undici';
import type { Logger } from '../schema/runtime/logger.ts';

export interface SupergraphSourceOptions {
  /** Read when no URL is set. */
  path: string;
  url?: string | undefined;
  pollIntervalMs: number;
  log: Logger;
}

export function supergraphSource(options: SupergraphSourceOptions): SupergraphManager {
  const source = options.url ?? options.path;
  const load = options.url ? () => fetchSupergraph(options.url!, options.pollIntervalMs) : () => readFile(options.path, 'utf8');
  const hash = (sdl: string) => createHash('sha256').update(sdl).digest('hex').slice(0, 16);

  return {
    async initialize({ update }) {
      const initial = await load();
      let serving = hash(initial);
      let lastProblem = '';
      const report = (problem: string, entry: Record<string, unknown>) => {
        if (problem === lastProblem) return;
        lastProblem = problem;
        options.log.error({ source, ...entry }, 'supergraph not updated: the previous one keeps serving');
      };

      let checking = false;
      const check = async () => {
        if (checking) return;
        checking = true;
        try {
          const sdl = await load().catch((error: unknown) => {
            report(`load:${String(error)}`, { reason: `cannot load: ${(error as Error).message ?? String(error)}` });
            return null;
          });
          if (sdl === null) return;
          const next = hash(sdl);
          if (next === serving) return;
          try {
            update(sdl);
            options.log.info({ source, from: serving, to: next }, 'supergraph updated');
            serving = next;
            lastProblem = '';
          } catch (error) {
            report(`build:${next}`, { hash: next, reason: (error as Error).message ?? String(error) });
          }
        } finally {
          checking = false;
        }
      };
      const timer = setInterval(() => void check(), options.pollIntervalMs);
      timer.unref();
      options.log.info({ source, hash: serving, pollIntervalMs: options.pollIntervalMs }, 'supergraph loaded');
      return { supergraphSdl: initial, cleanup: async () => clearInterval(timer) };
    },
  };
}

async function fetchSupergraph(url: string, timeoutMs: number): Promise<string> {
  const response = await request(url, { method: 'GET', signal: AbortSignal.timeout(Math.max(timeoutMs, 1_000)) });
  const text = await response.body.text();
  if (response.statusCode < 200 || response.statusCode >= 300) throw new Error(`HTTP ${response.statusCode}`);
  return text;
}

/**
 * Keeps N keep-alive connections busy with the same GraphQL request, each worker sending the next
 * request as soon as the previous one is answered, and records every outcome with the instant it
 * started (performance.now()), so a test can compare them with the instant a signal was sent.
 */
import { Pool } from 'undici';

export interface Outcome {
  startedAt: number;
  endedAt: number;
  /** HTTP status, when a response arrived. */
  status?: number;
  /** 200 with data and no errors. */
  ok?: boolean;
  /** The response said `Connection: close`. */
  connectionClose?: boolean;
  /** The error code when no response arrived (ECONNREFUSED, UND_ERR_SOCKET, …). */
  error?: string;
}

export interface Load {
  outcomes: Outcome[];
  /** Resolves once `count` requests have been answered. */
  warmedUp(count: number): Promise<void>;
  /** Stops the workers and closes their connections. */
  stop(): Promise<void>;
}

export function keepBusy(url: string, options: { connections: number; headers: Record<string, string>; query: string }): Load {
  const target = new URL(url);
  const pool = new Pool(target.origin, { connections: options.connections, pipelining: 1 });
  const outcomes: Outcome[] = [];
  const body = JSON.stringify({ query: options.query });
  let stopped = false;

  async function worker(): Promise<void> {
    while (!stopped) {
      const startedAt = performance.now();
      try {
        const response = await pool.request({
          path: target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', ...options.headers },
          body,
        });
        const text = await response.body.text();
        const json = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
        outcomes.push({
          startedAt,
          endedAt: performance.now(),
          status: response.statusCode,
          ok: response.statusCode === 200 && json.data != null && json.errors === undefined,
          connectionClose: response.headers.connection === 'close',
        });
      } catch (error) {
        const code = (error as { code?: string }).code ?? (error as Error).name;
        outcomes.push({ startedAt, endedAt: performance.now(), error: code });
        // Refused: nothing listens any more; do not spin.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  }

  const workers = Array.from({ length: options.connections }, () => worker());
  return {
    outcomes,
    async warmedUp(count) {
      while (outcomes.filter((o) => o.status !== undefined).length < count) await new Promise((resolve) => setTimeout(resolve, 20));
    },
    async stop() {
      stopped = true;
      await Promise.all(workers);
      await pool.destroy();
    },
  };
}

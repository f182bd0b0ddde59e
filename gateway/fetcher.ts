/**
 * The HTTP client for subgraph calls: undici with a keep-alive pool per subgraph origin.
 * @apollo/gateway's default fetcher opens connections without keep-alive, which costs about a
 * quarter of the gateway's CPU (GATEWAY-NOTES.md); a custom agent no longer reaches it
 * (federation#1861), so we pass a whole fetcher. Each call has a timeout; no retries here: a
 * mutation must never be sent twice.
 */
import type { Fetcher } from '@apollo/utils.fetcher';
import { Agent, fetch as undiciFetch } from 'undici';

export interface KeepAliveFetcher {
  fetcher: Fetcher;
  close(): Promise<void>;
}

export function createKeepAliveFetcher(timeoutMs: number): KeepAliveFetcher {
  const agent = new Agent({
    keepAliveTimeout: 60_000,
    keepAliveMaxTimeout: 600_000,
    connections: 64,
    pipelining: 1,
  });
  const fetcher = ((url: string, init?: Record<string, unknown>) =>
    undiciFetch(url, {
      ...(init as object),
      dispatcher: agent,
      signal: AbortSignal.timeout(timeoutMs),
    })) as unknown as Fetcher;
  return { fetcher, close: () => agent.close() };
}

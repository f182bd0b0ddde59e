/**
 * The HTTP client for subgraph calls: undici's dispatcher API over a keep-alive pool per subgraph
 * origin. @apollo/gateway's default fetcher opens connections without keep-alive (≈ 25 % of the
 * gateway's CPU, measured here) and a custom agent no longer reaches it (federation#1861), so we
 * pass a whole fetcher. It uses `Agent.request` rather than undici's `fetch`: the WHATWG streams
 * behind `fetch` cost ~13 % of the gateway's CPU in our profile, and a subgraph answer is one small
 * JSON body. Each call has its subgraph's timeout (SUBGRAPH_TIMEOUT_MS, <NAME>_TIMEOUT_MS); no
 * retries here (datasource.ts retries queries only).
 */
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { Agent } from 'undici';

export interface KeepAliveFetcher {
  /** A fetcher whose calls are aborted after `timeoutMs` (one per subgraph, over the same pool). */
  withTimeout(timeoutMs: number): Fetcher;
  close(): Promise<void>;
}

/** `maxTimeoutMs`: the longest of the subgraphs' timeouts, undici's own backstop. */
export function createKeepAliveFetcher(maxTimeoutMs: number): KeepAliveFetcher {
  const agent = new Agent({
    keepAliveTimeout: 60_000,
    keepAliveMaxTimeout: 600_000,
    connections: 64,
    pipelining: 1,
    headersTimeout: maxTimeoutMs,
    bodyTimeout: maxTimeoutMs,
  });

  const withTimeout = (timeoutMs: number): Fetcher => async (url, init) => {
    const target = new URL(url);
    // A timer cleared when the answer is in, not AbortSignal.timeout: that one fires for every call
    // after its deadline, answered or not, and builds a DOMException each time (≈ 1.5 % of the
    // gateway's CPU in the window-view profile).
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException(`The subgraph did not answer within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
    timer.unref();
    try {
      const response = await agent.request({
        origin: target.origin,
        path: `${target.pathname}${target.search}`,
        method: (init?.method ?? 'POST') as 'POST',
        headers: init?.headers as Record<string, string> | undefined,
        body: init?.body as string | undefined,
        signal: controller.signal,
      });
      const text = await response.body.text();
      return toFetcherResponse(url, response.statusCode, response.headers, text);
    } finally {
      clearTimeout(timer);
    }
  };
  return { withTimeout, close: () => agent.close() };
}

/** The part of a fetch Response that RemoteGraphQLDataSource reads. */
function toFetcherResponse(url: string, status: number, raw: Record<string, string | string[] | undefined>, text: string): FetcherResponse {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: String(status),
    url,
    redirected: false,
    headers,
    bodyUsed: false,
    text: async () => text,
    json: async () => JSON.parse(text),
    arrayBuffer: async () => {
      const bytes = new TextEncoder().encode(text);
      const buffer = new ArrayBuffer(bytes.byteLength);
      new Uint8Array(buffer).set(bytes);
      return buffer;
    },
    clone: () => toFetcherResponse(url, status, raw, text),
  };
}

/**
 * The HTTP client for subgraph calls: undici's dispatcher API over a keep-alive pool per subgraph
 * origin. @apollo/gateway's default fetcher opens connections without keep-alive (≈ 25 % of the
 * gateway's CPU, measured here) and a custom agent no longer reaches it (federation#1861), so we
 * pass a whole fetcher. It dispatches with its own handler rather than undici's `fetch` (the WHATWG
 * streams behind it cost ~13 % of the gateway's CPU in our profile) or `Agent.request` (a Node
 * stream for the body and an AbortController per call, ≈ 4 % of the gateway's busy time on the
 * queue workload): a subgraph answer is one small JSON body, collected as it arrives. Each call
 * has its subgraph's timeout (SUBGRAPH_TIMEOUT_MS, <NAME>_TIMEOUT_MS), which aborts the request
 * through the dispatch controller; no retries here (datasource.ts retries queries only).
 */
import type { Fetcher, FetcherHeaders, FetcherResponse } from '@apollo/utils.fetcher';
import type { IncomingHttpHeaders } from 'node:http';
import { Agent, type Dispatcher } from 'undici';

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

  const withTimeout = (timeoutMs: number): Fetcher => (url, init) =>
    new Promise<FetcherResponse>((resolve, reject) => {
      const target = parsedUrl(url);
      let controller: Dispatcher.DispatchController | undefined;
      let settled = false;
      let status = 0;
      let headers: IncomingHttpHeaders = {};
      const chunks: Buffer[] = [];
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        outcome();
      };
      const timedOut = () => new DOMException(`The subgraph did not answer within ${timeoutMs} ms`, 'TimeoutError');
      // Fired only for a call still unanswered; it also cancels one still queued for a connection.
      const timer = setTimeout(() => {
        const reason = timedOut();
        settle(() => reject(reason));
        controller?.abort(reason);
      }, timeoutMs);
      timer.unref();
      agent.dispatch(
        { origin: target.origin, path: target.path, method: (init?.method ?? 'POST') as Dispatcher.HttpMethod, headers: init?.headers as Record<string, string> | undefined, body: init?.body as string | undefined },
        {
          onRequestStart(started) {
            controller = started;
            if (settled) started.abort(timedOut());
          },
          // Called again after a 1xx: the last status and headers are the answer's.
          onResponseStart(_controller, statusCode, responseHeaders) {
            status = statusCode;
            headers = responseHeaders;
          },
          onResponseData(_controller, chunk) {
            chunks.push(chunk);
          },
          onResponseEnd() {
            settle(() => resolve(toFetcherResponse(url, status, headers, Buffer.concat(chunks).toString('utf8'))));
          },
          onResponseError(_controller, error) {
            settle(() => reject(error));
          },
        },
      );
    });
  return { withTimeout, close: () => agent.close() };
}

/** A handful of subgraph URLs, parsed once each (a URL parse per call showed in the profile). */
const parsedUrls = new Map<string, { origin: string; path: string }>();
function parsedUrl(url: string): { origin: string; path: string } {
  let parsed = parsedUrls.get(url);
  if (!parsed) {
    const target = new URL(url);
    parsed = { origin: target.origin, path: `${target.pathname}${target.search}` };
    if (parsedUrls.size < 1_000) parsedUrls.set(url, parsed);
  }
  return parsed;
}

/**
 * A subgraph answer's headers as the data source reads them (`get('content-type')`), over
 * undici's record of lower-cased names: building a WHATWG Headers per call was ≈ 1 % of the
 * gateway's CPU in the window-view profile.
 */
class AnswerHeaders implements FetcherHeaders {
  private readonly map = new Map<string, string>();
  constructor(raw: Record<string, string | string[] | undefined>) {
    for (const name in raw) {
      const value = raw[name];
      if (value !== undefined) this.map.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value);
    }
  }
  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
  set(name: string, value: string): void {
    this.map.set(name.toLowerCase(), value);
  }
  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const existing = this.map.get(key);
    this.map.set(key, existing === undefined ? value : `${existing}, ${value}`);
  }
  delete(name: string): void {
    this.map.delete(name.toLowerCase());
  }
  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }
  keys(): IterableIterator<string> {
    return this.map.keys();
  }
  values(): IterableIterator<string> {
    return this.map.values();
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}

/** The part of a fetch Response that the data source (datasource.ts) and the case verifier read. */
function toFetcherResponse(url: string, status: number, raw: Record<string, string | string[] | undefined>, text: string): FetcherResponse {
  const headers = new AnswerHeaders(raw);
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

/**
 * Wraps the keep-alive fetcher of one subgraph with what is observed of each call: a CLIENT span
 * whose `traceparent` goes out with the request (the subgraph continues the trace), and the
 * gateway's per-subgraph metrics (calls by outcome, latency). Outcome `unavailable` is a call that
 * got no HTTP answer at all (refused, reset, timed out); `error` an answer other than 2xx.
 */
import type { Fetcher } from '@apollo/utils.fetcher';
import type { ServiceMetrics } from '../schema/runtime/metrics.ts';
import { SpanKind, injectTraceContext, withSpan } from '../schema/runtime/telemetry.ts';

export function observedFetcher(fetcher: Fetcher, subgraph: string, metrics: ServiceMetrics | undefined): Fetcher {
  // One subgraph, one URL (two across a reload): parsed once, not per call.
  const targets = new Map<string, URL>();
  return (url, init) => {
    let target = targets.get(url);
    if (!target) targets.set(url, (target = new URL(url)));
    if (targets.size > 16) targets.clear();
    const attributes = { 'imss.subgraph': subgraph, 'http.request.method': init?.method ?? 'POST', 'server.address': target.hostname, 'server.port': Number(target.port) || 80 };
    return withSpan(`POST ${subgraph}`, SpanKind.CLIENT, attributes, async (span, ctx) => {
      const headers: Record<string, string> = { ...(init?.headers as Record<string, string> | undefined) };
      injectTraceContext(ctx, headers);
      const started = performance.now();
      let outcome: 'ok' | 'error' | 'unavailable' = 'unavailable';
      try {
        const response = await fetcher(url, { ...init, headers });
        outcome = response.ok ? 'ok' : 'error';
        span?.setAttribute('http.response.status_code', response.status);
        return response;
      } finally {
        metrics?.subgraphRequests.inc({ subgraph, outcome });
        metrics?.subgraphDuration.observe({ subgraph }, (performance.now() - started) / 1000);
      }
    });
  };
}

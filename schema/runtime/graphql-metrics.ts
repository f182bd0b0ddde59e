/**
 * Apollo Server plugin that feeds `ServiceMetrics`: one count and one latency observation per
 * GraphQL request (by bounded operation name and kind), and one count per error in the response
 * by `extensions.code` — the codes the client received, after masking. Requests whose context
 * could not be built (an invalid token, a rate limit) count as operation `unknown`.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { codeLabel, type ServiceMetrics } from './metrics.ts';

export function graphqlMetricsPlugin<T extends BaseContext>(metrics: ServiceMetrics): ApolloServerPlugin<T> {
  return {
    async contextCreationDidFail({ error }) {
      metrics.graphqlRequests.inc({ operation: 'unknown', kind: 'unknown' });
      const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
      metrics.graphqlErrors.inc({ operation: 'unknown', code: codeLabel(code ?? 'INTERNAL_SERVER_ERROR') });
    },
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, operation, response }) {
          const labels = { operation: metrics.operations.label(operationName), kind: operation?.operation ?? 'unknown' };
          metrics.graphqlRequests.inc(labels);
          metrics.graphqlDuration.observe(labels, (performance.now() - started) / 1000);
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          for (const error of errors ?? []) metrics.graphqlErrors.inc({ operation: labels.operation, code: codeLabel(error.extensions?.code) });
        },
      };
    },
  };
}

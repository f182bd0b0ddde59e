/**
 * One structured log line per request at the gateway: request id, operation, client identity
 * (subject, never the token), duration, HTTP status and error codes. Enough to trace a complaint
 * ("my procedure failed at 10:42") to the subgraph logs that share the request id.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from './context.ts';

export function requestLoggingPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ response, operationName, operation, errors }) {
          const codes = (errors ?? []).map((e) => e.extensions?.code).filter(Boolean);
          contextValue.log.info(
            {
              operation: operationName ?? null,
              kind: operation?.operation ?? null,
              client: contextValue.clientKey,
              status: response.http.status ?? 200,
              durationMs: Math.round((performance.now() - started) * 10) / 10,
              ...(codes.length ? { errorCodes: codes } : {}),
            },
            'graphql request',
          );
        },
      };
    },
  };
}

/**
 * One structured log line per request at the gateway: request id, operation, client (a keyed
 * pseudonym of the subject or address, never the subject itself: it may be a CURP), the declared
 * purpose's catalogued procedure (never its free text), duration, HTTP status and error codes.
 * Enough to trace a complaint ("my procedure failed at 10:42") to the subgraph logs that share the
 * request id, and to follow one client's requests without learning who they are.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { pseudonym, purposeProcedure } from '../schema/runtime/redaction.ts';
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
              client: pseudonym(contextValue.clientKey),
              procedure: purposeProcedure(contextValue.purpose),
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

import type { GraphQLFormattedError } from 'graphql';
import { formatErrorMasked } from '../subgraphs/shared/masking.ts';

/**
 * Subgraph errors arrive with their own (already masked) code and pass through. Transport failures
 * (a subgraph down or timing out) would otherwise show internal URLs; they become
 * SUBGRAPH_UNAVAILABLE naming only the service, and the rest of the response is still served.
 */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const ext = formatted.extensions ?? {};
  const serviceName = typeof ext.serviceName === 'string' ? ext.serviceName : undefined;
  if (serviceName && (ext.code === undefined || ext.code === 'INTERNAL_SERVER_ERROR' || ext.code === 'DOWNSTREAM_SERVICE_ERROR') && /fetch|ECONN|abort|timeout|socket/i.test(formatted.message)) {
    return {
      message: `The ${serviceName} service is unavailable; partial data returned`,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName },
    };
  }
  return formatErrorMasked(formatted, error);
}

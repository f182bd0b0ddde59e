import type { GraphQLFormattedError } from 'graphql';
import { formatErrorMasked } from '../schema/errors/masking.ts';

/**
 * Subgraph errors arrive with their own (already masked) code and pass through; unreachable
 * subgraphs arrive as SUBGRAPH_UNAVAILABLE (datasource.ts). Anything else is masked.
 */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  return formatErrorMasked(formatted, error);
}

/**
 * What the gateway's clients see of errors. Subgraph errors arrive with their own (already masked)
 * code and pass through; unreachable subgraphs arrive as SUBGRAPH_UNAVAILABLE (datasource.ts);
 * anything else is masked. In production, graphql-js's "Did you mean …?" hints (field, argument,
 * type and enum value names) are cut from messages: they would let anyone map the schema with
 * introspection off. Last, every message is given in the caller's language by its code
 * (gateway/error-messages/: es-MX by default, English on Accept-Language: en).
 */
import type { GraphQLFormattedError } from 'graphql';
import { formatErrorMasked } from '../schema/errors/masking.ts';
import { currentRequest } from '../schema/runtime/request-scope.ts';
import { localizeError } from './error-messages/localize.ts';
import { negotiateLocale } from './error-messages/locale.ts';

const SUGGESTION = / ?Did you mean .*\?$/;

export function gatewayErrorFormatter(options: { production: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const masked = formatErrorMasked(formatted, error);
    const hinted = options.production && SUGGESTION.test(masked.message) ? { ...masked, message: masked.message.replace(SUGGESTION, '') } : masked;
    return localizeError(hinted, negotiateLocale(currentRequest.getStore()?.headers['accept-language']));
  };
}

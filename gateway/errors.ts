/**
 * What the gateway's clients see of errors. Subgraph errors arrive with their own (already masked)
 * code and pass through; unreachable subgraphs arrive as SUBGRAPH_UNAVAILABLE (datasource.ts);
 * anything else is masked. In production, graphql-js's "Did you mean …?" hints (field, argument,
 * type and enum value names) are cut from messages: they would let anyone map the schema with
 * introspection off. Last, every message is given in the caller's language by its code
 * (gateway/error-messages/: es-MX by default, English on Accept-Language: en).
 *
 * Masking runs as Apollo's `formatError`, which is not told the request; the language is applied
 * to the finished body, where the request is known (`localizedBody`, schema/runtime/http-server.ts
 * `finishBody`). Every error Apollo answers passes both: those of the operation and those thrown
 * while making the context (authentication, rate limit).
 */
import type { GraphQLFormattedError } from 'graphql';
import { formatErrorMasked } from '../schema/errors/masking.ts';
import { localizeError } from './error-messages/localize.ts';
import { negotiateLocale } from './error-messages/locale.ts';

const SUGGESTION = / ?Did you mean .*\?$/;

export function gatewayErrorFormatter(options: { production: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const masked = formatErrorMasked(formatted, error);
    return options.production && SUGGESTION.test(masked.message) ? { ...masked, message: masked.message.replace(SUGGESTION, '') } : masked;
  };
}

/**
 * A GraphQL response body with its errors in the language `acceptLanguage` prefers. A body
 * without errors, the usual case, is sent as it is: only one that names `"errors"` is parsed.
 */
export function localizedBody(body: string, acceptLanguage: string | undefined): string {
  if (!body.includes('"errors"')) return body;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body;
  }
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as { errors?: unknown }).errors)) return body;
  const locale = negotiateLocale(acceptLanguage);
  const response = parsed as { errors: GraphQLFormattedError[] };
  // Apollo ends its bodies with a newline (prettyJSONStringify); so does this one.
  return `${JSON.stringify({ ...response, errors: response.errors.map((error) => localizeError(error, locale)) })}\n`;
}

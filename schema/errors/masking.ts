/**
 * Error masking for Apollo Server (subgraphs and gateway): errors with a known, stable code pass
 * through; anything else becomes "Internal server error" with the request id, after being logged.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { isClientError } from './client-errors.ts';
import type { Logger } from '../runtime/logger.ts';

/** Codes produced by Apollo Server and graphql-js for problems in the request itself. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'PURPOSE_REQUIRED',
  'RATE_LIMITED',
  'CONFLICT',
  'INTERNAL_SERVER_ERROR',
  'DOWNSTREAM_SERVICE_ERROR',
]);

/** Domain validation codes (CURP_*, NSS_*, RFC_*, EMAIL_*, BENEFICIARY_*, ...) are client-safe. */
const DOMAIN_CODE = /^[A-Z]+(_[A-Z0-9]+)+$/;

export function isSafeCode(code: unknown): boolean {
  return typeof code === 'string' && (REQUEST_ERROR_CODES.has(code) || DOMAIN_CODE.test(code));
}

export function formatErrorMasked(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = formatted.extensions?.code;
  const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
  if (isClientError(original) || (code !== 'INTERNAL_SERVER_ERROR' && isSafeCode(code))) {
    return { ...formatted, extensions };
  }
  return {
    message: 'Internal server error',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(extensions.requestId ? { requestId: extensions.requestId } : {}) },
  };
}

/** Logs every error that reaches the response with the request id, before masking hides it. */
export function errorLoggingPlugin<T extends BaseContext & { requestId?: string; log?: Logger }>(fallback: Logger): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          const log = contextValue.log ?? fallback;
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (isClientError(original) || isSafeCode(error.extensions?.code)) continue;
            log.error({ err: original, requestId: contextValue.requestId, path: error.path }, 'GraphQL error');
          }
        },
        async willSendResponse({ response, contextValue }) {
          // Put the request id on masked errors so support can find the log line.
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            const ext = error.extensions as Record<string, unknown> | undefined;
            if (ext && ext.code === 'INTERNAL_SERVER_ERROR' && contextValue.requestId) ext.requestId = contextValue.requestId;
          }
        },
      };
    },
  };
}

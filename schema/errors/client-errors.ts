/**
 * Errors a client may see. Each has a stable `extensions.code`; anything else thrown inside a
 * subgraph is internal and is masked (see masking.ts) after being logged with the request id.
 */
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** Used for both "absent" and "not yours": a caller never learns whether a record exists. */
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  PURPOSE_REQUIRED: 'PURPOSE_REQUIRED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

/** An error whose message and code are safe to show to the caller. */
export class ClientError extends GraphQLError {
  readonly safeForClient = true;
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
  }
}

export function isClientError(error: unknown): error is ClientError {
  return error instanceof GraphQLError && (error as Partial<ClientError>).safeForClient === true;
}

export const badInput = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new ClientError(code, message, details);

export const notFound = (what = 'Record') => new ClientError(ErrorCode.NOT_FOUND, `${what} not found`);

export const forbidden = () => new ClientError(ErrorCode.FORBIDDEN, 'Not permitted');

export const purposeRequired = () =>
  new ClientError(
    ErrorCode.PURPOSE_REQUIRED,
    'Staff access to personal data needs a declared purpose (X-Access-Purpose header)',
  );

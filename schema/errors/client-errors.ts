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
  /** Staff with a purpose but neither a verified case for this person nor a declared exception. */
  CASE_REQUIRED: 'CASE_REQUIRED',
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

/**
 * The error for input that breaks one or more domain rules: the first issue's code, every issue's
 * message, and the issues themselves (code, message, position) for a client to show field by field.
 */
export function ruleViolation(issues: ReadonlyArray<{ code: string; message: string }>, fallbackCode = 'BAD_USER_INPUT'): ClientError {
  const [first] = issues;
  return badInput(first?.code ?? fallbackCode, issues.map((i) => i.message).join('; '), { issues });
}

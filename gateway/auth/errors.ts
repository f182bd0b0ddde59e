/**
 * The one error the gateway's authentication raises. Its message is the same for every cause
 * (expired, wrong issuer, bad signature, unknown role, …) so a caller learns nothing about why a
 * token was refused; the cause stays in `reason`, which is for logs and is never serialised
 * (GraphQLError's JSON carries only message, locations, path and extensions).
 */
import { GraphQLError } from 'graphql';

export const INVALID_TOKEN_MESSAGE = 'Invalid or expired token';
export const MALFORMED_HEADER_MESSAGE = "Authorization header must be 'Bearer <token>'";

export class AuthenticationError extends GraphQLError {
  readonly code = 'UNAUTHENTICATED';
  /** Why authentication failed, for logs only. */
  readonly reason: string;

  /**
   * @param callerFault false when the gateway could not check the token (its identity provider's
   *   keys unreachable): such failures do not count against the caller's address (brute force).
   */
  constructor(
    reason: string,
    message: string = INVALID_TOKEN_MESSAGE,
    readonly callerFault: boolean = true,
  ) {
    super(message, {
      extensions: {
        code: 'UNAUTHENTICATED',
        // Apollo Server turns `http` into the response status and headers (RFC 6750 §3).
        http: { status: 401, headers: new Map([['www-authenticate', 'Bearer error="invalid_token"']]) },
      },
    });
    this.name = 'AuthenticationError';
    this.reason = reason;
  }
}

/**
 * Who is calling, at the gateway's door (docs/security.md, "Identity" and "Brute force"):
 * - a request without Authorization is anonymous;
 * - a token that fails gets 401 with `WWW-Authenticate: Bearer error="invalid_token"` (RFC 9110
 *   §11.6.1, RFC 6750 §3), and counts as a failed authentication against the caller's address;
 * - past AUTH_FAILURES_PER_MINUTE failures in the minute, the address gets 429 with Retry-After
 *   for every token the gateway has not verified in the last minute — before checking it, so a
 *   guesser learns nothing more. Tokens in use by others behind the same address (a consulate's
 *   NAT) keep working, and requests without a token are only subject to the anonymous limit.
 * Failures the gateway caused itself (its identity provider's keys unreachable) are not counted.
 */
import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Identity } from '../schema/identity/viewer.ts';
import type { Logger } from '../schema/runtime/logger.ts';
import { AuthenticationError } from './auth/errors.ts';
import type { RateLimitDecision, RateLimiter } from './rate-limit.ts';

export interface ClientTokenVerifierLike {
  verify(authorizationHeader: string | undefined): Promise<Identity>;
  /** A token verified recently (no signature check); absent on verifiers without a cache. */
  recentlyVerified?(authorizationHeader: string): Identity | undefined;
}

export interface AuthenticatorOptions {
  clientTokens: ClientTokenVerifierLike;
  /** Counts failed authentications per address (Redis when configured). */
  failures: RateLimiter;
  /** AUTH_FAILURES_PER_MINUTE */
  failuresPerMinute: number;
  log: Logger;
  /** The address failures are counted against (behind trusted proxies, the one they recorded). @default the socket's */
  addressOf?: (req: IncomingMessage) => string;
}

export type Authenticate = (req: IncomingMessage, requestId: string) => Promise<Identity>;

export function createAuthenticator(options: AuthenticatorOptions): Authenticate {
  const { clientTokens, failures, failuresPerMinute: limit, log } = options;
  const addressOf = options.addressOf ?? ((req: IncomingMessage) => req.socket.remoteAddress ?? 'unknown');
  return async (req, requestId) => {
    const header = req.headers.authorization;
    if (header === undefined) return clientTokens.verify(undefined);
    // A token verified a moment ago is answered from the cache, before any failure bookkeeping.
    const recent = clientTokens.recentlyVerified?.(header);
    if (recent) return recent;
    const key = `authfail:ip:${addressOf(req)}`;
    const standing = await failures.peek(key, limit);
    if (!standing.allowed) throw tooManyFailures(standing);
    try {
      return await clientTokens.verify(header);
    } catch (error) {
      const refusal = error instanceof AuthenticationError ? error : new AuthenticationError(String(error), undefined, false);
      log.info({ requestId, reason: refusal.reason }, 'client token rejected');
      if (refusal.callerFault) {
        const counted = await failures.hit(key, limit);
        if (!counted.allowed) throw tooManyFailures(counted);
      }
      throw refusal;
    }
  };
}

function tooManyFailures(decision: RateLimitDecision): GraphQLError {
  return new GraphQLError('Too many failed authentications from this address: retry after the reset', {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds: decision.resetSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(decision.resetSeconds)]]) },
    },
  });
}

/**
 * Verifies the client's JWT at the gateway (@apollo/gateway has no JWT support of its own) and turns it into an `Identity`. Everything that could let a forged token
 * through is pinned here: algorithms (no `none`, no HS256 keyed with the public key, no RS/ES
 * swap), issuer, audience, `exp`, `nbf`, and the claim schema (unknown roles, missing scopes).
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { ZodError } from 'zod';
import { failureReason } from '../../schema/identity/failure-reason.ts';
import { ExpiringLru } from '../../schema/identity/lru.ts';
import { CLIENT_TOKEN_MAX_LENGTH } from '../../schema/identity/token-limits.ts';
import { ANONYMOUS, identityClaimsSchema, viewerFromClaims, type Identity } from '../../schema/identity/viewer.ts';
import { AuthenticationError, MALFORMED_HEADER_MESSAGE } from './errors.ts';

export type ClientTokenAlgorithm = 'RS256' | 'ES256';
export const CLIENT_TOKEN_ALGORITHMS: readonly ClientTokenAlgorithm[] = ['RS256', 'ES256'];

/** Real access tokens are a few KB at most; refusing huge headers early bounds the work (token-limits.ts). */
const MAX_TOKEN_LENGTH = CLIENT_TOKEN_MAX_LENGTH;

interface CommonOptions {
  /** Expected `iss` claim. */
  issuer: string;
  /** Expected `aud` claim (a token whose `aud` array contains it also passes). */
  audience: string;
  /**
   * Accepted signature algorithms. Tokens using any other (`none`, `HS256`, `PS256`, …) are refused
   * before the key is even looked at.
   * @default ['RS256', 'ES256']
   */
  algorithms?: ClientTokenAlgorithm[];
  /**
   * Allowed clock skew, in seconds, when checking `exp` and `nbf`.
   * @default 30
   */
  clockToleranceSeconds?: number;
  /**
   * When set, tokens must carry `iat` and be at most this many seconds old, whatever `exp` says.
   * @default undefined (only `exp` limits a token's life)
   */
  maxTokenAgeSeconds?: number;
  /**
   * Verified tokens remembered (each for at most 60 s and never past its `exp`).
   * @default 10_000
   */
  maxCachedTokens?: number;
}

/** Exactly one key source: the identity provider's JWKS endpoint, or one SPKI PEM public key. */
export type ClientTokenVerifierOptions = CommonOptions &
  (
    | {
        /** JWKS endpoint of the identity provider: https, or http on a loopback host (tests). */
        jwksUrl: string;
        publicKeyPem?: undefined;
      }
    | {
        /** SPKI PEM public key (RSA ≥ 2048 bits or EC P-256), e.g. the development identity provider. */
        publicKeyPem: string;
        jwksUrl?: undefined;
      }
  );

/** How long a verified token is trusted without re-checking its signature (key rotation bound). */
const VERIFIED_CACHE_MS = 60_000;

export interface ClientTokenVerifier {
  /**
   * `undefined` (no Authorization header) → anonymous. Anything else must be `Bearer <valid JWT>`,
   * or this throws `AuthenticationError`: a client that tried to authenticate and failed is told
   * so, instead of silently continuing as anonymous.
   */
  verify(authorizationHeader: string | undefined): Promise<Identity>;
  /** The identity of a token verified in the last minute, without verifying it again; else undefined. */
  recentlyVerified(authorizationHeader: string): Identity | undefined;
}

export function createClientTokenVerifier(options: ClientTokenVerifierOptions): ClientTokenVerifier {
  const configured = options.algorithms ?? [...CLIENT_TOKEN_ALGORITHMS];
  if (configured.length === 0 || configured.some((alg) => !CLIENT_TOKEN_ALGORITHMS.includes(alg))) {
    throw new TypeError(`algorithms must be a non-empty subset of ${CLIENT_TOKEN_ALGORITHMS.join(', ')}`);
  }
  if ((options.jwksUrl === undefined) === (options.publicKeyPem === undefined)) {
    throw new TypeError('Set exactly one of jwksUrl and publicKeyPem');
  }
  const { key, algorithms } =
    options.jwksUrl !== undefined
      ? { key: createRemoteJWKSet(jwksEndpoint(options.jwksUrl)), algorithms: configured }
      : pemKey(options.publicKeyPem ?? '', configured);
  const verifyOptions = {
    issuer: options.issuer,
    audience: options.audience,
    algorithms,
    requiredClaims: ['exp', 'sub'],
    clockTolerance: options.clockToleranceSeconds ?? 30,
    ...(options.maxTokenAgeSeconds !== undefined && { maxTokenAge: options.maxTokenAgeSeconds }),
  };

  // Verified tokens are remembered (bounded, at most VERIFIED_CACHE_MS and never past `exp`): a
  // client sends the same token on every request, and an ES256/RS256 check on each one is the
  // gateway's largest fixed cost. Failures are never cached.
  const verified = new ExpiringLru<Identity>(options.maxCachedTokens ?? 10_000);

  return {
    async verify(authorizationHeader) {
      if (authorizationHeader === undefined) return ANONYMOUS;
      const token = bearerToken(authorizationHeader);
      const now = Date.now();
      const cached = verified.get(token, now);
      if (cached) return cached;
      try {
        const { payload } = await jwtVerify(token, key, verifyOptions);
        const identity: Identity = { kind: 'user', viewer: viewerFromClaims(identityClaimsSchema.parse(payload)) };
        const ageLimit = options.maxTokenAgeSeconds !== undefined && payload.iat !== undefined ? (payload.iat + options.maxTokenAgeSeconds) * 1000 : Infinity;
        verified.set(token, identity, Math.min((payload.exp ?? 0) * 1000, ageLimit, now + VERIFIED_CACHE_MS));
        return identity;
      } catch (error) {
        // The token was checked and failed, or the keys to check it could not be fetched.
        const checked = (error instanceof errors.JOSEError && !(error instanceof errors.JWKSTimeout)) || error instanceof ZodError;
        throw new AuthenticationError(failureReason(error), undefined, checked);
      }
    },
    recentlyVerified(authorizationHeader) {
      const match = BEARER.exec(authorizationHeader);
      return match?.[1] ? verified.get(match[1], Date.now()) : undefined;
    },
  };
}

/** RFC 7235: the scheme is case-insensitive; one or more spaces before the credentials. */
const BEARER = /^Bearer +(\S+) *$/i;

function bearerToken(header: string): string {
  const match = BEARER.exec(header);
  if (!match?.[1]) throw new AuthenticationError('authorization header is not a Bearer token', MALFORMED_HEADER_MESSAGE);
  if (match[1].length > MAX_TOKEN_LENGTH) throw new AuthenticationError('token too long');
  return match[1];
}

function jwksEndpoint(raw: string): URL {
  const url = new URL(raw);
  // Keys fetched over plain http could be swapped in transit, which forges every token.
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new TypeError('jwksUrl must use https (http is allowed only on a loopback host)');
  }
  return url;
}

/**
 * Parses the PEM once, at start-up (a bad key fails the boot, not the first request), and narrows
 * the algorithms to the one this key can verify: an EC key never verifies an RS256 token.
 */
function pemKey(pem: string, configured: ClientTokenAlgorithm[]): { key: KeyObject | JWTVerifyGetKey; algorithms: ClientTokenAlgorithm[] } {
  // createPublicKey would quietly derive a public key from a private one; refuse to hold a private key.
  if (!pem.includes('-----BEGIN PUBLIC KEY-----')) throw new TypeError('publicKeyPem must be an SPKI "PUBLIC KEY" PEM');
  const key = createPublicKey(pem);
  const alg = algorithmFor(key);
  if (!configured.includes(alg)) throw new TypeError(`publicKeyPem is a ${alg} key but algorithms allow only ${configured.join(', ')}`);
  return { key, algorithms: [alg] };
}

function algorithmFor(key: KeyObject): ClientTokenAlgorithm {
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  throw new TypeError('publicKeyPem must be an RSA or EC P-256 public key');
}

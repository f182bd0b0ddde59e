/**
 * The short-lived token the gateway signs for each subgraph call (docs/security.md,
 * "Identity"). Subgraphs trust only this token, never client headers, so
 * calling a subgraph directly gains nothing. One token per audience: a token minted for `persons`
 * is useless against `biometrics`.
 *
 * Both ends cache: signing happens per request per subgraph and verification per subgraph request,
 * which is the hot path the performance targets measure. Because a token is reused for up to
 * `ttlSeconds - 10` s, its `jti` identifies a signing, not a request: do not use it for replay checks.
 *
 * Signed and verified with fast-jwt, which calls node:crypto synchronously. jose (still used for
 * client tokens, whose keys come from a JWKS) goes through WebCrypto's asynchronous jobs: for a
 * token no cache holds yet (a new identity, a new Idempotency-Key) that cost 150 instead of
 * 95 µs of CPU to sign and 330 instead of 225 µs to verify (docs/architecture.md, "Performance notes").
 */
import { KeyObject, randomUUID } from 'node:crypto';
import { createSigner, createVerifier } from 'fast-jwt';
import { GraphQLError } from 'graphql';
import type { CryptoKey } from 'jose';
import { failureReason } from './failure-reason.ts';
import { ExpiringLru } from './lru.ts';
import { NO_GROUNDS, exceptionReasonSchema, verifiedCaseSchema, type AccessGrounds } from './access-grounds.ts';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeySchema } from './idempotency-key.ts';
import { InvalidPurposeError, parsePurpose, purposeSchema } from './purpose.ts';
import { IDENTITY_NAME_MAX_LENGTH, IDENTITY_TOKEN_MAX_LENGTH } from './token-limits.ts';
import {
  ANONYMOUS,
  claimsFromViewer,
  identityClaimsSchema,
  viewerFromClaims,
  type Identity,
} from './viewer.ts';

export const IDENTITY_HEADER = 'x-imss-identity';
/**
 * Client headers a gateway in front of the subgraphs (ours, or a peer with our plugin or
 * coprocessor) never forwards: credentials, what travels signed inside the identity token
 * instead (purpose, grounds, idempotency key), and an identity header a client may have sent.
 */
export const NOT_FORWARDED: ReadonlySet<string> = new Set(['authorization', 'cookie', 'x-access-purpose', 'x-access-case', 'x-access-exception', IDEMPOTENCY_KEY_HEADER, IDENTITY_HEADER]);
export const DEFAULT_GATEWAY_ISSUER = 'imss-federation-gateway';
/** Pinned: the verifier accepts nothing else, whatever the token's header says. */
export const GATEWAY_TOKEN_ALG = 'EdDSA';
/** Explicit `typ` so no other JWT signed with the same key can pass as an identity token. */
export const GATEWAY_TOKEN_TYPE = 'imss-identity+jwt';
const ANONYMOUS_SUBJECT = 'anonymous';
/** A cached token is not handed out in its last 10 s, so it cannot expire in flight. */
const REUSE_MARGIN_SECONDS = 10;
/**
 * How a subgraph tells the gateway what it wants (RFC 9110 §11.6.1): its own scheme, named after
 * the header that carries the credential, since it reads no Authorization header.
 */
export function identityChallenge(subgraph: string): string {
  return `IMSS-Identity realm="${subgraph}", error="invalid_token"`;
}

export class GatewayTokenError extends GraphQLError {
  readonly code = 'UNAUTHENTICATED';
  /** Why verification failed, for logs only: never sent to the caller. */
  readonly reason: string;
  constructor(reason: string, audience = 'imss-federation') {
    super('This service only accepts requests from the gateway', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: new Map([['www-authenticate', identityChallenge(audience)]]) } },
    });
    this.name = 'GatewayTokenError';
    this.reason = reason;
  }
}

/**
 * The identity token would be longer than a subgraph accepts. Cannot happen for a client token
 * within CLIENT_TOKEN_MAX_LENGTH (token-limits.ts); if the bound is ever wrong, the caller is told
 * why instead of getting a subgraph's 401.
 */
export class IdentityTokenTooLargeError extends GraphQLError {
  constructor(length: number) {
    super(`The token's scope (roles, registrations, purpose) is too large to pass on: ${length} characters signed, at most ${IDENTITY_TOKEN_MAX_LENGTH}`, {
      extensions: { code: 'TOKEN_SCOPE_TOO_LARGE', limit: IDENTITY_TOKEN_MAX_LENGTH },
    });
    this.name = 'IdentityTokenTooLargeError';
  }
}

export interface IdentitySignerOptions {
  /** Ed25519 private key (a PKCS8 KeyObject, or a CryptoKey with the `sign` usage). */
  privateKey: KeyObject | CryptoKey;
  /** @default 'imss-federation-gateway' */
  issuer?: string;
  /** Lifetime of each token, in seconds. @default 60 */
  ttlSeconds?: number;
  /** Most tokens kept for reuse (one per audience × identity × purpose). @default 10_000 */
  maxCacheEntries?: number;
  /** Most tokens with an Idempotency-Key kept for that key's retries, apart from the others. @default 1_000 */
  maxKeyedCacheEntries?: number;
}

export interface IdentitySigner {
  /**
   * A token for `audience` (the subgraph's name) carrying `identity`, the declared `purpose`, the
   * grounds staff act on (a case the gateway verified, or an exception's reason) and the client's
   * Idempotency-Key, if it sent one (idempotency-key.ts).
   */
  sign(identity: Identity, audience: string, purpose: string | null, grounds?: AccessGrounds, idempotencyKey?: string | null): Promise<string>;
}

export function createIdentitySigner(options: IdentitySignerOptions): IdentitySigner {
  assertEd25519(options.privateKey, 'private', 'privateKey');
  const issuer = options.issuer ?? DEFAULT_GATEWAY_ISSUER;
  const ttlSeconds = options.ttlSeconds ?? 60;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1) throw new RangeError('ttlSeconds must be a positive integer');
  if (issuer.length > IDENTITY_NAME_MAX_LENGTH) throw new RangeError(`issuer must be at most ${IDENTITY_NAME_MAX_LENGTH} characters`);
  const cache = new ExpiringLru<string>(options.maxCacheEntries ?? 10_000);
  // A token with an Idempotency-Key serves only that key: its retries (a bank resending a payment
  // after a timeout) get the same token, so the subgraph's verified-token cache answers them. Kept
  // apart, so one-off keys never evict the tokens every other request reuses.
  const keyedCache = new ExpiringLru<string>(options.maxKeyedCacheEntries ?? 1_000);
  // The header is fixed: `alg` pinned, `typ` explicit; iss, aud, iat, exp and jti go in the payload.
  const signJws = createSigner({ key: pemOf(options.privateKey, 'private'), algorithm: GATEWAY_TOKEN_ALG, header: { alg: GATEWAY_TOKEN_ALG, typ: GATEWAY_TOKEN_TYPE } });

  return {
    async sign(identity, audience, purpose, grounds = NO_GROUNDS, idempotencyKey = null) {
      if (audience === '' || audience.length > IDENTITY_NAME_MAX_LENGTH) throw new TypeError(`audience must name a subgraph (at most ${IDENTITY_NAME_MAX_LENGTH} characters)`);
      if (idempotencyKey !== null && !idempotencyKeySchema.safeParse(idempotencyKey).success) throw new TypeError('idempotencyKey must be 1-255 printable ASCII characters');
      // Arrays, not joined strings: no separator a claim value could contain to collide two keys.
      const key = JSON.stringify([audience, purpose, identityKey(identity), grounds.case, grounds.exception, idempotencyKey]);
      const now = Date.now();
      const tokens = idempotencyKey === null ? cache : keyedCache;
      const cached = tokens.get(key, now);
      if (cached) return cached;
      // The gateway should have run parsePurpose on the header already; this is the backstop (after
      // the cache: a cached token's purpose passed it when the token was signed).
      if (purpose !== null && parsePurpose(purpose) !== purpose) throw new InvalidPurposeError();

      const issuedAt = Math.floor(now / 1000);
      const expiresAt = issuedAt + ttlSeconds;
      const token: string = signJws({ ...payloadFor(identity, purpose, grounds, idempotencyKey), iss: issuer, aud: audience, iat: issuedAt, exp: expiresAt, jti: randomUUID() });
      if (token.length > IDENTITY_TOKEN_MAX_LENGTH) throw new IdentityTokenTooLargeError(token.length);
      if (ttlSeconds > REUSE_MARGIN_SECONDS) tokens.set(key, token, (expiresAt - REUSE_MARGIN_SECONDS) * 1000);
      return token;
    },
  };
}

function payloadFor(identity: Identity, purpose: string | null, grounds: AccessGrounds, idempotencyKey: string | null): Record<string, unknown> {
  const base = identity.kind === 'anonymous' ? { sub: ANONYMOUS_SUBJECT, anon: true } : claimsFromViewer(identity.viewer);
  return {
    ...base,
    ...(purpose !== null && { purpose }),
    ...(grounds.case !== null && { access_case: grounds.case }),
    ...(grounds.exception !== null && { access_exception: grounds.exception }),
    ...(idempotencyKey !== null && { idempotency_key: idempotencyKey }),
  };
}

/** A stable serialisation: field order fixed here, roles and registrations sorted. */
function identityKey(identity: Identity): unknown[] {
  if (identity.kind === 'anonymous') return [ANONYMOUS_SUBJECT];
  const v = identity.viewer;
  return [v.subject, [...v.roles].sort(), v.curp, v.consulateId, [...v.employerRegistrations].sort(), v.bankId, v.subdelegation];
}

export interface IdentityVerifierOptions {
  /** The gateway's Ed25519 public key (SPKI KeyObject, or a CryptoKey with the `verify` usage). */
  publicKey: KeyObject | CryptoKey;
  /** @default 'imss-federation-gateway' */
  issuer?: string;
  /** This subgraph's name: tokens minted for another subgraph are rejected. */
  audience: string;
  /** Allowed clock skew between gateway and subgraph, in seconds. @default 5 */
  clockToleranceSeconds?: number;
  /** Rejects tokens older than this even if `exp` says otherwise (a misconfigured signer). @default 300 */
  maxTokenAgeSeconds?: number;
  /** Most verified tokens remembered until they expire. @default 10_000 */
  maxCacheEntries?: number;
  /** Most verified tokens with an Idempotency-Key remembered, apart from the others. @default 1_000 */
  maxKeyedCacheEntries?: number;
}

export interface VerifiedIdentity {
  identity: Identity;
  purpose: string | null;
  grounds: AccessGrounds;
  /** The client's Idempotency-Key, as the gateway checked and signed it; null without one. */
  idempotencyKey: string | null;
}

export interface IdentityVerifier {
  /** Throws `GatewayTokenError` when the token is absent or not a valid gateway token for us. */
  verify(token: string | undefined): Promise<VerifiedIdentity>;
}

export function createIdentityVerifier(options: IdentityVerifierOptions): IdentityVerifier {
  assertEd25519(options.publicKey, 'public', 'publicKey');
  if (options.audience === '') throw new TypeError('audience must name this subgraph');
  const issuer = options.issuer ?? DEFAULT_GATEWAY_ISSUER;
  const tolerance = options.clockToleranceSeconds ?? 5;
  const maxAge = options.maxTokenAgeSeconds ?? 300;
  const cache = new ExpiringLru<VerifiedIdentity>(options.maxCacheEntries ?? 10_000);
  // As in the signer: tokens with a key (one per key, reused only for its retries) kept apart.
  const keyedCache = new ExpiringLru<VerifiedIdentity>(options.maxKeyedCacheEntries ?? 1_000);
  // The algorithm and the key's curve are pinned (assertEd25519), whatever the token's header says.
  const verifyJws = createVerifier({
    key: pemOf(options.publicKey, 'public'),
    algorithms: [GATEWAY_TOKEN_ALG],
    checkTyp: GATEWAY_TOKEN_TYPE,
    allowedIss: issuer,
    allowedAud: options.audience,
    requiredClaims: ['sub', 'exp', 'iat', 'jti'],
    clockTolerance: tolerance * 1000,
    maxAge: maxAge * 1000,
  });

  return {
    async verify(token) {
      if (token === undefined || token === '') throw new GatewayTokenError('no identity token', options.audience);
      if (token.length > IDENTITY_TOKEN_MAX_LENGTH) throw new GatewayTokenError('identity token too long', options.audience);
      const cached = cache.get(token) ?? keyedCache.get(token);
      if (cached) return cached;
      try {
        const payload = verifyJws(token) as TokenPayload;
        const verified = Object.freeze({
          identity: identityFromPayload(payload),
          purpose: purposeFromPayload(payload),
          grounds: groundsFromPayload(payload),
          idempotencyKey: payload.idempotency_key === undefined ? null : idempotencyKeySchema.parse(payload.idempotency_key),
        });
        // Valid until whichever check would fail first: `exp`, or the maximum age.
        const validUntil = Math.min(Number(payload.exp), Number(payload.iat) + maxAge) + tolerance;
        (verified.idempotencyKey === null ? cache : keyedCache).set(token, verified, validUntil * 1000);
        return verified;
      } catch (error) {
        throw new GatewayTokenError(failureReason(error), options.audience);
      }
    },
  };
}

/** A verified token's claims, before their schemas parse them. */
type TokenPayload = Record<string, unknown>;

function identityFromPayload(payload: TokenPayload): Identity {
  if (payload.anon === undefined) return { kind: 'user', viewer: viewerFromClaims(identityClaimsSchema.parse(payload)) };
  // An anonymous token carries nothing else: a role next to `anon` means a broken or forged signer.
  const carriesScope = ['roles', 'curp', 'consulate_id', 'employer_registrations', 'bank_id', 'subdelegation', 'access_case', 'access_exception'].some(
    (claim) => claim in payload,
  );
  if (payload.anon !== true || payload.sub !== ANONYMOUS_SUBJECT || carriesScope) {
    throw new Error('malformed anonymous identity token');
  }
  return ANONYMOUS;
}

function purposeFromPayload(payload: TokenPayload): string | null {
  return payload.purpose === undefined ? null : purposeSchema.parse(payload.purpose);
}

function groundsFromPayload(payload: TokenPayload): AccessGrounds {
  return {
    case: payload.access_case === undefined ? null : Object.freeze(verifiedCaseSchema.parse(payload.access_case)),
    exception: payload.access_exception === undefined ? null : exceptionReasonSchema.parse(payload.access_exception),
  };
}

function assertEd25519(key: KeyObject | CryptoKey, type: 'private' | 'public', name: string): void {
  const ok =
    key instanceof KeyObject
      ? key.type === type && key.asymmetricKeyType === 'ed25519'
      : key.type === type && key.algorithm.name === 'Ed25519';
  // "EdDSA" would also accept Ed448; the key check keeps us on one curve.
  if (!ok) throw new TypeError(`${name} must be an Ed25519 ${type} key`);
}

/** fast-jwt takes PEM; a CryptoKey (WebCrypto) is read through its KeyObject. */
function pemOf(key: KeyObject | CryptoKey, type: 'private' | 'public'): string {
  const keyObject = key instanceof KeyObject ? key : KeyObject.from(key as Parameters<typeof KeyObject.from>[0]);
  return type === 'private' ? String(keyObject.export({ format: 'pem', type: 'pkcs8' })) : String(keyObject.export({ format: 'pem', type: 'spki' }));
}

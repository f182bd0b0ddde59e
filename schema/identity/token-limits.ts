/**
 * How long the two tokens may be (docs/security.md, "Identity"), derived from each other so that
 * every client token the gateway accepts yields an identity token every subgraph accepts: an
 * employer with hundreds of registros patronales and a 200-character purpose is a legitimate
 * caller, not a 401 with an internal address.
 *
 * The identity token carries a subset of the client token's claims (the same values, deduplicated,
 * re-encoded as compact JSON, which is never longer than the client's encoding of them) plus what
 * the gateway adds. The bound below adds up the worst case of each addition:
 * - `sub`: nothing today (jose refuses a payload that is not valid UTF-8); two bytes per character
 *   of the 255 the claim schema allows are kept in reserve, what a lenient decoder would add by
 *   turning each invalid byte into U+FFFD;
 * - the purpose: 200 UTF-16 units, each at most three bytes of JSON (no control characters, so
 *   nothing is escaped as `\uXXXX`; no lone surrogates; a pair is four bytes for two units), and
 *   its key;
 * - the grounds staff act on (access-grounds.ts): a verified case (ASCII ids, bounded) or an
 *   exception's reason (200 units, three bytes each at most), whichever is longer (the gateway
 *   refuses both at once);
 * - the client's Idempotency-Key (idempotency-key.ts): 255 printable ASCII characters, two bytes
 *   of JSON each at most (`"` and `\\` are escaped), and its key;
 * - the gateway's own claims (`iss`, `aud`, `iat`, `exp`, `jti`), with issuer and audience of at
 *   most IDENTITY_NAME_MAX_LENGTH characters each;
 * - its protected header and Ed25519 signature.
 * The signer refuses anything over the bound (TOKEN_SCOPE_TOO_LARGE), so a mistake here is a clear
 * error at the gateway, never a subgraph's 401.
 */
import { EXCEPTION_REASON_MAX } from './access-grounds.ts';
import { IDEMPOTENCY_KEY_MAX_LENGTH } from './idempotency-key.ts';
import { PURPOSE_MAX_LENGTH } from './purpose.ts';

/** Longest `Authorization: Bearer` token the gateway accepts (real access tokens are a few KB). */
export const CLIENT_TOKEN_MAX_LENGTH = 8192;

/** Longest issuer and audience the identity signer accepts. */
export const IDENTITY_NAME_MAX_LENGTH = 64;

const SUBJECT_MAX_LENGTH = 255;
/** `{"alg":"EdDSA","typ":"imss-identity+jwt"}` */
const HEADER_BYTES = 41;
const ED25519_SIGNATURE_BYTES = 64;
const OWN_CLAIMS_MAX_BYTES = 2 * (`"iss":"",`.length + IDENTITY_NAME_MAX_LENGTH) + `"iat":9999999999,"exp":9999999999,`.length + `"jti":"00000000-0000-0000-0000-000000000000",`.length;

/** The most bytes of JSON one UTF-16 unit of a purpose or reason becomes (a BMP character in UTF-8, or `\"`). */
const MAX_JSON_BYTES_PER_UNIT = 3;
/** `,"access_case":{"id":"…","curp":"…","office":"…","procedure":"…"}` at the schema's maxima. */
const CASE_CLAIM_MAX_BYTES = `,"access_case":{"id":"","curp":"","office":"","procedure":""}`.length + 64 + 18 + 64 + 40;
const EXCEPTION_CLAIM_MAX_BYTES = `,"access_exception":""`.length + MAX_JSON_BYTES_PER_UNIT * EXCEPTION_REASON_MAX;
/** `,"idempotency_key":"…"`, every character an escaped quote or backslash. */
const IDEMPOTENCY_KEY_CLAIM_MAX_BYTES = `,"idempotency_key":""`.length + 2 * IDEMPOTENCY_KEY_MAX_LENGTH;

const base64urlLength = (bytes: number) => Math.ceil((bytes * 4) / 3);

/** The longest identity token the gateway can sign from a client token of at most `clientMaxLength` characters. */
export function identityTokenBound(clientMaxLength: number): number {
  const clientPayloadBytes = Math.floor((clientMaxLength * 3) / 4);
  const payloadBytes = clientPayloadBytes + 2 * SUBJECT_MAX_LENGTH + (`,"purpose":""`.length + MAX_JSON_BYTES_PER_UNIT * PURPOSE_MAX_LENGTH) + Math.max(CASE_CLAIM_MAX_BYTES, EXCEPTION_CLAIM_MAX_BYTES) + IDEMPOTENCY_KEY_CLAIM_MAX_BYTES + OWN_CLAIMS_MAX_BYTES;
  return base64urlLength(HEADER_BYTES) + 1 + base64urlLength(payloadBytes) + 1 + base64urlLength(ED25519_SIGNATURE_BYTES);
}

/**
 * Longest identity token a subgraph accepts (≈ 11.3 KB, well under Node's 16 KiB limit for all
 * request headers together).
 */
export const IDENTITY_TOKEN_MAX_LENGTH = identityTokenBound(CLIENT_TOKEN_MAX_LENGTH);

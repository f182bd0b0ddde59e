/**
 * The gateway's production keys from the environment: its Ed25519 signing key for identity tokens
 * and how to verify client tokens (issuer, audience, JWKS URL or PEM, algorithms).
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { KeyConfigError, parseEd25519Key, pemOrValue, type Env } from '../../schema/runtime/keys.ts';
import { CLIENT_TOKEN_ALGORITHMS, type ClientTokenAlgorithm, type ClientTokenVerifierOptions } from './client-token.ts';

export interface GatewayEnvKeys {
  /** Ed25519 key that signs identity tokens for subgraphs (GATEWAY_SIGNING_KEY). */
  signingKey: KeyObject;
  /** Its public key, e.g. for subgraphs running in the same process. */
  publicKey: KeyObject;
  /** Ready for `createClientTokenVerifier`. */
  client: ClientTokenVerifierOptions;
}

/**
 * The gateway's production keys: GATEWAY_SIGNING_KEY (PKCS8 PEM, Ed25519); AUTH_ISSUER,
 * AUTH_AUDIENCE and exactly one of AUTH_JWKS_URL / AUTH_PUBLIC_KEY (SPKI PEM) for client tokens;
 * optionally AUTH_ALGORITHMS ("RS256,ES256") and GATEWAY_PUBLIC_KEY, which must then match the
 * signing key (a mismatch would make every subgraph refuse every request). Throws
 * `KeyConfigError` naming every missing or invalid variable at once.
 */
export function loadGatewayKeysFromEnv(env: Env): GatewayEnvKeys {
  const missing: string[] = [];
  const invalid: string[] = [];
  const read = (name: string) => {
    const value = pemOrValue(env[name]);
    if (value === undefined) missing.push(name);
    return value;
  };

  const signingKey = parseEd25519Key(read('GATEWAY_SIGNING_KEY'), 'GATEWAY_SIGNING_KEY', 'private', invalid);
  const publicKey = signingKey && createPublicKey(signingKey);
  const declaredPublic = parseEd25519Key(pemOrValue(env.GATEWAY_PUBLIC_KEY), 'GATEWAY_PUBLIC_KEY', 'public', invalid);
  if (publicKey && declaredPublic && !publicKey.equals(declaredPublic)) {
    invalid.push('GATEWAY_PUBLIC_KEY does not match GATEWAY_SIGNING_KEY');
  }

  const issuer = read('AUTH_ISSUER');
  const audience = read('AUTH_AUDIENCE');
  const jwksUrl = pemOrValue(env.AUTH_JWKS_URL);
  const publicKeyPem = pemOrValue(env.AUTH_PUBLIC_KEY);
  if (jwksUrl === undefined && publicKeyPem === undefined) missing.push('AUTH_JWKS_URL or AUTH_PUBLIC_KEY');
  if (jwksUrl !== undefined && publicKeyPem !== undefined) invalid.push('set only one of AUTH_JWKS_URL and AUTH_PUBLIC_KEY');
  const algorithms = parseAlgorithms(env.AUTH_ALGORITHMS, invalid);

  if (missing.length > 0 || invalid.length > 0 || !signingKey || !publicKey || !issuer || !audience) {
    throw new KeyConfigError(missing, invalid);
  }
  const common = { issuer, audience, ...(algorithms && { algorithms }) };
  const client: ClientTokenVerifierOptions =
    jwksUrl !== undefined ? { ...common, jwksUrl } : { ...common, publicKeyPem: publicKeyPem ?? '' };
  return { signingKey, publicKey, client };
}

function parseAlgorithms(raw: string | undefined, invalid: string[]): ClientTokenAlgorithm[] | undefined {
  if (!raw?.trim()) return undefined;
  const names = raw.split(',').map((name) => name.trim());
  const known = names.filter((name): name is ClientTokenAlgorithm => (CLIENT_TOKEN_ALGORITHMS as readonly string[]).includes(name));
  if (known.length !== names.length) invalid.push(`AUTH_ALGORITHMS must list only ${CLIENT_TOKEN_ALGORITHMS.join(', ')}`);
  return known;
}

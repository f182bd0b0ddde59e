/**
 * How the keys that sign IMSS documents (NSS certificates, receipts) are published: a public JWK
 * with a key id derived from the key itself, so the same key always has the same `kid` on every
 * process. The signer (a subgraph) stamps that `kid` in each document's header; the gateway serves
 * the JWK at /.well-known/jwks.json, and anyone verifies a document offline with it.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { exportJWK, type JWK } from 'jose';

export type DocumentPublicJwk = JWK & { kid: string; alg: 'ES256'; use: 'sig' };

export async function documentPublicJwk(publicKey: KeyObject): Promise<DocumentPublicJwk> {
  const jwk = await exportJWK(publicKey);
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256') throw new TypeError('document keys are EC P-256 (ES256)');
  // RFC 7638-style thumbprint over the public members only, truncated: stable and short.
  const kid = createHash('sha256').update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y })).digest('base64url').slice(0, 16);
  return { ...jwk, kid, alg: 'ES256', use: 'sig' };
}

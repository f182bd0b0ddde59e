/**
 * The gateway's key material. Production (NODE_ENV=production): PEMs from the environment only,
 * never generated. Development: the shared dev folder (.data/keys), the same keys the subgraph
 * processes load, so example tokens keep working across restarts.
 */
import type { KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { DATA_DIR } from '../db/config.ts';
import { SUBGRAPH_NAMES } from '../schema/subgraphs.ts';
import { documentPublicKeysFromEnv, isProduction, loadOrCreateDevKeys, type KeyPair } from '../schema/runtime/keys.ts';
import { DEV_TOKEN_SETTINGS } from './auth/dev-tokens.ts';
import { loadGatewayKeysFromEnv } from './auth/keys.ts';
import type { ClientTokenVerifierOptions } from './auth/client-token.ts';

export interface SystemKeys {
  gatewaySigningKey: KeyObject;
  gatewayPublicKey: KeyObject;
  client: ClientTokenVerifierOptions;
  /** Every subgraph's document public key, published at /.well-known/jwks.json (the gateway holds no document private key). */
  documentKeys: KeyObject[];
  /** Development only: the local identity provider that signs example tokens. */
  devIdp: KeyPair | null;
}

export async function loadSystemKeys(env: NodeJS.ProcessEnv = process.env): Promise<SystemKeys> {
  if (isProduction(env)) {
    const gateway = loadGatewayKeysFromEnv(env);
    return {
      gatewaySigningKey: gateway.signingKey,
      gatewayPublicKey: gateway.publicKey,
      client: gateway.client,
      documentKeys: documentPublicKeysFromEnv(env),
      devIdp: null,
    };
  }
  const dev = await loadOrCreateDevKeys(join(DATA_DIR, 'keys'));
  return {
    gatewaySigningKey: dev.gateway.privateKey,
    gatewayPublicKey: dev.gateway.publicKey,
    client: { issuer: env.AUTH_ISSUER ?? DEV_TOKEN_SETTINGS.issuer, audience: env.AUTH_AUDIENCE ?? DEV_TOKEN_SETTINGS.audience, publicKeyPem: dev.devIdp.publicKeyPem },
    documentKeys: SUBGRAPH_NAMES.map((name) => dev.documents[name].publicKey),
    devIdp: dev.devIdp,
  };
}

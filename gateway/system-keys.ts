/**
 * Key material for every process of the system. Production (NODE_ENV=production): PEMs from the
 * environment only, never generated. Development: generated once under .data/keys and shared by
 * the five processes, so example tokens keep working across restarts.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { DATA_DIR } from '../db/config.ts';
import { DEV_TOKEN_SETTINGS } from './auth/dev-tokens.ts';
import { loadGatewayKeysFromEnv, loadOrCreateDevKeys, loadSubgraphKeysFromEnv, KeyConfigError, type KeyPair } from './auth/keys.ts';
import type { ClientTokenVerifierOptions } from './auth/client-token.ts';

export interface SystemKeys {
  gatewaySigningKey: KeyObject;
  gatewayPublicKey: KeyObject;
  client: ClientTokenVerifierOptions;
  /** NSS certificates: the public key is published by the gateway; only persons holds the private one. */
  certificate: { privateKey: KeyObject | null; publicKey: KeyObject };
  /** Development only: the local identity provider that signs example tokens. */
  devIdp: KeyPair | null;
}

export function isProduction(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === 'production';
}

export async function loadSystemKeys(env: NodeJS.ProcessEnv = process.env): Promise<SystemKeys> {
  if (isProduction(env)) {
    const gateway = loadGatewayKeysFromEnv(env);
    return { gatewaySigningKey: gateway.signingKey, gatewayPublicKey: gateway.publicKey, client: gateway.client, certificate: { privateKey: null, publicKey: certificatePublicKeyFromEnv(env) }, devIdp: null };
  }
  const dev = await loadOrCreateDevKeys(join(DATA_DIR, 'keys'));
  return {
    gatewaySigningKey: dev.gateway.privateKey,
    gatewayPublicKey: dev.gateway.publicKey,
    client: { issuer: env.AUTH_ISSUER ?? DEV_TOKEN_SETTINGS.issuer, audience: env.AUTH_AUDIENCE ?? DEV_TOKEN_SETTINGS.audience, publicKeyPem: dev.devIdp.publicKeyPem },
    certificate: { privateKey: dev.certificate.privateKey, publicKey: dev.certificate.publicKey },
    devIdp: dev.devIdp,
  };
}

/** What a subgraph process needs: the gateway's public key and, for persons, the certificate key. */
export async function loadSubgraphProcessKeys(subgraph: string, env: NodeJS.ProcessEnv = process.env) {
  if (isProduction(env)) {
    const gatewayPublicKey = loadSubgraphKeysFromEnv(env).gatewayPublicKey;
    // Only persons signs certificates; the others never load that private key.
    return { gatewayPublicKey, certificate: subgraph === 'persons' ? certificateKeysFromEnv(env) : null };
  }
  const keys = await loadSystemKeys(env);
  return { gatewayPublicKey: keys.gatewayPublicKey, certificate: { privateKey: keys.certificate.privateKey!, publicKey: keys.certificate.publicKey } };
}

/** CERTIFICATE_PUBLIC_KEY (SPKI PEM), or the public half of CERTIFICATE_SIGNING_KEY: what the gateway publishes. */
function certificatePublicKeyFromEnv(env: NodeJS.ProcessEnv): KeyObject {
  const pem = env.CERTIFICATE_PUBLIC_KEY?.trim().replace(/\\n/g, '\n');
  if (pem) return createPublicKey(pem);
  if (env.CERTIFICATE_SIGNING_KEY) return certificateKeysFromEnv(env).publicKey;
  throw new KeyConfigError(['CERTIFICATE_PUBLIC_KEY'], []);
}

/** CERTIFICATE_SIGNING_KEY: PKCS8 PEM of an ES256 (P-256) key that signs NSS certificates (persons only). */
function certificateKeysFromEnv(env: NodeJS.ProcessEnv) {
  const pem = env.CERTIFICATE_SIGNING_KEY?.trim().replace(/\\n/g, '\n');
  if (!pem) throw new KeyConfigError(['CERTIFICATE_SIGNING_KEY'], []);
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ec') throw new KeyConfigError([], ['CERTIFICATE_SIGNING_KEY must be an EC P-256 key']);
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

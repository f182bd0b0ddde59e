/** Production key loading: nothing generated, each process holds only the keys it needs. */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadSubgraphKeys } from '../../../schema/runtime/keys.ts';
import { loadSystemKeys } from '../../../gateway/system-keys.ts';

const pem = (key: { export(o: object): string | Buffer }, type: 'pkcs8' | 'spki') => key.export({ type, format: 'pem' }).toString();
const gateway = generateKeyPairSync('ed25519');
const certificate = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const idp = generateKeyPairSync('ec', { namedCurve: 'P-256' });

const env = {
  NODE_ENV: 'production',
  GATEWAY_SIGNING_KEY: pem(gateway.privateKey, 'pkcs8'),
  GATEWAY_PUBLIC_KEY: pem(gateway.publicKey, 'spki'),
  AUTH_ISSUER: 'https://idp.example',
  AUTH_AUDIENCE: 'imss',
  AUTH_PUBLIC_KEY: pem(idp.publicKey, 'spki'),
  CERTIFICATE_PUBLIC_KEY: pem(certificate.publicKey, 'spki'),
  CERTIFICATE_SIGNING_KEY: pem(certificate.privateKey, 'pkcs8'),
};

describe('production keys', () => {
  it('the gateway publishes the certificate public key but never holds its private key', async () => {
    const keys = await loadSystemKeys(env);
    expect(keys.certificate.privateKey).toBeNull();
    expect(keys.certificate.publicKey.equals(certificate.publicKey)).toBe(true);
    expect(keys.devIdp).toBeNull();
  });

  it('only the persons subgraph loads the certificate signing key', async () => {
    expect((await loadSubgraphKeys('persons', env)).certificate?.privateKey).toBeTruthy();
    expect((await loadSubgraphKeys('biometrics', env)).certificate).toBeNull();
  });

  it('refuses to start without the keys instead of generating any', async () => {
    await expect(loadSystemKeys({ NODE_ENV: 'production' })).rejects.toThrow(/GATEWAY_SIGNING_KEY/);
    await expect(loadSubgraphKeys('persons', { NODE_ENV: 'production', GATEWAY_PUBLIC_KEY: env.GATEWAY_PUBLIC_KEY })).rejects.toThrow(/CERTIFICATE_SIGNING_KEY/);
  });
});

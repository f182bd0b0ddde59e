/** Fresh keys per test run: nothing under .data/ is shared with a developer's running system. */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { SystemKeys } from '../../gateway/system-keys.ts';

export const TEST_AUTH = { issuer: 'https://idp.test.imss-federation', audience: 'imss-federation-test' };

export function generateTestKeys(): SystemKeys & { devIdp: NonNullable<SystemKeys['devIdp']>; certificate: { privateKey: KeyObject; publicKey: KeyObject } } {
  const gateway = generateKeyPairSync('ed25519');
  const idp = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const certificate = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const publicKeyPem = idp.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return {
    gatewaySigningKey: gateway.privateKey,
    gatewayPublicKey: gateway.publicKey,
    client: { ...TEST_AUTH, publicKeyPem },
    certificate,
    devIdp: { privateKey: idp.privateKey, publicKey: idp.publicKey, publicKeyPem },
  };
}

/** Fresh keys per test run: nothing under .data/ is shared with a developer's running system. */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { SystemKeys } from '../../gateway/system-keys.ts';
import type { KeyPair, SubgraphKeys } from '../../schema/runtime/keys.ts';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../schema/subgraphs.ts';

export const TEST_AUTH = { issuer: 'https://idp.test.imss-federation', audience: 'imss-federation-test' };

export interface TestKeys extends SystemKeys {
  devIdp: KeyPair;
  /** The keys one subgraph process would load. */
  subgraph(name: SubgraphName): SubgraphKeys;
  /** Every subgraph's audit public key (what `npm run audit:verify` loads). */
  auditKeys: KeyObject[];
}

export function generateTestKeys(): TestKeys {
  const gateway = generateKeyPairSync('ed25519');
  const idp = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const documents = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, generateKeyPairSync('ec', { namedCurve: 'P-256' })])) as Record<SubgraphName, { privateKey: KeyPair['privateKey']; publicKey: KeyPair['publicKey'] }>;
  const documentKeys = SUBGRAPH_NAMES.map((name) => documents[name].publicKey);
  const audit = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, generateKeyPairSync('ed25519')])) as Record<SubgraphName, { privateKey: KeyPair['privateKey']; publicKey: KeyPair['publicKey'] }>;
  const publicKeyPem = idp.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return {
    gatewaySigningKey: gateway.privateKey,
    gatewayPublicKey: gateway.publicKey,
    client: { ...TEST_AUTH, publicKeyPem },
    documentKeys,
    devIdp: { privateKey: idp.privateKey, publicKey: idp.publicKey, publicKeyPem },
    subgraph: (name) => ({ gatewayPublicKey: gateway.publicKey, documentSigning: documents[name], documentKeys, auditSigning: audit[name] }),
    auditKeys: SUBGRAPH_NAMES.map((name) => audit[name].publicKey),
  };
}

/** Production key loading: nothing generated, each process holds only the keys it needs. */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadSubgraphKeys } from '../../../schema/runtime/keys.ts';
import { loadSystemKeys } from '../../../gateway/system-keys.ts';

const pem = (key: { export(o: object): string | Buffer }, type: 'pkcs8' | 'spki') => key.export({ type, format: 'pem' }).toString();
const gateway = generateKeyPairSync('ed25519');
const persons = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const biometrics = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const idp = generateKeyPairSync('ec', { namedCurve: 'P-256' });

const env = {
  NODE_ENV: 'production',
  GATEWAY_SIGNING_KEY: pem(gateway.privateKey, 'pkcs8'),
  GATEWAY_PUBLIC_KEY: pem(gateway.publicKey, 'spki'),
  AUTH_ISSUER: 'https://idp.example',
  AUTH_AUDIENCE: 'imss',
  AUTH_PUBLIC_KEY: pem(idp.publicKey, 'spki'),
  DOCUMENT_PUBLIC_KEYS: pem(persons.publicKey, 'spki') + pem(biometrics.publicKey, 'spki'),
};
const personsAudit = generateKeyPairSync('ed25519');
const personsEnv = { ...env, DOCUMENT_SIGNING_KEY: pem(persons.privateKey, 'pkcs8'), AUDIT_SIGNING_KEY: pem(personsAudit.privateKey, 'pkcs8') };

describe('production keys', () => {
  it('the gateway publishes every document public key and holds no document private key', async () => {
    const keys = await loadSystemKeys(env);
    expect(keys.documentKeys.map((key) => key.equals(persons.publicKey) || key.equals(biometrics.publicKey))).toEqual([true, true]);
    expect(Object.keys(keys)).not.toContain('documentSigning');
    expect(keys.devIdp).toBeNull();
  });

  it('a subgraph loads its own document signing key and every document public key', async () => {
    const keys = await loadSubgraphKeys('persons', personsEnv);
    expect(keys.documentSigning.publicKey.equals(persons.publicKey)).toBe(true);
    expect(keys.documentKeys).toHaveLength(2);
    expect(keys.auditSigning.publicKey.equals(personsAudit.publicKey)).toBe(true);
  });

  it('refuses to start a subgraph without its audit signing key', async () => {
    const { AUDIT_SIGNING_KEY: _omit, ...withoutAudit } = personsEnv;
    await expect(loadSubgraphKeys('persons', withoutAudit)).rejects.toThrow(/AUDIT_SIGNING_KEY/);
  });

  it("refuses a signing key whose public half is not published (the gateway's JWKS could not verify its documents)", async () => {
    const stray = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await expect(loadSubgraphKeys('persons', { ...personsEnv, DOCUMENT_SIGNING_KEY: pem(stray.privateKey, 'pkcs8') })).rejects.toThrow(/does not contain the public half/);
  });

  it('refuses to start without the keys instead of generating any', async () => {
    await expect(loadSystemKeys({ NODE_ENV: 'production' })).rejects.toThrow(/GATEWAY_SIGNING_KEY/);
    await expect(loadSubgraphKeys('persons', { NODE_ENV: 'production', GATEWAY_PUBLIC_KEY: env.GATEWAY_PUBLIC_KEY, DOCUMENT_PUBLIC_KEYS: env.DOCUMENT_PUBLIC_KEYS })).rejects.toThrow(/DOCUMENT_SIGNING_KEY/);
  });
});

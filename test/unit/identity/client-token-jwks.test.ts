import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientTokenVerifier, type ClientTokenVerifier } from '../../../gateway/auth/client-token.ts';
import { AuthenticationError } from '../../../gateway/auth/errors.ts';
import { SETTINGS, testKeys, type TestKeys } from './support.ts';

// A stand-in identity provider: a JWKS with one EC and one RSA key, served on loopback only.
let server: Server;
let verifier: ClientTokenVerifier;
let es: TestKeys;
let rsa: TestKeys;
let jwksRequests = 0;

beforeAll(async () => {
  [es, rsa] = await Promise.all([testKeys('ES256'), testKeys('RS256')]);
  const jwks = {
    keys: [
      { ...(await exportJWK(es.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
      { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
    ],
  };
  server = createServer((req, res) => {
    jwksRequests++;
    if (req.url !== '/.well-known/jwks.json') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  verifier = createClientTokenVerifier({ ...SETTINGS, jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json` });
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function token(alg: 'ES256' | 'RS256', kid: string, key: CryptoKey, claims: Record<string, unknown> = {}) {
  return new SignJWT({ roles: ['BANK'], bank_id: 'BANK-001', ...claims })
    .setProtectedHeader({ alg, kid })
    .setIssuer(SETTINGS.issuer)
    .setAudience(SETTINGS.audience)
    .setSubject('bank-clerk-7')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key);
}

describe('client tokens verified through a JWKS URL', () => {
  it('accepts ES256 and RS256 tokens whose kid is in the key set, fetching the set once', async () => {
    for (const t of [await token('ES256', 'ec-1', es.privateKey), await token('RS256', 'rsa-1', rsa.privateKey)]) {
      const identity = await verifier.verify(`Bearer ${t}`);
      expect(identity).toMatchObject({ kind: 'user', viewer: { subject: 'bank-clerk-7', roles: ['BANK'], bankId: 'BANK-001' } });
    }
    expect(jwksRequests).toBe(1);
  });

  it('rejects a token signed by another key that claims a published kid', async () => {
    const impostor = await testKeys('ES256');
    await expect(verifier.verify(`Bearer ${await token('ES256', 'ec-1', impostor.privateKey)}`)).rejects.toMatchObject({
      reason: expect.stringMatching(/ERR_JWS_SIGNATURE_VERIFICATION_FAILED/),
    });
  });

  it('rejects a token whose kid is not published', async () => {
    const other = await testKeys('ES256');
    const error = await verifier.verify(`Bearer ${await token('ES256', 'unknown-kid', other.privateKey)}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).reason).toMatch(/ERR_JWKS_NO_MATCHING_KEY/);
  });

  it('rejects a token whose header names an RSA kid but an EC algorithm', async () => {
    await expect(verifier.verify(`Bearer ${await token('ES256', 'rsa-1', es.privateKey)}`)).rejects.toBeInstanceOf(AuthenticationError);
  });
});

import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClientTokenVerifier, type ClientTokenVerifier } from '../../../gateway/auth/client-token.ts';
import { DEV_SCOPES, mintDevToken } from '../../../gateway/auth/dev-tokens.ts';
import { AuthenticationError, INVALID_TOKEN_MESSAGE, MALFORMED_HEADER_MESSAGE } from '../../../gateway/auth/errors.ts';
import { ROLES, type Identity, type Viewer } from '../../../schema/identity/viewer.ts';
import { decodePayload, nowSeconds, SETTINGS, testKeys, unsignedToken, withPayload, type TestKeys } from './support.ts';

let es: TestKeys;
let rsa: TestKeys;
let verifier: ClientTokenVerifier;

beforeAll(async () => {
  [es, rsa] = await Promise.all([testKeys('ES256'), testKeys('RS256')]);
  verifier = createClientTokenVerifier({ ...SETTINGS, publicKeyPem: es.publicKeyPem });
});

const bearer = (token: string) => `Bearer ${token}`;

function viewerOf(identity: Identity): Viewer {
  if (identity.kind !== 'user') throw new Error('expected a signed-in user');
  return identity.viewer;
}

/** Verifies and returns the refusal, failing the test if the header was accepted. */
async function refusal(header: string, using = verifier): Promise<AuthenticationError> {
  const error = await using.verify(header).then(
    () => {
      throw new Error('token was accepted');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  return error as AuthenticationError;
}

describe('valid tokens', () => {
  it('no Authorization header → anonymous', async () => {
    expect(await verifier.verify(undefined)).toEqual({ kind: 'anonymous' });
  });

  const expectedScope: Record<(typeof ROLES)[number], Partial<Viewer>> = {
    INSURED: { curp: DEV_SCOPES.curp },
    CONSULATE_STAFF: { consulateId: DEV_SCOPES.consulateId },
    EMPLOYER: { employerRegistrations: [DEV_SCOPES.employerRegistration] },
    BANK: { bankId: DEV_SCOPES.bankId },
    ANALYST: {},
    IMSS_OFFICER: { subdelegation: DEV_SCOPES.subdelegation },
  };

  it.each(ROLES)('%s → viewer with that role and its scope', async (role) => {
    const viewer = viewerOf(await verifier.verify(bearer(await mintDevToken(es.privateKey, SETTINGS, role))));
    expect(viewer).toEqual({
      subject: `dev-${role.toLowerCase().replaceAll('_', '-')}`,
      roles: [role],
      curp: null,
      consulateId: null,
      employerRegistrations: [],
      bankId: null,
      subdelegation: null,
      ...expectedScope[role],
    });
  });

  it('accepts RS256 with an RSA key, and a lower-case "bearer" scheme', async () => {
    const rsVerifier = createClientTokenVerifier({ ...SETTINGS, publicKeyPem: rsa.publicKeyPem });
    const token = await new SignJWT({ roles: ['ANALYST'] })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(SETTINGS.issuer)
      .setAudience(SETTINGS.audience)
      .setSubject('analyst-1')
      .setExpirationTime('5m')
      .sign(rsa.privateKey);
    expect(viewerOf(await rsVerifier.verify(`bearer ${token}`)).roles).toEqual(['ANALYST']);
  });

  it('tolerates 30 s of clock skew by default (expired 10 s ago still passes)', async () => {
    const token = await mintDevToken(es.privateKey, SETTINGS, 'ANALYST', { expiresInSeconds: -10 });
    expect((await verifier.verify(bearer(token))).kind).toBe('user');
  });

  it('drops scope claims of roles the viewer does not hold', async () => {
    const token = await mintDevToken(es.privateKey, SETTINGS, 'ANALYST', { claims: { curp: DEV_SCOPES.curp, bank_id: 'BANK-9' } });
    const viewer = viewerOf(await verifier.verify(bearer(token)));
    expect(viewer.curp).toBeNull();
    expect(viewer.bankId).toBeNull();
  });

  it('returns a frozen viewer, so one request cannot alter what another sees', async () => {
    const viewer = viewerOf(await verifier.verify(bearer(await mintDevToken(es.privateKey, SETTINGS, 'EMPLOYER'))));
    expect(Object.isFrozen(viewer) && Object.isFrozen(viewer.roles) && Object.isFrozen(viewer.employerRegistrations)).toBe(true);
  });
});

describe('rejected tokens', () => {
  it('expired', async () => {
    const error = await refusal(bearer(await mintDevToken(es.privateKey, SETTINGS, 'INSURED', { expiresInSeconds: -60 })));
    expect(error.reason).toMatch(/ERR_JWT_EXPIRED/);
  });

  it('not yet valid (nbf in the future)', async () => {
    const error = await refusal(bearer(await mintDevToken(es.privateKey, SETTINGS, 'INSURED', { notBeforeSeconds: 3600 })));
    expect(error.reason).toMatch(/nbf/);
  });

  it('wrong issuer', async () => {
    const token = await mintDevToken(es.privateKey, { ...SETTINGS, issuer: 'https://evil.example' }, 'INSURED');
    expect((await refusal(bearer(token))).reason).toMatch(/iss/);
  });

  it('wrong audience', async () => {
    const token = await mintDevToken(es.privateKey, { ...SETTINGS, audience: 'some-other-api' }, 'INSURED');
    expect((await refusal(bearer(token))).reason).toMatch(/aud/);
  });

  it('tampered payload (another CURP, original signature)', async () => {
    const token = await mintDevToken(es.privateKey, SETTINGS, 'INSURED');
    const forged = withPayload(token, { ...decodePayload(token), curp: 'SABC560626MDFLRN01' });
    expect((await refusal(bearer(forged))).reason).toMatch(/ERR_JWS_SIGNATURE_VERIFICATION_FAILED/);
  });

  it('alg "none" (unsigned)', async () => {
    const token = unsignedToken({ ...decodePayload(await mintDevToken(es.privateKey, SETTINGS, 'IMSS_OFFICER')) });
    expect((await refusal(bearer(token))).reason).toMatch(/ERR_JOSE_ALG_NOT_ALLOWED|ERR_JWS_INVALID/);
  });

  it('HS256 keyed with the public key PEM (algorithm confusion)', async () => {
    const claims = decodePayload(await mintDevToken(es.privateKey, SETTINGS, 'IMSS_OFFICER'));
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(es.publicKeyPem));
    expect((await refusal(bearer(token))).reason).toMatch(/ERR_JOSE_ALG_NOT_ALLOWED/);
  });

  it('RS256 token against an EC key (algorithm swap)', async () => {
    const token = await new SignJWT({ roles: ['ANALYST'] })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(SETTINGS.issuer)
      .setAudience(SETTINGS.audience)
      .setSubject('x')
      .setExpirationTime('5m')
      .sign(rsa.privateKey);
    expect((await refusal(bearer(token))).reason).toMatch(/ERR_JOSE_ALG_NOT_ALLOWED/);
  });

  it('signed by another key', async () => {
    const other = await testKeys('ES256');
    const token = await mintDevToken(other.privateKey, SETTINGS, 'INSURED');
    expect((await refusal(bearer(token))).reason).toMatch(/ERR_JWS_SIGNATURE_VERIFICATION_FAILED/);
  });

  it('no exp claim', async () => {
    const token = await new SignJWT({ roles: ['ANALYST'] })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(SETTINGS.issuer)
      .setAudience(SETTINGS.audience)
      .setSubject('forever')
      .sign(es.privateKey);
    expect((await refusal(bearer(token))).reason).toMatch(/exp/);
  });

  it('older than maxTokenAgeSeconds even though exp is in the future', async () => {
    const aged = createClientTokenVerifier({ ...SETTINGS, publicKeyPem: es.publicKeyPem, maxTokenAgeSeconds: 3600 });
    const token = await new SignJWT({ roles: ['ANALYST'] })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(SETTINGS.issuer)
      .setAudience(SETTINGS.audience)
      .setSubject('old')
      .setIssuedAt(nowSeconds() - 7200)
      .setExpirationTime(nowSeconds() + 3600)
      .sign(es.privateKey);
    await refusal(bearer(token), aged);
    expect((await verifier.verify(bearer(token))).kind).toBe('user'); // no age limit by default
  });

  const missingScope = [
    ['INSURED', { curp: null }],
    ['CONSULATE_STAFF', { consulate_id: null }],
    ['EMPLOYER', { employer_registrations: [] }],
    ['BANK', { bank_id: null }],
    ['IMSS_OFFICER', { subdelegation: null }],
  ] as const;
  it.each(missingScope)('%s without its scope claim', async (role, claims) => {
    const token = await mintDevToken(es.privateKey, SETTINGS, role, { claims });
    expect((await refusal(bearer(token))).reason).toMatch(/^claims: /);
  });

  it.each([
    ['an unknown role', { roles: ['ROOT'] }],
    ['an unknown role next to a known one', { roles: ['ANALYST', 'ROOT'] }],
    ['no roles', { roles: [] }],
    ['a CURP of the wrong shape', { curp: 'GOMA800101HDFRRN0' }],
    ['a malformed registro patronal', { roles: ['EMPLOYER'], employer_registrations: ['Y12-34567-10-1'] }],
  ])('%s', async (_label, claims) => {
    const token = await mintDevToken(es.privateKey, SETTINGS, 'INSURED', { claims });
    await refusal(bearer(token));
  });

  it.each(['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer ', 'eyJhbGciOi.x.y', '', 'Bearer a b'])('malformed header %j', async (header) => {
    const error = await refusal(header);
    expect(error.message).toBe(MALFORMED_HEADER_MESSAGE);
  });

  it('says the same thing to the client whatever the cause; the cause is only in `reason`', async () => {
    const expired = await refusal(bearer(await mintDevToken(es.privateKey, SETTINGS, 'INSURED', { expiresInSeconds: -60 })));
    const wrongIssuer = await refusal(bearer(await mintDevToken(es.privateKey, { ...SETTINGS, issuer: 'x' }, 'INSURED')));
    for (const error of [expired, wrongIssuer]) {
      expect(error.message).toBe(INVALID_TOKEN_MESSAGE);
      expect(error.code).toBe('UNAUTHENTICATED');
      expect(error.extensions.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(error)).not.toContain(error.reason);
    }
    expect(expired.reason).not.toBe(wrongIssuer.reason);
  });
});

describe('configuration', () => {
  it('refuses both or neither key source', () => {
    expect(() => createClientTokenVerifier({ ...SETTINGS } as never)).toThrow(/exactly one/);
    expect(() =>
      createClientTokenVerifier({ ...SETTINGS, publicKeyPem: es.publicKeyPem, jwksUrl: 'https://idp/jwks' } as never),
    ).toThrow(/exactly one/);
  });

  it('refuses a key its algorithms cannot use, a private key PEM and a plain-http remote JWKS', () => {
    expect(() => createClientTokenVerifier({ ...SETTINGS, publicKeyPem: es.publicKeyPem, algorithms: ['RS256'] })).toThrow(/ES256/);
    expect(() => createClientTokenVerifier({ ...SETTINGS, publicKeyPem: '-----BEGIN PRIVATE KEY-----\n' })).toThrow(/SPKI/);
    expect(() => createClientTokenVerifier({ ...SETTINGS, jwksUrl: 'http://idp.example/jwks' })).toThrow(/https/);
    expect(() => createClientTokenVerifier({ ...SETTINGS, publicKeyPem: es.publicKeyPem, algorithms: ['HS256' as 'RS256'] })).toThrow(
      /subset/,
    );
  });
});

describe('verified-token cache', () => {
  it('serves a repeated token from the cache, but never past its expiry', async () => {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const verifier = createClientTokenVerifier({ issuer: 'iss', audience: 'aud', publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString() });
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ roles: ['ANALYST'] }).setProtectedHeader({ alg: 'ES256' }).setSubject('a').setIssuer('iss').setAudience('aud').setIssuedAt(now).setExpirationTime(now + 2).sign(pair.privateKey);
    const first = await verifier.verify(`Bearer ${token}`);
    expect(await verifier.verify(`Bearer ${token}`)).toBe(first); // same object: from the cache
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    // The clock tolerance (30 s) would still accept it, but the cache entry is gone: verified again.
    const again = await verifier.verify(`Bearer ${token}`);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});

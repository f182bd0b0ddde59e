import { KeyObject, createHmac, generateKeyPairSync, sign as edSign } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createIdentitySigner,
  createIdentityVerifier,
  GATEWAY_TOKEN_TYPE,
  GatewayTokenError,
  IDENTITY_HEADER,
  type IdentitySigner,
} from '../../../schema/identity/gateway-token.ts';
import { InvalidPurposeError, PURPOSE_MAX_LENGTH } from '../../../schema/identity/purpose.ts';
import { viewerFromClaims, type Identity } from '../../../schema/identity/viewer.ts';
import { decodePayload, nowSeconds, testKeys, unsignedToken, withPayload, type TestKeys } from './support.ts';

const consulStaff: Identity = {
  kind: 'user',
  viewer: viewerFromClaims({ sub: 'staff-17', roles: ['CONSULATE_STAFF'], consulate_id: 'CON-LAX' }),
};
const insured: Identity = {
  kind: 'user',
  viewer: viewerFromClaims({ sub: 'person-1', roles: ['INSURED'], curp: 'SABC560626MDFLRN01' }),
};
const anonymous: Identity = { kind: 'anonymous' };
const PURPOSE = 'NSS_ASSISTANCE:consulado-123';
const A_CASE = { id: 'APT-7', curp: 'SABC560626MDFLRN01', office: 'CON-LAX', procedure: 'NSS_ASSISTANCE' };

let keys: TestKeys;
let signer: IdentitySigner;
const verifierFor = (audience: string, publicKey = keys.publicKey) => createIdentityVerifier({ publicKey, audience });

beforeAll(async () => {
  keys = await testKeys('Ed25519');
  signer = createIdentitySigner({ privateKey: keys.privateKey });
});

afterEach(() => {
  vi.useRealTimers();
});

async function rejection(promise: Promise<unknown>): Promise<GatewayTokenError> {
  const error = await promise.then(
    () => {
      throw new Error('token was accepted');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GatewayTokenError);
  expect((error as GatewayTokenError).message).toBe('This service only accepts requests from the gateway');
  expect((error as GatewayTokenError).code).toBe('UNAUTHENTICATED');
  return error as GatewayTokenError;
}

describe('round trip', () => {
  it('keeps the identity and the declared purpose', async () => {
    const token = await signer.sign(consulStaff, 'persons', PURPOSE);
    expect(await verifierFor('persons').verify(token)).toEqual({ identity: consulStaff, purpose: PURPOSE, grounds: { case: null, exception: null }, idempotencyKey: null });
  });

  it('keeps the case the gateway verified, or the exception staff declared', async () => {
    const onCase = await signer.sign(consulStaff, 'persons', PURPOSE, { case: A_CASE, exception: null });
    expect((await verifierFor('persons').verify(onCase)).grounds).toEqual({ case: A_CASE, exception: null });
    const byException = await signer.sign(consulStaff, 'persons', PURPOSE, { case: null, exception: 'Pensioner in hospital, relative present' });
    expect((await verifierFor('persons').verify(byException)).grounds).toEqual({ case: null, exception: 'Pensioner in hospital, relative present' });
  });

  it('carries the client\'s Idempotency-Key, signed, and nothing when there is none', async () => {
    const token = await signer.sign(insured, 'enrollments', null, undefined, 'pago-2026-12-01/0001 "a"');
    expect(decodePayload(token)).toMatchObject({ idempotency_key: 'pago-2026-12-01/0001 "a"' });
    expect((await verifierFor('enrollments').verify(token)).idempotencyKey).toBe('pago-2026-12-01/0001 "a"');
    expect(decodePayload(await signer.sign(insured, 'enrollments', null))).not.toHaveProperty('idempotency_key');
  });

  it('refuses to sign an Idempotency-Key that is not 1-255 printable ASCII characters', async () => {
    for (const key of ['', 'x'.repeat(256), 'tab\there', 'ñandú']) {
      await expect(signer.sign(insured, 'enrollments', null, undefined, key)).rejects.toThrow(TypeError);
    }
  });

  it('anonymous stays anonymous, with no purpose', async () => {
    const token = await signer.sign(anonymous, 'persons', null);
    expect(decodePayload(token)).toMatchObject({ sub: 'anonymous', anon: true });
    expect(await verifierFor('persons').verify(token)).toEqual({ identity: { kind: 'anonymous' }, purpose: null, grounds: { case: null, exception: null }, idempotencyKey: null });
  });

  it('carries only the claims that have a value, and a typed header', async () => {
    const token = await signer.sign(insured, 'persons', null);
    const payload = decodePayload(token);
    expect(Object.keys(payload).sort()).toEqual(['aud', 'curp', 'exp', 'iat', 'iss', 'jti', 'roles', 'sub']);
    expect(Number(payload.exp) - Number(payload.iat)).toBe(60);
    expect(JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString())).toEqual({ alg: 'EdDSA', typ: GATEWAY_TOKEN_TYPE });
  });

  it('works with node KeyObjects as well as CryptoKeys', async () => {
    const pair = generateKeyPairSync('ed25519');
    const token = await createIdentitySigner({ privateKey: pair.privateKey }).sign(insured, 'biometrics', null);
    const verified = await createIdentityVerifier({ publicKey: pair.publicKey, audience: 'biometrics' }).verify(token);
    expect(verified.identity).toEqual(insured);
  });

  it('names the header subgraphs read', () => {
    expect(IDENTITY_HEADER).toBe('x-imss-identity');
  });
});

describe('rejected', () => {
  it('a missing token', async () => {
    expect((await rejection(verifierFor('persons').verify(undefined))).reason).toBe('no identity token');
    await rejection(verifierFor('persons').verify(''));
  });

  it('a token for another subgraph (persons → biometrics)', async () => {
    const token = await signer.sign(insured, 'persons', null);
    expect((await rejection(verifierFor('biometrics').verify(token))).reason).toMatch(/aud/);
  });

  it('an expired token', async () => {
    const token = await signer.sign(insured, 'persons', null);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 120_000);
    expect((await rejection(verifierFor('persons').verify(token))).reason).toMatch(/FAST_JWT_EXPIRED/);
  });

  it('an expired token even after it was verified and cached', async () => {
    const verifier = verifierFor('persons');
    const token = await createIdentitySigner({ privateKey: keys.privateKey }).sign(insured, 'persons', null);
    await verifier.verify(token);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 66_000); // past exp (60 s) + tolerance (5 s)
    await rejection(verifier.verify(token));
  });

  it('a token signed by a different Ed25519 key', async () => {
    const other = await testKeys('Ed25519');
    const token = await createIdentitySigner({ privateKey: other.privateKey }).sign(insured, 'persons', null);
    expect((await rejection(verifierFor('persons').verify(token))).reason).toMatch(/FAST_JWT_INVALID_SIGNATURE/);
  });

  it('a tampered token (anonymous upgraded to a role)', async () => {
    const token = await signer.sign(anonymous, 'persons', null);
    const forged = withPayload(token, { ...decodePayload(token), anon: undefined, sub: 'x', roles: ['IMSS_OFFICER'], subdelegation: '01' });
    await rejection(verifierFor('persons').verify(forged));
  });

  it('a correctly signed JWT that is not an identity token (no typ)', async () => {
    const token = await new SignJWT({ roles: ['ANALYST'] })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer('imss-federation-gateway')
      .setAudience('persons')
      .setSubject('a')
      .setIssuedAt()
      .setJti('j')
      .setExpirationTime('1m')
      .sign(keys.privateKey);
    expect((await rejection(verifierFor('persons').verify(token))).reason).toMatch(/typ/);
  });

  it('a signed anonymous token that also carries roles', async () => {
    const token = await new SignJWT({ anon: true, roles: ['IMSS_OFFICER'], subdelegation: '01' })
      .setProtectedHeader({ alg: 'EdDSA', typ: GATEWAY_TOKEN_TYPE })
      .setIssuer('imss-federation-gateway')
      .setAudience('persons')
      .setSubject('anonymous')
      .setIssuedAt()
      .setJti('j')
      .setExpirationTime('1m')
      .sign(keys.privateKey);
    await rejection(verifierFor('persons').verify(token));
  });

  // Hand-built tokens: what no signer of ours would produce, so the verifier alone must refuse them.
  describe('hand-built tokens that a careless JWT verifier would accept', () => {
    const claims = () => ({ sub: 'person-1', roles: ['IMSS_OFFICER'], subdelegation: '01', iss: 'imss-federation-gateway', aud: 'persons', iat: nowSeconds(), exp: nowSeconds() + 60, jti: 'j' });
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const signedWith = async (header: Record<string, unknown>, payload: Record<string, unknown>) => {
      const input = `${part(header)}.${part(payload)}`;
      const privateKey = KeyObject.from(keys.privateKey as unknown as Parameters<typeof KeyObject.from>[0]);
      return `${input}.${edSign(null, Buffer.from(input), privateKey).toString('base64url')}`;
    };

    it('accepts the hand-built token itself when nothing is wrong with it', async () => {
      const token = await signedWith({ alg: 'EdDSA', typ: GATEWAY_TOKEN_TYPE }, claims());
      expect((await verifierFor('persons').verify(token)).identity).toMatchObject({ kind: 'user', viewer: { subject: 'person-1' } });
    });

    it('an unsecured token (alg none)', async () => {
      await rejection(verifierFor('persons').verify(unsignedToken(claims()).replace(/^[^.]+/, part({ alg: 'none', typ: GATEWAY_TOKEN_TYPE }))));
    });

    it('an HMAC token keyed with the public key (algorithm confusion)', async () => {
      const input = `${part({ alg: 'HS256', typ: GATEWAY_TOKEN_TYPE })}.${part(claims())}`;
      const token = `${input}.${createHmac('sha256', keys.publicKeyPem).update(input).digest('base64url')}`;
      await rejection(verifierFor('persons').verify(token));
    });

    it('a token older than the maximum age, although its exp is ahead', async () => {
      const token = await signedWith({ alg: 'EdDSA', typ: GATEWAY_TOKEN_TYPE }, { ...claims(), iat: nowSeconds() - 600, exp: nowSeconds() + 600 });
      await rejection(verifierFor('persons').verify(token));
    });

    it('a token without jti or without iat', async () => {
      const { jti: _jti, ...noJti } = claims();
      const { iat: _iat, ...noIat } = claims();
      await rejection(verifierFor('persons').verify(await signedWith({ alg: 'EdDSA', typ: GATEWAY_TOKEN_TYPE }, noJti)));
      await rejection(verifierFor('persons').verify(await signedWith({ alg: 'EdDSA', typ: GATEWAY_TOKEN_TYPE }, noIat)));
    });

    it('an audience or issuer that only contains ours (matched whole, not as a substring or pattern)', async () => {
      await rejection(verifierFor('persons').verify(await signedWith({ alg: 'EdDSA', typ: GATEWAY_TOKEN_TYPE }, { ...claims(), aud: 'persons-shadow' })));
      await rejection(verifierFor('persons').verify(await signedWith({ alg: 'EdDSA', typ: GATEWAY_TOKEN_TYPE }, { ...claims(), aud: 'xpersons' })));
      await rejection(verifierFor('persons').verify(await signedWith({ alg: 'EdDSA', typ: GATEWAY_TOKEN_TYPE }, { ...claims(), iss: 'imss-federation-gateway.evil' })));
    });

    it('a token of another issuer, and one that names a critical extension', async () => {
      await rejection(verifierFor('persons').verify(await signedWith({ alg: 'EdDSA', typ: GATEWAY_TOKEN_TYPE }, { ...claims(), iss: 'someone-else' })));
      await rejection(verifierFor('persons').verify(await signedWith({ alg: 'EdDSA', typ: GATEWAY_TOKEN_TYPE, crit: ['x-unknown'], 'x-unknown': 1 }, claims())));
    });
  });

  it('a purpose that is too long or has control characters, when signing', async () => {
    const note = (length: number) => 'NSS_ASSISTANCE:' + 'x'.repeat(length - 'NSS_ASSISTANCE:'.length);
    await expect(signer.sign(insured, 'persons', note(PURPOSE_MAX_LENGTH + 1))).rejects.toBeInstanceOf(InvalidPurposeError);
    await expect(signer.sign(insured, 'persons', 'NSS_ASSISTANCE:ok\nFORGED LOG LINE')).rejects.toBeInstanceOf(InvalidPurposeError);
    await expect(signer.sign(insured, 'persons', 'NOT_A_PROCEDURE:1')).rejects.toBeInstanceOf(InvalidPurposeError);
    await expect(signer.sign(insured, 'persons', note(PURPOSE_MAX_LENGTH))).resolves.toBeTypeOf('string');
  });

  it('keys that are not Ed25519', async () => {
    const es = await testKeys('ES256');
    expect(() => createIdentitySigner({ privateKey: es.privateKey })).toThrow(/Ed25519/);
    expect(() => createIdentityVerifier({ publicKey: es.publicKey, audience: 'persons' })).toThrow(/Ed25519/);
    expect(() => createIdentitySigner({ privateKey: keys.publicKey })).toThrow(/private/);
  });
});

describe('signer cache', () => {
  it('reuses the token for the same identity, audience and purpose within the TTL', async () => {
    const s = createIdentitySigner({ privateKey: keys.privateKey });
    const [a, b] = await Promise.all([s.sign(consulStaff, 'persons', PURPOSE), s.sign(consulStaff, 'persons', PURPOSE)]);
    expect(a).toBe(b);
    // Same content, freshly built object: the key is the identity's value, not its reference.
    const copy: Identity = {
      kind: 'user',
      viewer: viewerFromClaims({ sub: 'staff-17', roles: ['CONSULATE_STAFF'], consulate_id: 'CON-LAX' }),
    };
    expect(await s.sign(copy, 'persons', PURPOSE)).toBe(a);
  });

  it('signs a different token for another purpose, audience or identity', async () => {
    const s = createIdentitySigner({ privateKey: keys.privateKey });
    const base = await s.sign(consulStaff, 'persons', PURPOSE);
    const others = await Promise.all([
      s.sign(consulStaff, 'persons', 'NSS_ASSISTANCE:consulado-999'),
      s.sign(consulStaff, 'persons', null),
      s.sign(consulStaff, 'appointments', PURPOSE),
      s.sign(insured, 'persons', PURPOSE),
      // A token for one case never serves another case, or an exception.
      s.sign(consulStaff, 'persons', PURPOSE, { case: A_CASE, exception: null }),
      s.sign(consulStaff, 'persons', PURPOSE, { case: { ...A_CASE, curp: 'GOMA800101HDFRRN05' }, exception: null }),
      s.sign(consulStaff, 'persons', PURPOSE, { case: null, exception: 'Pensioner in hospital, relative present' }),
    ]);
    expect(new Set([base, ...others]).size).toBe(8);
  });

  it('reuses a token with an Idempotency-Key only for that key, apart from the other tokens', async () => {
    const s = createIdentitySigner({ privateKey: keys.privateKey, maxCacheEntries: 1, maxKeyedCacheEntries: 2 });
    const plain = await s.sign(insured, 'enrollments', null);
    const [a, b, c] = await Promise.all([
      s.sign(insured, 'enrollments', null, undefined, 'key-1'),
      s.sign(insured, 'enrollments', null, undefined, 'key-1'),
      s.sign(insured, 'enrollments', null, undefined, 'key-2'),
    ]);
    // A retry with the same key gets the same token; another key, or no key, never does.
    expect(a).toBe(b);
    expect(new Set([plain, a, c]).size).toBe(3);
    expect(decodePayload(a)).toMatchObject({ idempotency_key: 'key-1' });
    expect(decodePayload(c)).toMatchObject({ idempotency_key: 'key-2' });
    // The same key for another identity or audience is another token.
    expect(await s.sign(consulStaff, 'enrollments', null, undefined, 'key-1')).not.toBe(a);
    expect(await s.sign(insured, 'persons', null, undefined, 'key-1')).not.toBe(a);
    // Three keyed tokens since: key-1's was evicted from its bound of 2, and the plain token, in a
    // bound of 1, was displaced by none of them.
    expect(await s.sign(insured, 'enrollments', null, undefined, 'key-1')).not.toBe(a);
    expect(await s.sign(insured, 'enrollments', null)).toBe(plain);
  });

  it('verifies a keyed token once for its retries, without evicting the other verified tokens', async () => {
    const s = createIdentitySigner({ privateKey: keys.privateKey });
    const v = createIdentityVerifier({ publicKey: keys.publicKey, audience: 'enrollments', maxCacheEntries: 1, maxKeyedCacheEntries: 1 });
    const plain = await s.sign(insured, 'enrollments', null);
    const keyed = await s.sign(insured, 'enrollments', null, undefined, 'key-1');
    const first = await v.verify(plain);
    expect(await v.verify(keyed)).toMatchObject({ idempotencyKey: 'key-1' });
    // Cached results are the same frozen objects: neither evicted the other.
    expect(await v.verify(plain)).toBe(first);
    const keyedResult = await v.verify(keyed);
    expect(await v.verify(keyed)).toBe(keyedResult);
    await v.verify(await s.sign(insured, 'enrollments', null, undefined, 'key-2'));
    expect(await v.verify(keyed)).not.toBe(keyedResult);
    expect(await v.verify(plain)).toBe(first);
  });

  it('stops reusing a token 10 s before it expires', async () => {
    const s = createIdentitySigner({ privateKey: keys.privateKey });
    vi.useFakeTimers({ toFake: ['Date'] });
    const first = await s.sign(insured, 'persons', null);
    vi.setSystemTime(Date.now() + 49_000);
    expect(await s.sign(insured, 'persons', null)).toBe(first);
    vi.setSystemTime(Date.now() + 2_000); // 51 s: inside the last 10 s
    expect(await s.sign(insured, 'persons', null)).not.toBe(first);
  });

  it('is bounded: the least recently used entry is evicted', async () => {
    const s = createIdentitySigner({ privateKey: keys.privateKey, maxCacheEntries: 2 });
    const first = await s.sign(insured, 'persons', null);
    await s.sign(insured, 'enrollments', null);
    await s.sign(insured, 'appointments', null); // evicts persons
    expect(await s.sign(insured, 'persons', null)).not.toBe(first);
  });
});

/**
 * Every client token the gateway accepts yields an identity token every subgraph accepts
 * (schema/identity/token-limits.ts): checked with the worst client token that fits in
 * CLIENT_TOKEN_MAX_LENGTH (as many registrations as fit, the longest subject, all of it escaped)
 * and the worst purpose, and as a property over random scopes.
 */
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createClientTokenVerifier } from '../../../gateway/auth/client-token.ts';
import { createIdentitySigner, createIdentityVerifier, IdentityTokenTooLargeError } from '../../../schema/identity/gateway-token.ts';
import { PURPOSE_MAX_LENGTH, parsePurpose } from '../../../schema/identity/purpose.ts';
import { EXCEPTION_REASON_MAX, NO_GROUNDS, type AccessGrounds } from '../../../schema/identity/access-grounds.ts';
import { CLIENT_TOKEN_MAX_LENGTH, IDENTITY_TOKEN_MAX_LENGTH } from '../../../schema/identity/token-limits.ts';
import { IDEMPOTENCY_KEY_MAX_LENGTH } from '../../../schema/identity/idempotency-key.ts';
import { SETTINGS, nowSeconds } from './support.ts';

const idp = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const gateway = generateKeyPairSync('ed25519');
const clientTokens = createClientTokenVerifier({ ...SETTINGS, publicKeyPem: idp.publicKey.export({ type: 'spki', format: 'pem' }).toString() });
const signer = createIdentitySigner({ privateKey: gateway.privateKey });
const subgraph = createIdentityVerifier({ publicKey: gateway.publicKey, audience: 'appointments' });

/** An ES256 JWS over exactly these payload bytes. */
function es256(payload: Buffer, key: KeyObject = idp.privateKey): string {
  const input = `${Buffer.from(JSON.stringify({ alg: 'ES256' })).toString('base64url')}.${payload.toString('base64url')}`;
  const signature = createSign('SHA256').update(input).sign({ key, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

const registration = (i: number) => `Y${String(i).padStart(7, '0')}10${i % 10}`;

/** The employer token with the most registrations that still fits, with the longest subject (255 escaped quotes). */
function worstClientToken(): { token: string; registrations: number } {
  const exp = nowSeconds() + 600;
  const claims = (n: number) =>
    Buffer.from(JSON.stringify({ sub: '"'.repeat(255), roles: ['EMPLOYER'], employer_registrations: Array.from({ length: n }, (_, i) => registration(i)), iss: SETTINGS.issuer, aud: SETTINGS.audience, exp }));
  let n = 1;
  while (es256(claims(n + 1)).length <= CLIENT_TOKEN_MAX_LENGTH) n += 1;
  return { token: es256(claims(n)), registrations: n };
}

async function identityTokenFor(clientToken: string, purpose: string | null, grounds: AccessGrounds = NO_GROUNDS, idempotencyKey: string | null = null): Promise<string> {
  const identity = await clientTokens.verify(`Bearer ${clientToken}`);
  return signer.sign(identity, 'appointments', purpose, grounds, idempotencyKey);
}

/** The longest Idempotency-Key, every character one JSON escapes (two bytes each). */
const WORST_IDEMPOTENCY_KEY = '"\\'.repeat(IDEMPOTENCY_KEY_MAX_LENGTH).slice(0, IDEMPOTENCY_KEY_MAX_LENGTH);

/** The character costing the most JSON per UTF-16 unit that a purpose or reason may hold: three bytes of UTF-8. */
const WIDE = '\u20ac';
/** A catalogued purpose of `length` units whose note is all wide characters. */
const widePurpose = (length: number) => `NSS_ASSISTANCE:${WIDE.repeat(length - 'NSS_ASSISTANCE:'.length)}`;
/** The largest grounds the schema allows: the longest wide reason (a case is shorter; never both). */
const WORST_GROUNDS: AccessGrounds = { case: null, exception: WIDE.repeat(EXCEPTION_REASON_MAX) };

describe('identity token size', () => {
  it('refuses unpaired surrogates in a purpose (not text; and six bytes of JSON each)', () => {
    expect(() => parsePurpose(`NSS_ASSISTANCE:${'\ud800'.repeat(10)}`)).toThrow();
  });

  it('stays well under the 16 KiB Node allows for all request headers', () => {
    expect(IDENTITY_TOKEN_MAX_LENGTH).toBeGreaterThan(CLIENT_TOKEN_MAX_LENGTH);
    expect(IDENTITY_TOKEN_MAX_LENGTH).toBeLessThan(16_384 - 4_096);
  });

  it('fits for the worst client token that fits, with the worst purpose, the largest grounds and the worst Idempotency-Key', async () => {
    const { token: client, registrations } = worstClientToken();
    expect(client.length).toBeLessThanOrEqual(CLIENT_TOKEN_MAX_LENGTH);
    const worstPurpose = widePurpose(PURPOSE_MAX_LENGTH);
    expect(parsePurpose(worstPurpose)).toBe(worstPurpose);
    expect(WORST_IDEMPOTENCY_KEY).toHaveLength(IDEMPOTENCY_KEY_MAX_LENGTH);
    const token = await identityTokenFor(client, worstPurpose, WORST_GROUNDS, WORST_IDEMPOTENCY_KEY);
    expect(token.length).toBeLessThanOrEqual(IDENTITY_TOKEN_MAX_LENGTH);
    const verified = await subgraph.verify(token);
    expect(verified.purpose).toBe(worstPurpose);
    expect(verified.grounds).toEqual(WORST_GROUNDS);
    expect(verified.idempotencyKey).toBe(WORST_IDEMPOTENCY_KEY);
    expect(verified.identity.kind === 'user' && verified.identity.viewer.employerRegistrations.length).toBe(registrations);
  });

  it('fits for 415 registrations and a 200-character purpose (the case that got a subgraph 401)', async () => {
    const now = nowSeconds();
    const client = await new SignJWT({ roles: ['EMPLOYER'], employer_registrations: Array.from({ length: 415 }, (_, i) => registration(i)) })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(SETTINGS.issuer)
      .setAudience(SETTINGS.audience)
      .setSubject('employer-with-many-registrations')
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(idp.privateKey);
    expect(client.length).toBeLessThanOrEqual(CLIENT_TOKEN_MAX_LENGTH);
    const purpose = `NSS_ASSISTANCE:${'P'.repeat(185)}`;
    const token = await identityTokenFor(client, purpose);
    expect(token.length).toBeGreaterThan(8192); // longer than the subgraphs accepted before
    await expect(subgraph.verify(token)).resolves.toMatchObject({ purpose });
  });

  it('fits for any accepted client token and purpose (property)', async () => {
    const printable = fc.string({ unit: 'binary', minLength: 1, maxLength: 255 }).filter((s) => /^[^\p{Cc}]+$/u.test(s));
    await fc.assert(
      fc.asyncProperty(printable, fc.integer({ min: 1, max: 600 }), fc.option(fc.string({ unit: 'binary', minLength: 1, maxLength: 185 }), { nil: null }), async (sub, count, rawNote) => {
        const purpose = rawNote === null ? null : (() => { try { return parsePurpose(`NSS_ASSISTANCE:${rawNote}`); } catch { return undefined; } })();
        fc.pre(purpose !== undefined);
        const now = nowSeconds();
        const client = await new SignJWT({ roles: ['EMPLOYER'], employer_registrations: Array.from({ length: count }, (_, i) => registration(i)) })
          .setProtectedHeader({ alg: 'ES256' })
          .setIssuer(SETTINGS.issuer)
          .setAudience(SETTINGS.audience)
          .setSubject(sub)
          .setExpirationTime(now + 600)
          .sign(idp.privateKey);
        fc.pre(client.length <= CLIENT_TOKEN_MAX_LENGTH);
        const token = await identityTokenFor(client, purpose ?? null);
        expect(token.length).toBeLessThanOrEqual(IDENTITY_TOKEN_MAX_LENGTH);
        await subgraph.verify(token);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses to sign a token over the limit, with a clear code, instead of sending it', async () => {
    const huge = createIdentitySigner({ privateKey: gateway.privateKey });
    const identity = { kind: 'user' as const, viewer: { subject: 's', roles: ['EMPLOYER' as const], curp: null, consulateId: null, employerRegistrations: Array.from({ length: 1000 }, (_, i) => registration(i)), bankId: null, subdelegation: null } };
    const refusal = await huge.sign(identity, 'appointments', null).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(IdentityTokenTooLargeError);
    expect((refusal as IdentityTokenTooLargeError).extensions).toMatchObject({ code: 'TOKEN_SCOPE_TOO_LARGE', limit: IDENTITY_TOKEN_MAX_LENGTH });
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { createClientTokenVerifier } from '../../../gateway/auth/client-token.ts';
import { DEV_SCOPES, DEV_TOKEN_SETTINGS, exampleTokens, mintDevToken } from '../../../gateway/auth/dev-tokens.ts';
import { AuthenticationError } from '../../../gateway/auth/errors.ts';
import { validateCurp } from '../../../schema/scalars/identifiers/curp.ts';
import { CURP_PATTERN, EMPLOYER_REGISTRATION_PATTERN, ROLES } from '../../../schema/identity/viewer.ts';
import { decodePayload, nowSeconds, testKeys, type TestKeys } from './support.ts';

let keys: TestKeys;
beforeAll(async () => {
  keys = await testKeys('ES256');
});

describe('DEV_SCOPES', () => {
  it('uses a CURP with the right shape and check digit, and a well-formed registro patronal', () => {
    expect(DEV_SCOPES.curp).toMatch(CURP_PATTERN);
    expect(DEV_SCOPES.curp).toBe('GOMA800101HDFRRN05');
    expect(validateCurp(DEV_SCOPES.curp).ok).toBe(true);
    expect(DEV_SCOPES.employerRegistration).toMatch(EMPLOYER_REGISTRATION_PATTERN);
  });
});

describe('exampleTokens', () => {
  it('mints one ES256 token per role, valid for 12 hours, that the gateway accepts', async () => {
    const tokens = await exampleTokens(keys.privateKey, DEV_TOKEN_SETTINGS);
    expect(Object.keys(tokens).sort()).toEqual([...ROLES].sort());
    const verifier = createClientTokenVerifier({ ...DEV_TOKEN_SETTINGS, publicKeyPem: keys.publicKeyPem });
    for (const role of ROLES) {
      const payload = decodePayload(tokens[role]);
      expect(Number(payload.exp) - Number(payload.iat)).toBe(12 * 3600);
      expect(await verifier.verify(`Bearer ${tokens[role]}`)).toMatchObject({ kind: 'user', viewer: { roles: [role] } });
    }
  });

  it('gives an expired token on request', async () => {
    const token = await mintDevToken(keys.privateKey, DEV_TOKEN_SETTINGS, 'INSURED', { expiresInSeconds: -60 });
    expect(Number(decodePayload(token).exp)).toBeLessThan(nowSeconds());
    const verifier = createClientTokenVerifier({ ...DEV_TOKEN_SETTINGS, publicKeyPem: keys.publicKeyPem });
    await expect(verifier.verify(`Bearer ${token}`)).rejects.toBeInstanceOf(AuthenticationError);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { createClientTokenVerifier } from '../../../gateway/auth/client-token.ts';
import { curpCheckDigit, DEV_SCOPES, DEV_TOKEN_SETTINGS, exampleTokens, mintDevToken } from '../../../gateway/auth/dev-tokens.ts';
import { AuthenticationError } from '../../../gateway/auth/errors.ts';
import { CURP_PATTERN, EMPLOYER_REGISTRATION_PATTERN, ROLES } from '../../../subgraphs/shared/identity/viewer.ts';
import { decodePayload, nowSeconds, testKeys, type TestKeys } from './support.ts';

let keys: TestKeys;
beforeAll(async () => {
  keys = await testKeys('ES256');
});

describe('curpCheckDigit', () => {
  // Script-verified examples from DOMAIN.md §1, including one the algorithm must reject.
  it.each(['SABC560626MDFLRN01', 'MOTR930411HJCRMN03', 'PEGJ850101HDFRRL04'])('matches the published check digit of %s', (curp) => {
    expect(curpCheckDigit(curp.slice(0, 17))).toBe(curp.slice(17));
  });

  it('does not accept SABC560626MDFLRN09', () => {
    expect(curpCheckDigit('SABC560626MDFLRN0')).not.toBe('9');
  });

  it('refuses input that is not 17 dictionary characters', () => {
    expect(() => curpCheckDigit('SABC')).toThrow(RangeError);
    expect(() => curpCheckDigit('sabc560626mdflrn0')).toThrow(RangeError);
  });
});

describe('DEV_SCOPES', () => {
  it('uses a CURP with the right shape and check digit, and a well-formed registro patronal', () => {
    expect(DEV_SCOPES.curp).toMatch(CURP_PATTERN);
    expect(DEV_SCOPES.curp).toBe('GOMA800101HDFRRN05');
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

import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TRIAL_IDP, formatEnvFile, generateComposeEnv, parseEnvFile } from '../../gateway/deploy/compose-env.ts';
import { loadGatewayKeysFromEnv } from '../../gateway/auth/keys.ts';

describe('npm run deploy:env', () => {
  it('writes env files that read back to the same variables, PEM line breaks as a literal \\n', () => {
    const { files } = generateComposeEnv();
    for (const [name, vars] of Object.entries(files)) {
      const text = formatEnvFile(vars, name);
      expect(text.split('\n').filter((line) => line.startsWith('#'))).toHaveLength(1);
      expect(parseEnvFile(text)).toEqual(vars);
    }
    expect(files['gateway.env']!.GATEWAY_SIGNING_KEY).toMatch(/^-----BEGIN PRIVATE KEY-----\\n.+\\n-----END PRIVATE KEY-----$/);
  });

  it('refuses a value an env-file reader would interpret (quotes, $, #)', () => {
    for (const value of ['a$b', '"quoted"', 'a #comment', "it's"]) expect(() => formatEnvFile({ X: value }, 'x')).toThrow(/X holds characters/);
  });

  it('without an identity provider, creates a trial one whose public key the gateway verifies with', () => {
    const env = generateComposeEnv();
    const gateway = loadGatewayKeysFromEnv(env.files['gateway.env']!);
    expect([gateway.client.issuer, gateway.client.audience]).toEqual([TRIAL_IDP.issuer, TRIAL_IDP.audience]);
    expect(createPublicKey(env.trialIdpPrivateKeyPem!).export({ type: 'spki', format: 'pem' }).toString().trim()).toBe(gateway.client.publicKeyPem);
  });

  it('with the operator’s identity provider, points the gateway at its JWKS and creates no trial key', () => {
    const env = generateComposeEnv({ identityProvider: { issuer: 'https://idp.example.gob.mx', audience: 'imss', jwksUrl: 'https://idp.example.gob.mx/jwks.json' } });
    expect(env.trialIdpPrivateKeyPem).toBeNull();
    expect(loadGatewayKeysFromEnv(env.files['gateway.env']!).client).toMatchObject({ issuer: 'https://idp.example.gob.mx', jwksUrl: 'https://idp.example.gob.mx/jwks.json' });
    expect(env.files['gateway.env']!.AUTH_PUBLIC_KEY).toBeUndefined();
  });

  it('gives every role and the administrator a different password each run', () => {
    const [a, b] = [generateComposeEnv(), generateComposeEnv()];
    const passwords = (env: typeof a) => [env.files['postgres.env']!.POSTGRES_PASSWORD, ...['persons', 'enrollments'].map((n) => new URL(env.files[`${n}.env`]![`${n.toUpperCase()}_DATABASE_URL`]!).password)];
    expect(new Set([...passwords(a), ...passwords(b)]).size).toBe(6);
  });
});

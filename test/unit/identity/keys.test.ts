import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClientTokenVerifier } from '../../../gateway/auth/client-token.ts';
import { mintDevToken } from '../../../gateway/auth/dev-tokens.ts';
import { loadGatewayKeysFromEnv } from '../../../gateway/auth/keys.ts';
import { KeyConfigError, loadOrCreateDevKeys, loadSubgraphKeysFromEnv } from '../../../schema/runtime/keys.ts';
import { createIdentitySigner, createIdentityVerifier } from '../../../schema/identity/gateway-token.ts';
import { SETTINGS } from './support.ts';

const FILES = [
  'dev-idp-private.pem', 'dev-idp-public.pem', 'gateway-private.pem', 'gateway-public.pem',
  ...['appointments', 'biometrics', 'enrollments', 'persons'].flatMap((name) => [
    `documents-${name}-private.pem`, `documents-${name}-public.pem`, `audit-${name}-private.pem`, `audit-${name}-public.pem`,
  ]),
].sort();

describe('loadOrCreateDevKeys', () => {
  let dir: string;
  beforeEach(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'imss-keys-')), 'keys');
  });
  afterEach(async () => {
    await rm(join(dir, '..'), { recursive: true, force: true });
  });

  it('creates a PEM pair for the identity provider, the gateway and each subgraph\'s documents and audit rows, readable by the owner only', async () => {
    await loadOrCreateDevKeys(dir);
    expect((await readdir(dir)).sort()).toEqual(FILES);
    for (const file of FILES) expect((await stat(join(dir, file))).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it('reuses the keys on the next start', async () => {
    const first = await loadOrCreateDevKeys(dir);
    const second = await loadOrCreateDevKeys(dir);
    expect(second.devIdp.publicKeyPem).toBe(first.devIdp.publicKeyPem);
    expect(second.gateway.publicKeyPem).toBe(first.gateway.publicKeyPem);
    expect(await readFile(join(dir, 'gateway-public.pem'), 'utf8')).toBe(first.gateway.publicKeyPem);
  });

  it('returns working keys: dev tokens verify, gateway tokens round-trip', async () => {
    const { devIdp, gateway } = await loadOrCreateDevKeys(dir);
    const token = await mintDevToken(devIdp.privateKey, SETTINGS, 'BANK');
    const client = createClientTokenVerifier({ ...SETTINGS, publicKeyPem: devIdp.publicKeyPem });
    const identity = await client.verify(`Bearer ${token}`);
    const signed = await createIdentitySigner({ privateKey: gateway.privateKey }).sign(identity, 'enrollments', null);
    const verified = await createIdentityVerifier({ publicKey: gateway.publicKey, audience: 'enrollments' }).verify(signed);
    expect(verified.identity).toEqual(identity);
  });

  it('rewrites a missing public file from the private key', async () => {
    const first = await loadOrCreateDevKeys(dir);
    await unlink(join(dir, 'dev-idp-public.pem'));
    await loadOrCreateDevKeys(dir);
    expect(await readFile(join(dir, 'dev-idp-public.pem'), 'utf8')).toBe(first.devIdp.publicKeyPem);
  });

  it('refuses a private key file of the wrong type instead of using it', async () => {
    await loadOrCreateDevKeys(dir);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    await writeFile(join(dir, 'gateway-private.pem'), ec);
    await expect(loadOrCreateDevKeys(dir)).rejects.toThrow(/not an Ed25519 private key/);
  });

  it('gives every concurrent caller the same keys and leaves no temporary files', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateDevKeys(dir)));
    expect(new Set(results.map((r) => r.devIdp.publicKeyPem + r.gateway.publicKeyPem)).size).toBe(1);
    expect((await readdir(dir)).sort()).toEqual(FILES);
  });

  it('gives several processes starting at once the same keys', async () => {
    const keysModule = fileURLToPath(new URL('../../../schema/runtime/keys.ts', import.meta.url));
    const script = `const { loadOrCreateDevKeys } = await import(${JSON.stringify(keysModule)});
      const k = await loadOrCreateDevKeys(${JSON.stringify(dir)});
      process.stdout.write(k.devIdp.publicKeyPem + k.gateway.publicKeyPem);`;
    const run = () =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      });
    const outputs = await Promise.all(Array.from({ length: 4 }, run));
    expect(new Set(outputs.map((o) => o.stdout)).size).toBe(1);
    const onDisk = (await readFile(join(dir, 'dev-idp-public.pem'), 'utf8')) + (await readFile(join(dir, 'gateway-public.pem'), 'utf8'));
    expect(outputs[0]?.stdout).toBe(onDisk);
    expect((await readdir(dir)).sort()).toEqual(FILES);
  }, 30_000);
});

describe('loadGatewayKeysFromEnv', () => {
  const ed = generateKeyPairSync('ed25519');
  const signingPem = ed.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const publicPem = ed.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const idpPem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const env = {
    GATEWAY_SIGNING_KEY: signingPem,
    AUTH_ISSUER: 'https://idp.imss.gob.mx',
    AUTH_AUDIENCE: 'imss-federation',
    AUTH_JWKS_URL: 'https://idp.imss.gob.mx/.well-known/jwks.json',
  };

  it('reads a complete configuration', () => {
    const keys = loadGatewayKeysFromEnv(env);
    expect(keys.signingKey.asymmetricKeyType).toBe('ed25519');
    expect(keys.publicKey.equals(ed.publicKey)).toBe(true);
    expect(keys.client).toEqual({ issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE, jwksUrl: env.AUTH_JWKS_URL });
  });

  it('accepts PEMs with escaped newlines (as .env files carry them) and an algorithm list', () => {
    const keys = loadGatewayKeysFromEnv({
      ...env,
      AUTH_JWKS_URL: undefined,
      AUTH_PUBLIC_KEY: idpPem.replaceAll('\n', '\\n'),
      GATEWAY_SIGNING_KEY: signingPem.replaceAll('\n', '\\n'),
      GATEWAY_PUBLIC_KEY: publicPem,
      AUTH_ALGORITHMS: 'ES256',
    });
    expect(keys.client).toMatchObject({ publicKeyPem: idpPem.trim(), algorithms: ['ES256'] });
    expect(() => createClientTokenVerifier(keys.client)).not.toThrow();
  });

  it('lists every missing variable at once', () => {
    const error = (() => {
      try {
        loadGatewayKeysFromEnv({ AUTH_ISSUER: '  ' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(KeyConfigError);
    expect((error as KeyConfigError).missing).toEqual(['GATEWAY_SIGNING_KEY', 'AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWKS_URL or AUTH_PUBLIC_KEY']);
    expect((error as Error).message).toContain('GATEWAY_SIGNING_KEY, AUTH_ISSUER, AUTH_AUDIENCE');
  });

  it('reports invalid values without echoing them', () => {
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const cases: [Record<string, string | undefined>, RegExp][] = [
      [{ GATEWAY_PUBLIC_KEY: other }, /does not match/],
      [{ AUTH_PUBLIC_KEY: idpPem }, /only one of AUTH_JWKS_URL and AUTH_PUBLIC_KEY/],
      [{ AUTH_ALGORITHMS: 'HS256' }, /AUTH_ALGORITHMS/],
      [{ GATEWAY_SIGNING_KEY: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }, /GATEWAY_SIGNING_KEY must be an Ed25519/],
      [{ GATEWAY_SIGNING_KEY: 'not a pem' }, /GATEWAY_SIGNING_KEY must be an Ed25519/],
    ];
    for (const [override, message] of cases) {
      expect(() => loadGatewayKeysFromEnv({ ...env, ...override })).toThrow(message);
      try {
        loadGatewayKeysFromEnv({ ...env, ...override });
      } catch (e) {
        expect((e as Error).message).not.toContain('BEGIN');
      }
    }
  });
});

describe('loadSubgraphKeysFromEnv', () => {
  const ed = generateKeyPairSync('ed25519');

  it('reads the gateway public key', () => {
    const pem = ed.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(loadSubgraphKeysFromEnv({ GATEWAY_PUBLIC_KEY: pem }).gatewayPublicKey.equals(ed.publicKey)).toBe(true);
  });

  it('requires it, and refuses a private key in its place', () => {
    expect(() => loadSubgraphKeysFromEnv({})).toThrow(/missing environment variables: GATEWAY_PUBLIC_KEY/);
    const privatePem = ed.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => loadSubgraphKeysFromEnv({ GATEWAY_PUBLIC_KEY: privatePem })).toThrow(/SPKI/);
  });
});

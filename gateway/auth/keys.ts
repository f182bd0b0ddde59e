/**
 * Key material. Development: generated once into a git-ignored folder (.data/keys) and reused, so
 * example tokens keep working across restarts. Production: PEMs from the environment; nothing is
 * ever generated, so a missing variable stops the boot instead of minting an unknown key.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { CLIENT_TOKEN_ALGORITHMS, type ClientTokenAlgorithm, type ClientTokenVerifierOptions } from './client-token.ts';

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SPKI PEM of `publicKey`, e.g. for `createClientTokenVerifier({ publicKeyPem })`. */
  publicKeyPem: string;
}

export interface DevKeys {
  /** ES256 (P-256) key pair of the development identity provider: signs example client tokens. */
  devIdp: KeyPair;
  /** Ed25519 key pair for gateway → subgraph identity tokens. */
  gateway: KeyPair;
  /** ES256 (P-256) key pair that signs NSS certificates (persons subgraph). */
  certificate: KeyPair;
}

/**
 * Loads the development keys from `dir`, creating them the first time. Safe when several processes
 * start at once: a private key is published with link(2), which fails if the file already exists,
 * so exactly one generated key wins and every process then uses the file on disk. Public key files
 * are derived from the private key and replaced atomically (rename), so they always match it.
 */
export async function loadOrCreateDevKeys(dir: string): Promise<DevKeys> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const [devIdp, gateway, certificate] = await Promise.all([
    loadOrCreatePair(dir, 'dev-idp', 'EC P-256', () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey),
    loadOrCreatePair(dir, 'gateway', 'Ed25519', () => generateKeyPairSync('ed25519').privateKey),
    loadOrCreatePair(dir, 'certificate', 'EC P-256', () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey),
  ]);
  return { devIdp, gateway, certificate };
}

type KeyKind = 'EC P-256' | 'Ed25519';

function isKind(key: KeyObject, kind: KeyKind): boolean {
  return kind === 'Ed25519'
    ? key.asymmetricKeyType === 'ed25519'
    : key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';
}

async function loadOrCreatePair(dir: string, name: string, kind: KeyKind, generate: () => KeyObject): Promise<KeyPair> {
  const privatePath = join(dir, `${name}-private.pem`);
  let pem = await readIfExists(privatePath);
  if (pem === null) {
    await publishOnce(privatePath, generate().export({ type: 'pkcs8', format: 'pem' }).toString());
    pem = await readFile(privatePath, 'utf8'); // ours or a concurrent winner's: the file decides
  }
  const privateKey = createPrivateKey(pem);
  if (!isKind(privateKey, kind)) throw new Error(`${privatePath} is not an ${kind} private key; delete it to regenerate`);
  const publicKey = createPublicKey(privateKey);
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const publicPath = join(dir, `${name}-public.pem`);
  if ((await readIfExists(publicPath)) !== publicKeyPem) await replaceAtomically(publicPath, publicKeyPem);
  return { privateKey, publicKey, publicKeyPem };
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Writes a complete, fsynced 0600 file under a unique temporary name next to `path`. */
async function writeTemp(path: string, content: string): Promise<string> {
  const temp = `${path}.${process.pid}.${randomUUID()}.tmp`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temp;
}

/** Creates `path` with `content` unless it exists; never exposes a half-written file. */
async function publishOnce(path: string, content: string): Promise<void> {
  const temp = await writeTemp(path, content);
  try {
    await link(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temp);
  }
}

async function replaceAtomically(path: string, content: string): Promise<void> {
  const temp = await writeTemp(path, content);
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Production: keys from the environment.

export type Env = Readonly<Record<string, string | undefined>>;

export class KeyConfigError extends Error {
  constructor(
    readonly missing: readonly string[],
    readonly invalid: readonly string[],
  ) {
    const parts = [
      missing.length > 0 ? `missing environment variables: ${missing.join(', ')}` : '',
      invalid.length > 0 ? `invalid: ${invalid.join('; ')}` : '',
    ];
    super(`Key configuration: ${parts.filter(Boolean).join('; ')}`);
    this.name = 'KeyConfigError';
  }
}

export interface GatewayEnvKeys {
  /** Ed25519 key that signs identity tokens for subgraphs (GATEWAY_SIGNING_KEY). */
  signingKey: KeyObject;
  /** Its public key, e.g. for subgraphs running in the same process. */
  publicKey: KeyObject;
  /** Ready for `createClientTokenVerifier`. */
  client: ClientTokenVerifierOptions;
}

/**
 * The gateway's production keys: GATEWAY_SIGNING_KEY (PKCS8 PEM, Ed25519); AUTH_ISSUER,
 * AUTH_AUDIENCE and exactly one of AUTH_JWKS_URL / AUTH_PUBLIC_KEY (SPKI PEM) for client tokens;
 * optionally AUTH_ALGORITHMS ("RS256,ES256") and GATEWAY_PUBLIC_KEY, which must then match the
 * signing key (a mismatch would make every subgraph refuse every request). Throws
 * `KeyConfigError` naming every missing or invalid variable at once.
 */
export function loadGatewayKeysFromEnv(env: Env): GatewayEnvKeys {
  const missing: string[] = [];
  const invalid: string[] = [];
  const read = (name: string) => {
    const value = pemOrValue(env[name]);
    if (value === undefined) missing.push(name);
    return value;
  };

  const signingKey = parseKey(read('GATEWAY_SIGNING_KEY'), 'GATEWAY_SIGNING_KEY', 'private', invalid);
  const publicKey = signingKey && createPublicKey(signingKey);
  const declaredPublic = parseKey(pemOrValue(env.GATEWAY_PUBLIC_KEY), 'GATEWAY_PUBLIC_KEY', 'public', invalid);
  if (publicKey && declaredPublic && !publicKey.equals(declaredPublic)) {
    invalid.push('GATEWAY_PUBLIC_KEY does not match GATEWAY_SIGNING_KEY');
  }

  const issuer = read('AUTH_ISSUER');
  const audience = read('AUTH_AUDIENCE');
  const jwksUrl = pemOrValue(env.AUTH_JWKS_URL);
  const publicKeyPem = pemOrValue(env.AUTH_PUBLIC_KEY);
  if (jwksUrl === undefined && publicKeyPem === undefined) missing.push('AUTH_JWKS_URL or AUTH_PUBLIC_KEY');
  if (jwksUrl !== undefined && publicKeyPem !== undefined) invalid.push('set only one of AUTH_JWKS_URL and AUTH_PUBLIC_KEY');
  const algorithms = parseAlgorithms(env.AUTH_ALGORITHMS, invalid);

  if (missing.length > 0 || invalid.length > 0 || !signingKey || !publicKey || !issuer || !audience) {
    throw new KeyConfigError(missing, invalid);
  }
  const common = { issuer, audience, ...(algorithms && { algorithms }) };
  const client: ClientTokenVerifierOptions =
    jwksUrl !== undefined ? { ...common, jwksUrl } : { ...common, publicKeyPem: publicKeyPem ?? '' };
  return { signingKey, publicKey, client };
}

/** A subgraph's production key: GATEWAY_PUBLIC_KEY (SPKI PEM, Ed25519). It never sees the private key. */
export function loadSubgraphKeysFromEnv(env: Env): { gatewayPublicKey: KeyObject } {
  const invalid: string[] = [];
  const pem = pemOrValue(env.GATEWAY_PUBLIC_KEY);
  if (pem === undefined) throw new KeyConfigError(['GATEWAY_PUBLIC_KEY'], []);
  const gatewayPublicKey = parseKey(pem, 'GATEWAY_PUBLIC_KEY', 'public', invalid);
  if (!gatewayPublicKey) throw new KeyConfigError([], invalid);
  return { gatewayPublicKey };
}

/** Blank counts as unset; literal "\n" (how .env files and CI secrets often carry PEMs) becomes a newline. */
function pemOrValue(raw: string | undefined): string | undefined {
  const value = raw?.replace(/\\n/g, '\n').trim();
  return value ? value : undefined;
}

function parseKey(pem: string | undefined, name: string, type: 'private' | 'public', invalid: string[]): KeyObject | null {
  if (pem === undefined) return null;
  // createPublicKey would quietly derive a public key from a private PEM: a subgraph must never hold one.
  const headerOk = type === 'private' || pem.includes('-----BEGIN PUBLIC KEY-----');
  try {
    if (!headerOk) throw new Error('not an SPKI PEM');
    const key = type === 'private' ? createPrivateKey(pem) : createPublicKey(pem);
    if (key.type === type && key.asymmetricKeyType === 'ed25519') return key;
  } catch {
    // fall through: reported below without echoing the value
  }
  invalid.push(`${name} must be an Ed25519 ${type === 'private' ? 'PKCS8' : 'SPKI'} PEM`);
  return null;
}

function parseAlgorithms(raw: string | undefined, invalid: string[]): ClientTokenAlgorithm[] | undefined {
  if (!raw?.trim()) return undefined;
  const names = raw.split(',').map((name) => name.trim());
  const known = names.filter((name): name is ClientTokenAlgorithm => (CLIENT_TOKEN_ALGORITHMS as readonly string[]).includes(name));
  if (known.length !== names.length) invalid.push(`AUTH_ALGORITHMS must list only ${CLIENT_TOKEN_ALGORITHMS.join(', ')}`);
  return known;
}

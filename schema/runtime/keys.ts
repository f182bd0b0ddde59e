/**
 * Key material for every process of the system (gateway and subgraphs alike). Development:
 * generated once into a git-ignored folder (.data/keys) and shared by the five processes, so
 * example tokens keep working across restarts. Production: PEMs from the environment only; nothing
 * is ever generated, so a missing variable stops the boot instead of minting an unknown key.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { DATA_DIR } from '../../db/config.ts';
import { SUBGRAPH_NAMES, type SubgraphName } from '../subgraphs.ts';
import { isProduction } from './environment.ts';

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
  /** ES256 (P-256) key pair per subgraph for the documents it signs (certificates, receipts, assertions). */
  documents: Record<SubgraphName, KeyPair>;
  /** Ed25519 key pair per subgraph that signs the audit rows it appends (and, for persons, the chain checkpoints). */
  audit: Record<SubgraphName, KeyPair>;
}

/**
 * Loads the development keys from `dir`, creating them the first time. Safe when several processes
 * start at once: a private key is published with link(2), which fails if the file already exists,
 * so exactly one generated key wins and every process then uses the file on disk. Public key files
 * are derived from the private key and replaced atomically (rename), so they always match it.
 */
export async function loadOrCreateDevKeys(dir: string): Promise<DevKeys> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const p256 = () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const ed25519 = () => generateKeyPairSync('ed25519').privateKey;
  const [devIdp, gateway, ...perSubgraph] = await Promise.all([
    loadOrCreatePair(dir, 'dev-idp', 'EC P-256', p256),
    loadOrCreatePair(dir, 'gateway', 'Ed25519', ed25519),
    ...SUBGRAPH_NAMES.map((name) => loadOrCreatePair(dir, `documents-${name}`, 'EC P-256', p256)),
    ...SUBGRAPH_NAMES.map((name) => loadOrCreatePair(dir, `audit-${name}`, 'Ed25519', ed25519)),
  ]);
  const byName = (offset: number) => Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [name, perSubgraph[offset + i]!])) as Record<SubgraphName, KeyPair>;
  return { devIdp: devIdp!, gateway: gateway!, documents: byName(0), audit: byName(SUBGRAPH_NAMES.length) };
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

/** A subgraph's production key: GATEWAY_PUBLIC_KEY (SPKI PEM, Ed25519). It never sees the private key. */
export function loadSubgraphKeysFromEnv(env: Env): { gatewayPublicKey: KeyObject } {
  const invalid: string[] = [];
  const pem = pemOrValue(env.GATEWAY_PUBLIC_KEY);
  if (pem === undefined) throw new KeyConfigError(['GATEWAY_PUBLIC_KEY'], []);
  const gatewayPublicKey = parseEd25519Key(pem, 'GATEWAY_PUBLIC_KEY', 'public', invalid);
  if (!gatewayPublicKey) throw new KeyConfigError([], invalid);
  return { gatewayPublicKey };
}

/** Blank counts as unset; literal "\n" (how .env files and CI secrets often carry PEMs) becomes a newline. */
export function pemOrValue(raw: string | undefined): string | undefined {
  const value = raw?.replace(/\\n/g, '\n').trim();
  return value ? value : undefined;
}

export function parseEd25519Key(pem: string | undefined, name: string, type: 'private' | 'public', invalid: string[]): KeyObject | null {
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

export { isProduction } from './environment.ts';

/**
 * What a subgraph process holds: the gateway's public key, its own document signing key, and the
 * public keys of every subgraph's documents (to verify a document another subgraph signed, e.g. an
 * identity assertion from biometrics presented to enrollments).
 */
export interface SubgraphKeys {
  /** Verifies the gateway's identity tokens. */
  gatewayPublicKey: KeyObject;
  /** Signs this subgraph's documents (ES256). */
  documentSigning: { privateKey: KeyObject; publicKey: KeyObject };
  /** Every subgraph's document public key (its own included). */
  documentKeys: KeyObject[];
  /** Signs the audit rows this subgraph appends (Ed25519); the database never holds it. */
  auditSigning: { privateKey: KeyObject; publicKey: KeyObject };
}

/** The keys of one subgraph process: from the environment in production, the dev folder otherwise. */
export async function loadSubgraphKeys(subgraph: SubgraphName, env: NodeJS.ProcessEnv = process.env): Promise<SubgraphKeys> {
  if (isProduction(env)) {
    const gatewayPublicKey = loadSubgraphKeysFromEnv(env).gatewayPublicKey;
    return {
      gatewayPublicKey,
      documentSigning: documentSigningKeyFromEnv(env),
      documentKeys: documentPublicKeysFromEnv(env),
      auditSigning: auditSigningKeyFromEnv(env),
    };
  }
  const dev = await loadOrCreateDevKeys(join(DATA_DIR, 'keys'));
  return {
    gatewayPublicKey: dev.gateway.publicKey,
    documentSigning: dev.documents[subgraph],
    documentKeys: SUBGRAPH_NAMES.map((name) => dev.documents[name].publicKey),
    auditSigning: dev.audit[subgraph],
  };
}

/** AUDIT_SIGNING_KEY: PKCS8 PEM of this subgraph's Ed25519 audit key. */
export function auditSigningKeyFromEnv(env: NodeJS.ProcessEnv): { privateKey: KeyObject; publicKey: KeyObject } {
  const invalid: string[] = [];
  const pem = pemOrValue(env.AUDIT_SIGNING_KEY);
  if (!pem) throw new KeyConfigError(['AUDIT_SIGNING_KEY'], []);
  const privateKey = parseEd25519Key(pem, 'AUDIT_SIGNING_KEY', 'private', invalid);
  if (!privateKey) throw new KeyConfigError([], invalid);
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** AUDIT_PUBLIC_KEYS: every subgraph's audit public key (SPKI PEMs), for whoever verifies the trail. */
export function auditPublicKeysFromEnv(env: NodeJS.ProcessEnv): KeyObject[] {
  const bundle = pemOrValue(env.AUDIT_PUBLIC_KEYS);
  if (!bundle) throw new KeyConfigError(['AUDIT_PUBLIC_KEYS'], []);
  const keys = (bundle.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? []).map((pem) => createPublicKey(pem));
  if (keys.length === 0 || keys.some((key) => !isKind(key, 'Ed25519'))) throw new KeyConfigError([], ['AUDIT_PUBLIC_KEYS must hold Ed25519 SPKI PEMs']);
  return keys;
}

/** The audit public keys: from the environment in production, the dev folder otherwise. */
export async function loadAuditPublicKeys(env: NodeJS.ProcessEnv = process.env): Promise<KeyObject[]> {
  if (isProduction(env)) return auditPublicKeysFromEnv(env);
  const dev = await loadOrCreateDevKeys(join(DATA_DIR, 'keys'));
  return SUBGRAPH_NAMES.map((name) => dev.audit[name].publicKey);
}

/**
 * DOCUMENT_PUBLIC_KEYS: every subgraph's document public key, SPKI PEMs one after the other. The
 * gateway publishes them at /.well-known/jwks.json; subgraphs verify each other's documents.
 */
export function documentPublicKeysFromEnv(env: NodeJS.ProcessEnv): KeyObject[] {
  const bundle = pemOrValue(env.DOCUMENT_PUBLIC_KEYS);
  if (!bundle) throw new KeyConfigError(['DOCUMENT_PUBLIC_KEYS'], []);
  const pems = bundle.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? [];
  const keys = pems.map((pem) => createPublicKey(pem));
  if (keys.length === 0 || keys.some((key) => !isKind(key, 'EC P-256'))) {
    throw new KeyConfigError([], ['DOCUMENT_PUBLIC_KEYS must hold one or more EC P-256 SPKI PEMs']);
  }
  return keys;
}

/** DOCUMENT_SIGNING_KEY: PKCS8 PEM of this subgraph's ES256 (P-256) document key; its public half must be in DOCUMENT_PUBLIC_KEYS. */
export function documentSigningKeyFromEnv(env: NodeJS.ProcessEnv): { privateKey: KeyObject; publicKey: KeyObject } {
  const pem = pemOrValue(env.DOCUMENT_SIGNING_KEY);
  if (!pem) throw new KeyConfigError(['DOCUMENT_SIGNING_KEY'], []);
  const privateKey = createPrivateKey(pem);
  if (!isKind(privateKey, 'EC P-256')) throw new KeyConfigError([], ['DOCUMENT_SIGNING_KEY must be an EC P-256 key']);
  const publicKey = createPublicKey(privateKey);
  if (!documentPublicKeysFromEnv(env).some((key) => key.equals(publicKey))) {
    throw new KeyConfigError([], ['DOCUMENT_PUBLIC_KEYS does not contain the public half of DOCUMENT_SIGNING_KEY']);
  }
  return { privateKey, publicKey };
}

/**
 * Where the biometric master key ring comes from:
 * - BIOMETRIC_MASTER_KEYS / BIOMETRIC_MASTER_KEY_ID when set (always in production, where a
 *   missing ring stops the boot instead of minting an unknown key);
 * - in development, a ring generated once into the dev keys folder (<IMSS_DATA_DIR>/keys, next to
 *   the other development keys, git-ignored) and then read from there, so the demo templates the
 *   seed encrypts stay readable across restarts. The file holds the same two variables, so the
 *   environment format is the only one there is.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { link, mkdir, open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { DATA_DIR } from '../../../db/config.ts';
import { KeyRingConfigError } from './errors.ts';
import { parseMasterKeyRing, type MasterKeyRing } from './key-ring.ts';

export const DEV_MASTER_KEYS_FILE = 'biometric-master-keys.env';

type Env = Readonly<Record<string, string | undefined>>;

/** The ring for this process (see the module comment). */
export async function loadBiometricMasterKeys(env: Env = process.env, devKeysDir: string = join(DATA_DIR, 'keys')): Promise<MasterKeyRing> {
  if (env.BIOMETRIC_MASTER_KEYS?.trim() || env.BIOMETRIC_MASTER_KEY_ID?.trim()) return parseMasterKeyRing(env);
  if (env.NODE_ENV === 'production') {
    throw new KeyRingConfigError({ issues: [{ code: 'MASTER_KEYS_MISSING', message: 'BIOMETRIC_MASTER_KEYS and BIOMETRIC_MASTER_KEY_ID must be set in production' }] });
  }
  return parseMasterKeyRing(await devMasterKeyEnv(devKeysDir));
}

/** The development ring of `dir` (made there if it has none) as the two variables a process reads. */
export async function devMasterKeyEnv(dir: string): Promise<Record<string, string>> {
  return parseEnvFile(await loadOrCreateDevFile(dir));
}

/** A fresh ring's two variables (one random 32-byte key): what the dev file holds. */
export function generateMasterKeyEnv(keyId: string): { BIOMETRIC_MASTER_KEYS: string; BIOMETRIC_MASTER_KEY_ID: string } {
  const key = randomBytes(32);
  try {
    return { BIOMETRIC_MASTER_KEYS: `${keyId}:${key.toString('base64')}`, BIOMETRIC_MASTER_KEY_ID: keyId };
  } finally {
    key.fill(0);
  }
}

async function loadOrCreateDevFile(dir: string): Promise<string> {
  const path = join(dir, DEV_MASTER_KEYS_FILE);
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const ring = generateMasterKeyEnv(`dev-${new Date().toISOString().slice(0, 10)}`);
  const content = `# Development biometric master key ring (never used in production).\nBIOMETRIC_MASTER_KEYS=${ring.BIOMETRIC_MASTER_KEYS}\nBIOMETRIC_MASTER_KEY_ID=${ring.BIOMETRIC_MASTER_KEY_ID}\n`;
  // Written under a unique name, then published with link(2), which fails if the file exists:
  // when the seed and the subgraph start at once, exactly one ring wins and both read it.
  const temp = `${path}.${process.pid}.${randomUUID()}.tmp`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temp);
  }
  return readFile(path, 'utf8');
}

function parseEnvFile(text: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Z_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (match) entries[match[1]!] = match[2]!;
  }
  return entries;
}

import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyRingConfigError } from '../../../subgraphs/biometrics/crypto/errors.ts';
import { DEV_MASTER_KEYS_FILE, loadBiometricMasterKeys } from '../../../subgraphs/biometrics/crypto/master-keys.ts';

const freshDir = () => join(mkdtempSync(join(tmpdir(), 'bio-keys-')), 'keys');
const KEY = randomBytes(32).toString('base64');

describe('loadBiometricMasterKeys', () => {
  it('uses BIOMETRIC_MASTER_KEYS when set, and writes nothing', async () => {
    const dir = freshDir();
    const ring = await loadBiometricMasterKeys({ BIOMETRIC_MASTER_KEYS: `prod-1:${KEY}`, BIOMETRIC_MASTER_KEY_ID: 'prod-1' }, dir);
    expect(ring.toJSON()).toEqual({ currentKeyId: 'prod-1', keyIds: ['prod-1'] });
    expect(() => statSync(dir)).toThrow();
  });

  it('refuses to start in production without the variables, instead of minting a key', async () => {
    await expect(loadBiometricMasterKeys({ NODE_ENV: 'production' }, freshDir())).rejects.toBeInstanceOf(KeyRingConfigError);
  });

  it('reports a half-configured ring instead of falling back to the development one', async () => {
    await expect(loadBiometricMasterKeys({ BIOMETRIC_MASTER_KEY_ID: 'k1' }, freshDir())).rejects.toBeInstanceOf(KeyRingConfigError);
  });

  it('in development creates one ring in the keys folder (0600) and reuses it on the next start', async () => {
    const dir = freshDir();
    const first = await loadBiometricMasterKeys({}, dir);
    const second = await loadBiometricMasterKeys({}, dir);
    expect(second.currentKeyId).toBe(first.currentKeyId);
    expect(second.key(second.currentKeyId)!.export().equals(first.key(first.currentKeyId)!.export())).toBe(true);
    const path = join(dir, DEV_MASTER_KEYS_FILE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toMatch(/^BIOMETRIC_MASTER_KEY_ID=dev-\d{4}-\d{2}-\d{2}$/m);
  });

  it('processes starting at once agree on a single development ring', async () => {
    const dir = freshDir();
    const rings = await Promise.all(Array.from({ length: 6 }, () => loadBiometricMasterKeys({}, dir)));
    const keys = new Set(rings.map((ring) => ring.key(ring.currentKeyId)!.export().toString('hex')));
    expect(keys.size).toBe(1);
  });
});

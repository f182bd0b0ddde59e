import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { KeyRingConfigError } from '../../../subgraphs/biometrics/crypto/errors.ts';
import { createMasterKeyRing, parseMasterKeyRing } from '../../../subgraphs/biometrics/crypto/key-ring.ts';
import { thrown } from './support.ts';

const K1 = randomBytes(32).toString('base64');
const K2 = randomBytes(32).toString('base64');

function issueCodes(env: Record<string, string | undefined>): string[] {
  const error = thrown(() => parseMasterKeyRing(env));
  expect(error).toBeInstanceOf(KeyRingConfigError);
  return (error as KeyRingConfigError).details.issues.map((issue) => issue.code);
}

describe('parseMasterKeyRing', () => {
  it('parses several keys and the current id', () => {
    const ring = parseMasterKeyRing({ BIOMETRIC_MASTER_KEYS: `k2026-12:${K1},k2025-01:${K2}`, BIOMETRIC_MASTER_KEY_ID: 'k2026-12' });
    expect(ring.currentKeyId).toBe('k2026-12');
    expect(ring.keyIds).toEqual(['k2026-12', 'k2025-01']);
    expect(ring.key('k2025-01')?.export().toString('base64')).toBe(K2);
  });

  it('tolerates spaces around entries', () => {
    const ring = parseMasterKeyRing({ BIOMETRIC_MASTER_KEYS: ` a:${K1} , b:${K2} `, BIOMETRIC_MASTER_KEY_ID: ' b ' });
    expect(ring.currentKeyId).toBe('b');
    expect(ring.has('a')).toBe(true);
  });

  it('requires both variables', () => {
    expect(issueCodes({})).toEqual(['MASTER_KEYS_MISSING', 'CURRENT_MASTER_KEY_ID_MISSING']);
    expect(issueCodes({ BIOMETRIC_MASTER_KEYS: `a:${K1}`, BIOMETRIC_MASTER_KEY_ID: '  ' })).toEqual(['CURRENT_MASTER_KEY_ID_MISSING']);
  });

  it('rejects a current id that names no configured key', () => {
    expect(issueCodes({ BIOMETRIC_MASTER_KEYS: `a:${K1}`, BIOMETRIC_MASTER_KEY_ID: 'b' })).toEqual(['CURRENT_MASTER_KEY_UNKNOWN']);
  });

  it('rejects a key one byte short and one byte long', () => {
    const short = randomBytes(31).toString('base64');
    const long = randomBytes(33).toString('base64');
    expect(issueCodes({ BIOMETRIC_MASTER_KEYS: `a:${short},b:${long}`, BIOMETRIC_MASTER_KEY_ID: 'a' })).toEqual(['MASTER_KEY_WRONG_LENGTH', 'MASTER_KEY_WRONG_LENGTH']);
  });

  it('rejects duplicate ids', () => {
    expect(issueCodes({ BIOMETRIC_MASTER_KEYS: `a:${K1},a:${K2}`, BIOMETRIC_MASTER_KEY_ID: 'a' })).toEqual(['MASTER_KEY_DUPLICATE_ID']);
  });

  it('rejects an entry without an id and an empty entry', () => {
    expect(issueCodes({ BIOMETRIC_MASTER_KEYS: `${K1},a:${K2},`, BIOMETRIC_MASTER_KEY_ID: 'a' })).toEqual(['MASTER_KEY_ENTRY_MALFORMED', 'MASTER_KEY_ENTRY_MALFORMED']);
  });

  it('rejects text that is not padded standard base64', () => {
    const urlSafe = K1.replace(/=+$/, '');
    expect(issueCodes({ BIOMETRIC_MASTER_KEYS: `a:${urlSafe},b:not*base64`, BIOMETRIC_MASTER_KEY_ID: 'a' })).toEqual(['MASTER_KEY_NOT_BASE64', 'MASTER_KEY_NOT_BASE64', 'CURRENT_MASTER_KEY_UNKNOWN']);
  });

  it('rejects ids with characters outside the allowed set', () => {
    expect(issueCodes({ BIOMETRIC_MASTER_KEYS: `bad id:${K1}`, BIOMETRIC_MASTER_KEY_ID: 'bad id' })).toContain('MASTER_KEY_ID_INVALID');
  });

  it('rejects a placeholder key of one repeated byte', () => {
    expect(issueCodes({ BIOMETRIC_MASTER_KEYS: `a:${Buffer.alloc(32).toString('base64')}`, BIOMETRIC_MASTER_KEY_ID: 'a' })).toEqual(['MASTER_KEY_PLACEHOLDER']);
  });

  it('reports entries by 1-based position', () => {
    const error = thrown(() => parseMasterKeyRing({ BIOMETRIC_MASTER_KEYS: `a:${K1},b:${randomBytes(16).toString('base64')}`, BIOMETRIC_MASTER_KEY_ID: 'a' }));
    expect((error as KeyRingConfigError).details.issues[0]?.position).toBe(2);
  });

  it('never echoes key material, even a bare key pasted without an id or as the current id', () => {
    const short = randomBytes(31).toString('base64');
    const error = thrown(() => parseMasterKeyRing({ BIOMETRIC_MASTER_KEYS: `${K1},b:${short},c:${K2.slice(1)}`, BIOMETRIC_MASTER_KEY_ID: K2 }));
    const text = `${error.message} ${JSON.stringify(error)}`;
    expect((error as KeyRingConfigError).details.issues).toHaveLength(4);
    for (const secret of [K1, short, K2, K2.slice(1)]) expect(text).not.toContain(secret);
  });
});

describe('MasterKeyRing', () => {
  it('prints and serialises ids only', () => {
    const ring = createMasterKeyRing([{ id: 'a', key: Buffer.from(K1, 'base64') }], 'a');
    expect(JSON.stringify(ring)).toBe('{"currentKeyId":"a","keyIds":["a"]}');
    expect(inspect(ring, { depth: 5 })).not.toContain(Buffer.from(K1, 'base64').toString('hex').slice(0, 16));
  });

  it('keeps its own copy of the key bytes', () => {
    const bytes = Buffer.from(K1, 'base64');
    const ring = createMasterKeyRing([{ id: 'a', key: bytes }], 'a');
    bytes.fill(0);
    expect(ring.key('a')?.export().toString('base64')).toBe(K1);
  });

  it('returns undefined for an id it does not hold', () => {
    const ring = createMasterKeyRing([{ id: 'a', key: Buffer.from(K1, 'base64') }], 'a');
    expect(ring.key('b')).toBeUndefined();
  });

  it('rejects an empty list of keys', () => {
    expect(thrown(() => createMasterKeyRing([], 'a')).details?.issues).toEqual([
      expect.objectContaining({ code: 'MASTER_KEYS_MISSING' }),
      expect.objectContaining({ code: 'CURRENT_MASTER_KEY_UNKNOWN' }),
    ]);
  });
});

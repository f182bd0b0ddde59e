/**
 * The master keys that wrap per-record data keys, by id, plus which one new records use.
 * Keys are held as node:crypto KeyObjects (copied out of the caller's buffers), which neither
 * util.inspect nor JSON.stringify can print, so a ring logged by mistake shows ids only.
 */
import { createSecretKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { ValidationIssue } from '../../../schema/scalars/identifiers/issues.ts';
import { KeyRingConfigError } from './errors.ts';

/** AES-256: every master key is exactly 32 bytes. */
export const MASTER_KEY_BYTES = 32;

// Fits the templates.key_id varchar(64) column and needs no quoting in the env string.
const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** One master key as configuration provides it. */
export interface MasterKeyEntry {
  readonly id: string;
  readonly key: Uint8Array;
  /** 1-based place in the configuration, for messages; defaults to the index in the list. */
  readonly position?: number;
}

/** A validated set of master keys; build it with createMasterKeyRing or parseMasterKeyRing. */
export class MasterKeyRing {
  readonly #keys: ReadonlyMap<string, KeyObject>;
  /** The key that seals new records and is the default rotation target. */
  readonly currentKeyId: string;

  private constructor(keys: ReadonlyMap<string, KeyObject>, currentKeyId: string) {
    this.#keys = keys;
    this.currentKeyId = currentKeyId;
  }

  /** Validates entries (ids, 32-byte keys, no duplicates, current id present) and copies the keys. */
  static create(entries: readonly MasterKeyEntry[], currentKeyId: string): MasterKeyRing {
    const issues = entryIssues(entries, currentKeyId, []);
    if (issues.length > 0) throw new KeyRingConfigError({ issues });
    return new MasterKeyRing(new Map(entries.map((entry) => [entry.id, createSecretKey(Buffer.from(entry.key))])), currentKeyId);
  }

  /** Ids in configuration order. */
  get keyIds(): readonly string[] {
    return [...this.#keys.keys()];
  }

  has(keyId: string): boolean {
    return this.#keys.has(keyId);
  }

  /** The master key with this id, or undefined when the ring does not hold it. */
  key(keyId: string): KeyObject | undefined {
    return this.#keys.get(keyId);
  }

  toJSON(): { currentKeyId: string; keyIds: readonly string[] } {
    return { currentKeyId: this.currentKeyId, keyIds: this.keyIds };
  }
}

/** Same as MasterKeyRing.create. */
export function createMasterKeyRing(entries: readonly MasterKeyEntry[], currentKeyId: string): MasterKeyRing {
  return MasterKeyRing.create(entries, currentKeyId);
}

/**
 * Parses BIOMETRIC_MASTER_KEYS ("id:<base64 of 32 bytes>,id2:<base64>") and BIOMETRIC_MASTER_KEY_ID
 * (the current id). Throws KeyRingConfigError listing every problem; messages name entries by
 * position and id only, never their key text (a malformed entry may be a bare key).
 */
export function parseMasterKeyRing(env: Readonly<Record<string, string | undefined>>): MasterKeyRing {
  const issues: ValidationIssue[] = [];
  const raw = env.BIOMETRIC_MASTER_KEYS?.trim() ?? '';
  const currentKeyId = env.BIOMETRIC_MASTER_KEY_ID?.trim() ?? '';
  if (raw === '') issues.push({ code: 'MASTER_KEYS_MISSING', message: 'BIOMETRIC_MASTER_KEYS is not set' });
  if (currentKeyId === '') issues.push({ code: 'CURRENT_MASTER_KEY_ID_MISSING', message: 'BIOMETRIC_MASTER_KEY_ID is not set' });
  if (issues.length > 0) throw new KeyRingConfigError({ issues });

  const entries: MasterKeyEntry[] = [];
  raw.split(',').forEach((text, index) => {
    const position = index + 1;
    const entry = text.trim();
    const colon = entry.indexOf(':');
    if (colon <= 0) {
      issues.push({ code: 'MASTER_KEY_ENTRY_MALFORMED', position, message: `entry ${position} is not of the form id:<base64 key>` });
      return;
    }
    const id = entry.slice(0, colon);
    const encoded = entry.slice(colon + 1);
    if (!BASE64.test(encoded) || encoded === '') {
      issues.push({ code: 'MASTER_KEY_NOT_BASE64', position, message: `key "${safeId(id)}" (entry ${position}) is not standard padded base64` });
      return;
    }
    entries.push({ id, key: Buffer.from(encoded, 'base64'), position });
  });
  try {
    if (issues.length > 0) throw new KeyRingConfigError({ issues: entryIssues(entries, currentKeyId, issues) });
    return MasterKeyRing.create(entries, currentKeyId);
  } finally {
    // The ring holds its own copies; the decoded buffers (possibly slices of Node's pool) are wiped.
    for (const entry of entries) entry.key.fill(0);
  }
}

/** `earlier`: problems already found while splitting the env string (their entries are absent here). */
function entryIssues(entries: readonly MasterKeyEntry[], currentKeyId: string, earlier: readonly ValidationIssue[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [...earlier];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const position = entry.position ?? index + 1;
    if (!KEY_ID.test(entry.id)) {
      issues.push({ code: 'MASTER_KEY_ID_INVALID', position, message: `entry ${position} has an invalid key id (1-64 of A-Z a-z 0-9 . _ -, starting alphanumeric)` });
    } else if (seen.has(entry.id)) {
      issues.push({ code: 'MASTER_KEY_DUPLICATE_ID', position, message: `key id "${entry.id}" appears more than once (entry ${position})` });
    }
    seen.add(entry.id);
    if (entry.key.length !== MASTER_KEY_BYTES) {
      issues.push({ code: 'MASTER_KEY_WRONG_LENGTH', position, message: `key "${safeId(entry.id)}" is ${entry.key.length} bytes; AES-256 needs exactly ${MASTER_KEY_BYTES}` });
    } else if (entry.key.every((byte) => byte === entry.key[0])) {
      // All-zero / all-'A' placeholders copied from an example must never protect real templates.
      issues.push({ code: 'MASTER_KEY_PLACEHOLDER', position, message: `key "${safeId(entry.id)}" is one byte value repeated, a placeholder rather than a random key` });
    }
  });
  if (entries.length === 0 && earlier.length === 0) issues.push({ code: 'MASTER_KEYS_MISSING', message: 'the key ring has no keys' });
  if (currentKeyId === '') {
    issues.push({ code: 'CURRENT_MASTER_KEY_ID_MISSING', message: 'no current master key id was given' });
  } else if (!seen.has(currentKeyId)) {
    issues.push({ code: 'CURRENT_MASTER_KEY_UNKNOWN', message: `current master key id "${safeId(currentKeyId)}" is not among the configured keys` });
  }
  return issues;
}

// An id is not secret, but a mangled entry's "id" might be key text: only echo ids that look like ids.
function safeId(id: string): string {
  return KEY_ID.test(id) ? id : '(invalid id)';
}

/**
 * Envelope encryption of biometric templates (templates are stored encrypted only, docs/domain.md §9:
 * biometrics are sensitive personal data under the LGPDPPSO).
 *
 * Seal version 1:
 * - a fresh random 32-byte data key per record encrypts the template with AES-256-GCM
 *   (12-byte random IV, 16-byte tag), AAD = templateAad(record identity);
 * - the data key is itself encrypted with AES-256-GCM under a master key from the key ring
 *   (its own IV and tag), AAD = dataKeyAad(record identity, master key id).
 * Rotating master keys therefore re-encrypts 32 bytes per record, never the template; and
 * destroying the wrapped data key (crypto-shredding) makes the ciphertext unreadable for good,
 * including in backups that still hold it.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { dataKeyAad, templateAad } from './binding.ts';
import type { TemplateBinding } from './binding.ts';
import { MasterKeyNotFoundError, TemplateIntegrityError, TemplateShreddedError } from './errors.ts';
import type { TemplateIntegrityReason } from './errors.ts';
import type { MasterKeyRing } from './key-ring.ts';

export const SEAL_VERSION = 1;
const ALGORITHM = 'aes-256-gcm';
const DATA_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What is stored for one template. Every field but wrappedKey is safe to keep after shredding. */
export interface SealedTemplate {
  /** Algorithm version (1 = AES-256-GCM template, AES-256-GCM-wrapped data key). */
  readonly version: typeof SEAL_VERSION;
  readonly ciphertext: Buffer;
  readonly iv: Buffer;
  readonly authTag: Buffer;
  /** The encrypted data key; null once the record has been crypto-shredded. */
  readonly wrappedKey: Buffer | null;
  readonly wrapIv: Buffer;
  readonly wrapTag: Buffer;
  /** Id of the master key that wrapped the data key. */
  readonly masterKeyId: string;
}

/** Encrypts a template for the record `binding` under the ring's current master key. */
export function sealTemplate(plaintext: Uint8Array, binding: TemplateBinding, ring: MasterKeyRing): SealedTemplate {
  const masterKeyId = ring.currentKeyId;
  const masterKey = requireKey(ring, masterKeyId);
  const dataKey = randomBytes(DATA_KEY_BYTES);
  try {
    const iv = randomBytes(IV_BYTES);
    const template = encrypt(dataKey, iv, templateAad(binding), plaintext);
    return { version: SEAL_VERSION, ciphertext: template.ciphertext, iv, authTag: template.tag, ...wrap(dataKey, binding, masterKey, masterKeyId) };
  } finally {
    dataKey.fill(0);
  }
}

/**
 * Decrypts a sealed template bound to `binding`. Throws TemplateShreddedError for a shredded
 * record and TemplateIntegrityError for anything altered, mis-bound or under an unknown master key.
 * The caller owns the returned buffer and should zero it when done.
 */
export function openTemplate(sealed: SealedTemplate, binding: TemplateBinding, ring: MasterKeyRing): Buffer {
  const dataKey = unwrap(sealed, binding, ring);
  try {
    return decrypt(dataKey, sealed.iv, templateAad(binding), sealed.ciphertext, sealed.authTag, () =>
      integrity('TEMPLATE_AUTHENTICATION_FAILED', sealed.masterKeyId, 'template ciphertext failed authentication (altered, or bound to another record)'));
  } finally {
    dataKey.fill(0);
  }
}

/**
 * Re-wraps the record's data key under `toKeyId` (default: the ring's current key). The template
 * ciphertext, IV and tag are carried over byte for byte; the template is never decrypted. A record
 * already under `toKeyId` is returned as is, so a rotation interrupted half-way can simply re-run.
 */
export function rewrapDataKey(sealed: SealedTemplate, binding: TemplateBinding, ring: MasterKeyRing, toKeyId: string = ring.currentKeyId): SealedTemplate {
  const targetKey = requireKey(ring, toKeyId);
  if (sealed.wrappedKey === null) throw new TemplateShreddedError();
  if (sealed.masterKeyId === toKeyId) return sealed;
  const dataKey = unwrap(sealed, binding, ring);
  try {
    return { ...sealed, ...wrap(dataKey, binding, targetKey, toKeyId) };
  } finally {
    dataKey.fill(0);
  }
}

/** The record with its wrapped data key destroyed: persisting this makes the template unrecoverable. */
export function shredTemplate(sealed: SealedTemplate): SealedTemplate {
  return { ...sealed, wrappedKey: null };
}

function wrap(dataKey: Buffer, binding: TemplateBinding, masterKey: KeyObject, masterKeyId: string) {
  const wrapIv = randomBytes(IV_BYTES);
  const { ciphertext, tag } = encrypt(masterKey, wrapIv, dataKeyAad(binding, masterKeyId), dataKey);
  return { wrappedKey: ciphertext, wrapIv, wrapTag: tag, masterKeyId };
}

function unwrap(sealed: SealedTemplate, binding: TemplateBinding, ring: MasterKeyRing): Buffer {
  const masterKeyId = typeof sealed.masterKeyId === 'string' ? sealed.masterKeyId : '';
  if (sealed.version !== SEAL_VERSION) throw integrity('UNSUPPORTED_SEAL_VERSION', masterKeyId, `seal version ${String(sealed.version)} is not supported (expected ${SEAL_VERSION})`);
  if (sealed.wrappedKey === null) throw new TemplateShreddedError();
  checkShape(sealed, masterKeyId);
  const masterKey = ring.key(masterKeyId);
  if (!masterKey) throw integrity('UNKNOWN_MASTER_KEY', masterKeyId, `master key "${masterKeyId}" is not in the key ring`);
  return decrypt(masterKey, sealed.wrapIv, dataKeyAad(binding, masterKeyId), sealed.wrappedKey, sealed.wrapTag, () =>
    integrity('DATA_KEY_UNWRAP_FAILED', masterKeyId, 'wrapped data key failed authentication (altered, wrong master key, or bound to another record)'));
}

function checkShape(sealed: SealedTemplate, masterKeyId: string): void {
  const sizes: [string, Buffer | null, number | null][] = [
    ['iv', sealed.iv, IV_BYTES], ['authTag', sealed.authTag, TAG_BYTES], ['wrapIv', sealed.wrapIv, IV_BYTES],
    ['wrapTag', sealed.wrapTag, TAG_BYTES], ['wrappedKey', sealed.wrappedKey, DATA_KEY_BYTES], ['ciphertext', sealed.ciphertext, null],
  ];
  for (const [field, value, expected] of sizes) {
    // GCM would accept a truncated tag unless told its length; a fixed-size check also catches swapped columns.
    if (!Buffer.isBuffer(value) || (expected !== null && value.length !== expected)) {
      throw integrity('MALFORMED_SEALED_TEMPLATE', masterKeyId, `field ${field} is missing or has the wrong length${expected === null ? '' : ` (expected ${expected} bytes)`}`);
    }
  }
}

function encrypt(key: Buffer | KeyObject, iv: Buffer, aad: Buffer, plaintext: Uint8Array): { ciphertext: Buffer; tag: Buffer } {
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext, tag: cipher.getAuthTag() };
}

function decrypt(key: Buffer | KeyObject, iv: Buffer, aad: Buffer, ciphertext: Buffer, tag: Buffer, failure: () => Error): Buffer {
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  // update() releases bytes before the tag is checked: they are wiped unless final() authenticates them.
  const head = decipher.update(ciphertext);
  try {
    const tail = decipher.final();
    if (tail.length === 0) return head;
    const whole = Buffer.concat([head, tail]);
    head.fill(0);
    return whole;
  } catch {
    head.fill(0);
    throw failure();
  }
}

function requireKey(ring: MasterKeyRing, keyId: string): KeyObject {
  const key = ring.key(keyId);
  if (!key) throw new MasterKeyNotFoundError({ masterKeyId: keyId });
  return key;
}

function integrity(reason: TemplateIntegrityReason, masterKeyId: string, detail: string): TemplateIntegrityError {
  return new TemplateIntegrityError(`Biometric template integrity check failed: ${detail}`, { reason, masterKeyId });
}

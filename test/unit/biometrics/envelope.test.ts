import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TemplateBinding } from '../../../subgraphs/biometrics/crypto/binding.ts';
import { openTemplate, rewrapDataKey, sealTemplate, shredTemplate } from '../../../subgraphs/biometrics/crypto/envelope.ts';
import type { SealedTemplate } from '../../../subgraphs/biometrics/crypto/envelope.ts';
import { MasterKeyNotFoundError, TemplateBindingError, TemplateIntegrityError, TemplateShreddedError } from '../../../subgraphs/biometrics/crypto/errors.ts';
import { createMasterKeyRing } from '../../../subgraphs/biometrics/crypto/key-ring.ts';
import { thrown } from './support.ts';

const OLD = { id: 'k2025-01', key: randomBytes(32) };
const NEW = { id: 'k2026-12', key: randomBytes(32) };
const ringOld = createMasterKeyRing([OLD], OLD.id);
const ringBoth = createMasterKeyRing([OLD, NEW], NEW.id);
const ringNewOnly = createMasterKeyRing([NEW], NEW.id);

// Synthetic identity: not a real person's CURP.
const BINDING: TemplateBinding = { recordId: '3f1c2a9e-0000-4000-8000-000000000001', curp: 'XEXX010101HNEXXXA4', modality: 'FINGERPRINT' };
const TEMPLATE = Buffer.from('FMR\0 20\0 synthetic minutiae bytes for the envelope tests');

function flipByte(buffer: Buffer, index = 0): Buffer {
  const copy = Buffer.from(buffer);
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
}

function integrityReason(action: () => unknown): string {
  const error = thrown(action);
  expect(error).toBeInstanceOf(TemplateIntegrityError);
  return (error as TemplateIntegrityError).details.reason;
}

describe('sealTemplate / openTemplate', () => {
  it('round-trips a template under the current master key', () => {
    const sealed = sealTemplate(TEMPLATE, BINDING, ringOld);
    expect(openTemplate(sealed, BINDING, ringOld)).toEqual(TEMPLATE);
    expect(sealed.masterKeyId).toBe('k2025-01');
    expect(sealed.version).toBe(1);
  });

  it('never stores the plaintext and uses a fresh data key and IV per record', () => {
    const a = sealTemplate(TEMPLATE, BINDING, ringOld);
    const b = sealTemplate(TEMPLATE, BINDING, ringOld);
    expect(a.ciphertext.includes(Buffer.from('synthetic minutiae'))).toBe(false);
    expect(a.iv.equals(b.iv)).toBe(false);
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
    expect(a.wrappedKey?.equals(b.wrappedKey ?? Buffer.alloc(0))).toBe(false);
  });

  it('has the documented field sizes', () => {
    const sealed = sealTemplate(TEMPLATE, BINDING, ringOld);
    expect([sealed.iv.length, sealed.authTag.length, sealed.wrapIv.length, sealed.wrapTag.length, sealed.wrappedKey?.length]).toEqual([12, 16, 12, 16, 32]);
    expect(sealed.ciphertext.length).toBe(TEMPLATE.length);
  });

  it('round-trips an empty template', () => {
    const sealed = sealTemplate(Buffer.alloc(0), BINDING, ringOld);
    expect(openTemplate(sealed, BINDING, ringOld).length).toBe(0);
  });

  it('refuses a binding with an empty field before encrypting anything', () => {
    expect(() => sealTemplate(TEMPLATE, { ...BINDING, curp: '' }, ringOld)).toThrow(TemplateBindingError);
  });
});

describe('openTemplate detects tampering', () => {
  const sealed = sealTemplate(TEMPLATE, BINDING, ringOld);
  const cases: [string, SealedTemplate, string][] = [
    ['a flipped ciphertext byte', { ...sealed, ciphertext: flipByte(sealed.ciphertext, 5) }, 'TEMPLATE_AUTHENTICATION_FAILED'],
    ['a flipped auth tag', { ...sealed, authTag: flipByte(sealed.authTag) }, 'TEMPLATE_AUTHENTICATION_FAILED'],
    ['a changed template IV', { ...sealed, iv: flipByte(sealed.iv) }, 'TEMPLATE_AUTHENTICATION_FAILED'],
    ['a flipped wrapped key', { ...sealed, wrappedKey: flipByte(sealed.wrappedKey ?? Buffer.alloc(32)) }, 'DATA_KEY_UNWRAP_FAILED'],
    ['a flipped wrap tag', { ...sealed, wrapTag: flipByte(sealed.wrapTag) }, 'DATA_KEY_UNWRAP_FAILED'],
    ['a truncated auth tag', { ...sealed, authTag: sealed.authTag.subarray(0, 4) }, 'MALFORMED_SEALED_TEMPLATE'],
    ['an unknown master key id', { ...sealed, masterKeyId: 'k1999-01' }, 'UNKNOWN_MASTER_KEY'],
    ['an unsupported seal version', { ...sealed, version: 2 as 1 }, 'UNSUPPORTED_SEAL_VERSION'],
  ];
  for (const [name, tampered, reason] of cases) {
    it(`rejects ${name} with ${reason}`, () => {
      expect(integrityReason(() => openTemplate(tampered, BINDING, ringOld))).toBe(reason);
    });
  }

  it('rejects the record opened as another record id', () => {
    expect(integrityReason(() => openTemplate(sealed, { ...BINDING, recordId: 'another-row' }, ringOld))).toBe('DATA_KEY_UNWRAP_FAILED');
  });

  it('rejects the record opened for another person or modality', () => {
    expect(integrityReason(() => openTemplate(sealed, { ...BINDING, curp: 'XEXX010101MNEXXXA8' }, ringOld))).toBe('DATA_KEY_UNWRAP_FAILED');
    expect(integrityReason(() => openTemplate(sealed, { ...BINDING, modality: 'FACE' }, ringOld))).toBe('DATA_KEY_UNWRAP_FAILED');
  });

  it('rejects a ciphertext moved onto another record even with that record\'s valid data key', () => {
    const other = { ...BINDING, recordId: 'row-2' };
    const victim = sealTemplate(Buffer.from('other template'), other, ringOld);
    const spliced = { ...victim, ciphertext: sealed.ciphertext, iv: sealed.iv, authTag: sealed.authTag };
    expect(integrityReason(() => openTemplate(spliced, other, ringOld))).toBe('TEMPLATE_AUTHENTICATION_FAILED');
  });

  it('rejects a record whose key id was relabelled to another key the ring holds', () => {
    expect(integrityReason(() => openTemplate({ ...sealed, masterKeyId: NEW.id }, BINDING, ringBoth))).toBe('DATA_KEY_UNWRAP_FAILED');
  });

  it('puts no key material or plaintext in the error message', () => {
    const error = thrown(() => openTemplate({ ...sealed, authTag: flipByte(sealed.authTag) }, BINDING, ringOld));
    const message = `${String(error)} ${JSON.stringify(error)}`;
    expect(message).toContain('TEMPLATE_AUTHENTICATION_FAILED');
    expect(message).not.toContain(OLD.key.toString('base64'));
    expect(message).not.toContain('synthetic');
  });
});

describe('rewrapDataKey', () => {
  it('keeps the plaintext and the template ciphertext, changing only the wrapping', () => {
    const sealed = sealTemplate(TEMPLATE, BINDING, ringOld);
    const rewrapped = rewrapDataKey(sealed, BINDING, ringBoth);
    expect(rewrapped.masterKeyId).toBe(NEW.id);
    expect(rewrapped.ciphertext).toBe(sealed.ciphertext);
    expect(rewrapped.iv).toBe(sealed.iv);
    expect(rewrapped.authTag).toBe(sealed.authTag);
    expect(rewrapped.wrappedKey?.equals(sealed.wrappedKey ?? Buffer.alloc(0))).toBe(false);
    expect(rewrapped.wrapIv.equals(sealed.wrapIv)).toBe(false);
    expect(openTemplate(rewrapped, BINDING, ringNewOnly)).toEqual(TEMPLATE);
  });

  it('is a no-op on a record already under the target key, so a crashed rotation can re-run', () => {
    const once = rewrapDataKey(sealTemplate(TEMPLATE, BINDING, ringOld), BINDING, ringBoth);
    const twice = rewrapDataKey(once, BINDING, ringBoth);
    expect(twice).toBe(once);
  });

  it('rewraps to an explicit older key id when asked', () => {
    const sealed = sealTemplate(TEMPLATE, BINDING, ringBoth);
    const back = rewrapDataKey(sealed, BINDING, ringBoth, OLD.id);
    expect(back.masterKeyId).toBe(OLD.id);
    expect(openTemplate(back, BINDING, ringOld)).toEqual(TEMPLATE);
  });

  it('leaves a record under the old key unreadable by a ring that no longer holds it', () => {
    const sealed = sealTemplate(TEMPLATE, BINDING, ringOld);
    expect(integrityReason(() => openTemplate(sealed, BINDING, ringNewOnly))).toBe('UNKNOWN_MASTER_KEY');
    expect(integrityReason(() => rewrapDataKey(sealed, BINDING, ringNewOnly))).toBe('UNKNOWN_MASTER_KEY');
  });

  it('refuses a target key id the ring does not hold', () => {
    const sealed = sealTemplate(TEMPLATE, BINDING, ringOld);
    expect(() => rewrapDataKey(sealed, BINDING, ringOld, 'k2030-01')).toThrow(MasterKeyNotFoundError);
  });

  it('refuses to rewrap a tampered wrapped key instead of re-authenticating it', () => {
    const sealed = sealTemplate(TEMPLATE, BINDING, ringOld);
    expect(integrityReason(() => rewrapDataKey({ ...sealed, wrapTag: flipByte(sealed.wrapTag) }, BINDING, ringBoth))).toBe('DATA_KEY_UNWRAP_FAILED');
  });

  it('refuses to rewrap for another record identity', () => {
    const sealed = sealTemplate(TEMPLATE, BINDING, ringOld);
    expect(integrityReason(() => rewrapDataKey(sealed, { ...BINDING, recordId: 'row-9' }, ringBoth))).toBe('DATA_KEY_UNWRAP_FAILED');
  });
});

describe('crypto-shredding', () => {
  it('makes a shredded record unreadable with a distinct error', () => {
    const shredded = shredTemplate(sealTemplate(TEMPLATE, BINDING, ringOld));
    expect(shredded.wrappedKey).toBeNull();
    expect(() => openTemplate(shredded, BINDING, ringOld)).toThrow(TemplateShreddedError);
  });

  it('cannot be undone by rewrapping', () => {
    const shredded = shredTemplate(sealTemplate(TEMPLATE, BINDING, ringOld));
    expect(() => rewrapDataKey(shredded, BINDING, ringBoth)).toThrow(TemplateShreddedError);
  });

  it('gives the shredded error a stable code', () => {
    const error = new TemplateShreddedError();
    expect(error.code).toBe('TEMPLATE_SHREDDED');
  });
});

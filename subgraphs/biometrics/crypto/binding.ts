/**
 * The identity a sealed template is bound to, and its canonical byte encoding used as GCM
 * additional authenticated data (AAD). Binding the ciphertext to (record id, CURP, modality)
 * means a row copied onto another person, or a face template relabelled as a fingerprint, fails
 * authentication instead of decrypting.
 *
 * Encoding: a domain label, then each field as a 4-byte big-endian byte length followed by its
 * UTF-8 bytes. Length prefixes make the encoding injective (no "a|b" vs "a" + "|b" ambiguity), and
 * the two different labels keep template AAD and data-key AAD from ever being interchangeable.
 */
import { TemplateBindingError } from './errors.ts';

/** The record a template belongs to. Values are used byte for byte: pass them exactly as stored. */
export interface TemplateBinding {
  /** Primary key of the template row (e.g. its UUID). */
  readonly recordId: string;
  readonly curp: string;
  /** Stored modality value, e.g. 'FINGERPRINT' or 'FACE'. */
  readonly modality: string;
}

const TEMPLATE_LABEL = 'imss.biometrics.template.v1';
const DATA_KEY_LABEL = 'imss.biometrics.data-key.v1';

// A lone surrogate would be replaced by U+FFFD in UTF-8, so two different strings could share an encoding.
const LONE_SURROGATE = /\p{Cs}/u;

/** AAD for the template ciphertext. */
export function templateAad(binding: TemplateBinding): Buffer {
  return encodeFields([TEMPLATE_LABEL, ...bindingFields(binding)]);
}

/** AAD for the wrapped data key: the same record plus the id of the master key that wraps it. */
export function dataKeyAad(binding: TemplateBinding, masterKeyId: string): Buffer {
  return encodeFields([DATA_KEY_LABEL, ...bindingFields(binding), checked('masterKeyId', masterKeyId)]);
}

function bindingFields(binding: TemplateBinding): string[] {
  return [checked('recordId', binding.recordId), checked('curp', binding.curp), checked('modality', binding.modality)];
}

function checked(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || LONE_SURROGATE.test(value)) throw new TemplateBindingError({ field });
  return value;
}

function encodeFields(fields: readonly string[]): Buffer {
  const parts: Buffer[] = [];
  for (const field of fields) {
    const bytes = Buffer.from(field, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    parts.push(length, bytes);
  }
  return Buffer.concat(parts);
}

/**
 * Which stored format each biometric modality uses, and how to recognise one from its bytes.
 */

/** The modalities stored by the biometrics subgraph (templates.modality). */
export type BiometricModality = 'FINGERPRINT' | 'FACE';

/** ISO/IEC 19794-2:2005 finger minutiae record, or a float32 face embedding (face.ts). */
export type TemplateFormat = 'ISO_19794_2_2005' | 'FACE_EMBEDDING_F32_V1';

export const TEMPLATE_FORMAT_OF: Readonly<Record<BiometricModality, TemplateFormat>> = {
  FINGERPRINT: 'ISO_19794_2_2005',
  FACE: 'FACE_EMBEDDING_F32_V1',
};

const SIGNATURES: readonly [TemplateFormat, Buffer][] = [
  ['ISO_19794_2_2005', Buffer.from('FMR\0 20\0', 'latin1')],
  ['FACE_EMBEDDING_F32_V1', Buffer.from('FEMB\x01', 'latin1')],
];

/** The format whose signature the bytes start with, or null; a match says nothing about validity. */
export function detectTemplateFormat(bytes: Uint8Array): TemplateFormat | null {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const [format, signature] of SIGNATURES) {
    if (data.length >= signature.length && data.subarray(0, signature.length).equals(signature)) return format;
  }
  return null;
}

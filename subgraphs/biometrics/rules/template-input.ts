/**
 * Templates and probes as they arrive (base64 in a mutation's input): decoded strictly, bounded in
 * size, and checked against the modality's format before anything is sealed or compared, so a
 * malformed record is refused with the format's own reason instead of failing later.
 */
import { decodeFaceTemplate, FaceTemplateError } from '../matching/face.ts';
import { parseFingerMinutiaeRecord } from '../matching/iso19794-2.ts';
import { IsoRecordError } from '../matching/iso19794-2-types.ts';
import { TEMPLATE_FORMAT_OF, type BiometricModality, type TemplateFormat } from '../matching/template-format.ts';
import { BiometricRuleError } from './errors.ts';
import { fingerPositionOfIsoCode, isoFingerCode, type FingerPosition } from './finger-positions.ts';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export interface TemplateLimits {
  maxTemplateBytes: number;
  faceDimension: number;
}

/** Standard padded base64 → bytes, refusing anything else and anything above the size limit. */
export function decodeBase64Template(text: string, what: 'template' | 'probe', maxBytes: number): Buffer {
  const compact = text.replace(/\s+/g, '');
  if (compact === '' || !BASE64.test(compact)) {
    throw new BiometricRuleError('BIOMETRIC_TEMPLATE_ENCODING', `The ${what} must be standard padded base64`, { field: what });
  }
  const decodedLength = (compact.length / 4) * 3 - (compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0);
  if (decodedLength > maxBytes) {
    throw new BiometricRuleError('BIOMETRIC_TEMPLATE_TOO_LARGE', `The ${what} exceeds ${maxBytes} bytes`, { field: what, limit: maxBytes });
  }
  return Buffer.from(compact, 'base64');
}

/**
 * A capture's template: well-formed for its modality and, for a fingerprint, a record of exactly
 * the declared finger (every view at that ISO position; an unknown position 0 is not enrolled).
 */
export function checkCaptureTemplate(bytes: Buffer, modality: BiometricModality, fingerPosition: FingerPosition | null, limits: TemplateLimits): TemplateFormat {
  if (modality === 'FACE') {
    if (fingerPosition !== null) throw new BiometricRuleError('BIOMETRIC_FINGER_POSITION_UNEXPECTED', 'A face capture has no finger position');
    faceEmbedding(bytes, 'template', limits.faceDimension);
    return TEMPLATE_FORMAT_OF.FACE;
  }
  if (fingerPosition === null) throw new BiometricRuleError('BIOMETRIC_FINGER_POSITION_REQUIRED', 'A fingerprint capture needs its finger position');
  const record = isoRecord(bytes, 'template');
  const expected = isoFingerCode(fingerPosition);
  const other = record.views.find((view) => view.fingerPosition !== expected);
  if (other) {
    throw new BiometricRuleError(
      'BIOMETRIC_FINGER_POSITION_MISMATCH',
      `The record holds finger position ${other.fingerPosition}, but the capture is for ${fingerPosition} (ISO ${expected})`,
      { expected: fingerPosition, found: other.fingerPosition },
    );
  }
  return TEMPLATE_FORMAT_OF.FINGERPRINT;
}

/**
 * A probe: well-formed for its modality. For a fingerprint, the fingers it can be compared with:
 * the positions of its views, or null (every enrolled finger) when a view's position is unknown.
 */
export function checkProbe(bytes: Buffer, modality: BiometricModality, limits: TemplateLimits): { fingers: FingerPosition[] | null } {
  if (modality === 'FACE') {
    faceEmbedding(bytes, 'probe', limits.faceDimension);
    return { fingers: [] };
  }
  const positions = isoRecord(bytes, 'probe').views.map((view) => fingerPositionOfIsoCode(view.fingerPosition));
  if (positions.includes(null)) return { fingers: null };
  return { fingers: [...new Set(positions.filter((p): p is FingerPosition => p !== null))] };
}

function isoRecord(bytes: Buffer, what: 'template' | 'probe') {
  try {
    return parseFingerMinutiaeRecord(bytes);
  } catch (error) {
    if (error instanceof IsoRecordError) {
      throw new BiometricRuleError('BIOMETRIC_TEMPLATE_INVALID', `The ${what} is not a valid ISO/IEC 19794-2:2005 finger minutiae record: ${error.message}`, { field: what, reason: error.code, ...error.details });
    }
    throw error;
  }
}

function faceEmbedding(bytes: Buffer, what: 'template' | 'probe', dimension: number): void {
  try {
    const vector = decodeFaceTemplate(bytes, { dimension });
    vector.fill(0);
  } catch (error) {
    if (error instanceof FaceTemplateError) {
      throw new BiometricRuleError('BIOMETRIC_TEMPLATE_INVALID', `The ${what} is not a valid face embedding record: ${error.message}`, { field: what, reason: error.code, ...error.details });
    }
    throw error;
  }
}

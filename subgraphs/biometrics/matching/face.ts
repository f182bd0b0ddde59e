/**
 * Face templates: embedding vectors produced by a face-recognition model, compared by cosine
 * similarity. Stored form (format FACE_EMBEDDING_F32_V1), big-endian like ISO/IEC 19794 records:
 *   magic "FEMB" 4 | version 1 | reserved 0 1 | dimension 2 | dimension × IEEE-754 float32
 * The dimension depends on the model (e.g. 128 or 512), so callers state the one they expect.
 */

export const FACE_TEMPLATE_VERSION = 1;
/** Upper bound on the dimension, far above common models, so a corrupt header cannot demand huge buffers. */
export const MAX_FACE_DIMENSION = 4096;
const MAGIC = Buffer.from('FEMB', 'latin1');
const HEADER_BYTES = 8;

export type FaceTemplateErrorCode =
  | 'FACE_TEMPLATE_TRUNCATED'
  | 'FACE_TEMPLATE_MAGIC_INVALID'
  | 'FACE_TEMPLATE_VERSION_UNSUPPORTED'
  | 'FACE_TEMPLATE_RESERVED_NOT_ZERO'
  | 'FACE_TEMPLATE_LENGTH_MISMATCH'
  | 'FACE_DIMENSION_INVALID'
  | 'FACE_DIMENSION_MISMATCH'
  | 'FACE_EMBEDDING_NOT_FINITE'
  | 'FACE_EMBEDDING_ZERO';

export class FaceTemplateError extends Error {
  constructor(
    readonly code: FaceTemplateErrorCode,
    message: string,
    readonly details: { position?: number; value?: number; expected?: number } = {},
  ) {
    super(message);
    this.name = 'FaceTemplateError';
  }
}

export interface FaceTemplateOptions {
  /** The dimension the configured model produces; templates of any other dimension are refused. */
  readonly dimension?: number;
}

/** Encodes an embedding (values are stored as float32) after validating it. */
export function encodeFaceTemplate(embedding: ArrayLike<number>, options: FaceTemplateOptions = {}): Buffer {
  const vector = Float32Array.from(embedding);
  validateEmbedding(vector, options);
  const out = Buffer.alloc(HEADER_BYTES + 4 * vector.length);
  MAGIC.copy(out, 0);
  out.writeUInt8(FACE_TEMPLATE_VERSION, 4);
  out.writeUInt16BE(vector.length, 6);
  vector.forEach((value, index) => out.writeFloatBE(value, HEADER_BYTES + 4 * index));
  return out;
}

/** Decodes and validates a stored face template. */
export function decodeFaceTemplate(bytes: Uint8Array, options: FaceTemplateOptions = {}): Float32Array {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (data.length < HEADER_BYTES) fail('FACE_TEMPLATE_TRUNCATED', `a face template needs at least ${HEADER_BYTES} header bytes, got ${data.length}`);
  if (!data.subarray(0, 4).equals(MAGIC)) fail('FACE_TEMPLATE_MAGIC_INVALID', 'face template does not start with "FEMB"');
  const version = data.readUInt8(4);
  if (version !== FACE_TEMPLATE_VERSION) fail('FACE_TEMPLATE_VERSION_UNSUPPORTED', `face template version ${version} is not supported (expected ${FACE_TEMPLATE_VERSION})`, { value: version });
  if (data[5] !== 0) fail('FACE_TEMPLATE_RESERVED_NOT_ZERO', 'face template reserved byte must be 0');
  const dimension = data.readUInt16BE(6);
  checkDimension(dimension, options);
  const expectedLength = HEADER_BYTES + 4 * dimension;
  if (data.length !== expectedLength) fail('FACE_TEMPLATE_LENGTH_MISMATCH', `a ${dimension}-dimension face template is ${expectedLength} bytes, got ${data.length}`, { value: data.length, expected: expectedLength });
  const vector = new Float32Array(dimension);
  for (let index = 0; index < dimension; index += 1) vector[index] = data.readFloatBE(HEADER_BYTES + 4 * index);
  validateEmbedding(vector, options);
  return vector;
}

/** Throws FaceTemplateError unless the embedding has an allowed dimension, finite values and a non-zero norm. */
export function validateEmbedding(vector: ArrayLike<number>, options: FaceTemplateOptions = {}): void {
  checkDimension(vector.length, options);
  let norm = 0;
  for (let index = 0; index < vector.length; index += 1) {
    const value = vector[index]!;
    if (!Number.isFinite(value)) fail('FACE_EMBEDDING_NOT_FINITE', `embedding value ${index + 1} is ${value}`, { position: index + 1 });
    norm += value * value;
  }
  if (norm === 0) fail('FACE_EMBEDDING_ZERO', 'the embedding is the zero vector, which has no direction to compare');
}

/** Cosine similarity in [−1, 1] of two validated embeddings of the same dimension (computed in float64). */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  validateEmbedding(a);
  validateEmbedding(b);
  if (a.length !== b.length) fail('FACE_DIMENSION_MISMATCH', `cannot compare a ${a.length}-dimension embedding with a ${b.length}-dimension one`, { value: b.length, expected: a.length });
  let dot = 0, na = 0, nb = 0;
  for (let index = 0; index < a.length; index += 1) {
    const x = a[index]!;
    const y = b[index]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb)));
}

function checkDimension(dimension: number, options: FaceTemplateOptions): void {
  if (!Number.isInteger(dimension) || dimension < 1 || dimension > MAX_FACE_DIMENSION) {
    fail('FACE_DIMENSION_INVALID', `embedding dimension ${dimension} is outside 1–${MAX_FACE_DIMENSION}`, { value: dimension });
  }
  if (options.dimension !== undefined && dimension !== options.dimension) {
    fail('FACE_DIMENSION_MISMATCH', `embedding dimension ${dimension} differs from the configured ${options.dimension}`, { value: dimension, expected: options.dimension });
  }
}

function fail(code: FaceTemplateErrorCode, message: string, details: FaceTemplateError['details'] = {}): never {
  throw new FaceTemplateError(code, `Face template: ${message}`, details);
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosineSimilarity, decodeFaceTemplate, encodeFaceTemplate, FaceTemplateError, validateEmbedding } from '../../../subgraphs/biometrics/matching/face.ts';
import { thrown } from './support.ts';

function codeOf(action: () => unknown): string | undefined {
  const error = thrown(action);
  expect(error).toBeInstanceOf(FaceTemplateError);
  return error.code;
}

const VECTOR = Float32Array.from({ length: 128 }, (_, i) => Math.sin(i + 1));

describe('face template bytes', () => {
  it('round-trips a float32 embedding exactly', () => {
    expect(decodeFaceTemplate(encodeFaceTemplate(VECTOR))).toEqual(VECTOR);
  });

  it('writes magic, version, reserved byte and dimension, then big-endian floats', () => {
    const bytes = encodeFaceTemplate([1, -2]);
    expect([...bytes]).toEqual([0x46, 0x45, 0x4d, 0x42, 1, 0, 0, 2, 0x3f, 0x80, 0, 0, 0xc0, 0, 0, 0]);
  });

  it('accepts a template of the configured dimension and refuses another', () => {
    const bytes = encodeFaceTemplate(VECTOR);
    expect(decodeFaceTemplate(bytes, { dimension: 128 })).toHaveLength(128);
    expect(codeOf(() => decodeFaceTemplate(bytes, { dimension: 512 }))).toBe('FACE_DIMENSION_MISMATCH');
  });

  it('round-trips any finite non-zero embedding, property-based', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 600 }).filter((xs) => xs.some((x) => x !== 0)), (values) => {
        expect(Array.from(decodeFaceTemplate(encodeFaceTemplate(values)))).toEqual(Array.from(Float32Array.from(values)));
      }),
    );
  });

  const bytes = encodeFaceTemplate(VECTOR);
  const cases: [string, () => unknown, string][] = [
    ['a header cut short', () => decodeFaceTemplate(bytes.subarray(0, 7)), 'FACE_TEMPLATE_TRUNCATED'],
    ['a wrong magic (an ISO record)', () => decodeFaceTemplate(Buffer.concat([Buffer.from('FMR\0'), bytes.subarray(4)])), 'FACE_TEMPLATE_MAGIC_INVALID'],
    ['version 2', () => decodeFaceTemplate(Buffer.concat([bytes.subarray(0, 4), Buffer.from([2]), bytes.subarray(5)])), 'FACE_TEMPLATE_VERSION_UNSUPPORTED'],
    ['a set reserved byte', () => decodeFaceTemplate(Buffer.concat([bytes.subarray(0, 5), Buffer.from([1]), bytes.subarray(6)])), 'FACE_TEMPLATE_RESERVED_NOT_ZERO'],
    ['a missing last float', () => decodeFaceTemplate(bytes.subarray(0, bytes.length - 4)), 'FACE_TEMPLATE_LENGTH_MISMATCH'],
    ['an extra byte', () => decodeFaceTemplate(Buffer.concat([bytes, Buffer.from([0])])), 'FACE_TEMPLATE_LENGTH_MISMATCH'],
    ['dimension 0', () => decodeFaceTemplate(Buffer.from([0x46, 0x45, 0x4d, 0x42, 1, 0, 0, 0])), 'FACE_DIMENSION_INVALID'],
    ['a dimension above the maximum', () => encodeFaceTemplate(new Float32Array(4097).fill(1)), 'FACE_DIMENSION_INVALID'],
    ['a NaN value', () => encodeFaceTemplate([1, Number.NaN, 3]), 'FACE_EMBEDDING_NOT_FINITE'],
    ['an infinite value', () => encodeFaceTemplate([1, Number.POSITIVE_INFINITY]), 'FACE_EMBEDDING_NOT_FINITE'],
    ['a value beyond float32 range, which would become infinite', () => encodeFaceTemplate([1, 1e39]), 'FACE_EMBEDDING_NOT_FINITE'],
    ['the zero vector', () => encodeFaceTemplate(new Float32Array(128)), 'FACE_EMBEDDING_ZERO'],
    ['a stored NaN', () => { const b = Buffer.from(bytes); b.writeFloatBE(Number.NaN, 8 + 4 * 3); return decodeFaceTemplate(b); }, 'FACE_EMBEDDING_NOT_FINITE'],
  ];
  for (const [name, action, code] of cases) {
    it(`rejects ${name} with ${code}`, () => {
      expect(codeOf(action)).toBe(code);
    });
  }

  it('names the 1-based position of a NaN', () => {
    expect(thrown(() => validateEmbedding([0, 1, Number.NaN])).details).toMatchObject({ position: 3 });
  });
});

describe('cosineSimilarity', () => {
  it('is 1 for identical, −1 for opposite and 0 for orthogonal vectors', () => {
    expect(cosineSimilarity([1, 2, 3], [1, 2, 3])).toBeCloseTo(1, 12);
    expect(cosineSimilarity([1, 2, 3], [-1, -2, -3])).toBeCloseTo(-1, 12);
    expect(cosineSimilarity([1, 0], [0, 5])).toBe(0);
  });

  it('is about 0.6 for vectors 53.13° apart', () => {
    expect(cosineSimilarity([1, 0], [3, 4])).toBeCloseTo(0.6, 12);
  });

  it('ignores the length of either vector', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 2, maxLength: 20 }).filter((v) => v.some((x) => Math.abs(x) > 1e-3)), fc.double({ min: 0.01, max: 100, noNaN: true }), (v, k) => {
        expect(cosineSimilarity(v, v.map((x) => x * k))).toBeCloseTo(1, 9);
      }),
    );
  });

  it('is symmetric', () => {
    const a = [0.3, -1.2, 4], b = [2, 0.5, -1];
    expect(cosineSimilarity(a, b)).toBe(cosineSimilarity(b, a));
  });

  it('refuses vectors of different dimension', () => {
    expect(codeOf(() => cosineSimilarity([1, 2], [1, 2, 3]))).toBe('FACE_DIMENSION_MISMATCH');
  });

  it('refuses a zero vector', () => {
    expect(codeOf(() => cosineSimilarity([0, 0], [1, 2]))).toBe('FACE_EMBEDDING_ZERO');
  });
});

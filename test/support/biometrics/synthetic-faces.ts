/**
 * Synthetic face embeddings (no real faces): an identity is a random unit vector; a capture of it
 * is that vector plus isotropic Gaussian noise, renormalised. `noise` is the noise vector's
 * expected norm relative to the unit identity (per-component σ = noise / √dimension), so the
 * genuine similarity is about the same at any dimension: two captures with noise r1, r2 have a
 * cosine near 1 / √((1 + r1²)(1 + r2²)). Different identities are independent random directions,
 * whose cosine concentrates around 0 with spread 1 / √dimension.
 */
import type { Random } from './random.ts';

export interface FaceCaptureOptions {
  /** Relative noise drawn uniformly from [noiseMin, noiseMax] per capture. */
  readonly noiseMin: number;
  readonly noiseMax: number;
}

export const DEFAULT_FACE_CAPTURE_OPTIONS: FaceCaptureOptions = { noiseMin: 0.55, noiseMax: 0.95 };

/** A random unit vector: the "true" embedding of a synthetic person. */
export function syntheticIdentity(random: Random, dimension: number): Float32Array {
  return normalized(Array.from({ length: dimension }, () => random.normal(0, 1)));
}

/** One capture of `identity`. */
export function syntheticFaceCapture(identity: Float32Array, random: Random, options: Partial<FaceCaptureOptions> = {}): Float32Array {
  const o = { ...DEFAULT_FACE_CAPTURE_OPTIONS, ...options };
  const sigma = random.between(o.noiseMin, o.noiseMax) / Math.sqrt(identity.length);
  return normalized(Array.from(identity, (value) => value + random.normal(0, sigma)));
}

function normalized(values: number[]): Float32Array {
  const norm = Math.sqrt(values.reduce((sum, v) => sum + v * v, 0));
  return Float32Array.from(values, (v) => v / norm);
}

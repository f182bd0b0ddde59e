/**
 * Synthetic fingers and impressions for matcher tests (no real person's data). A finger is a set
 * of minutiae inside an elliptical fingertip on a 500 ppi image, directed along a smooth loop-shaped
 * ridge-flow field (so neighbouring minutiae run roughly parallel, as on real fingers, which makes
 * impostor pairs harder than uniformly random angles would). An impression is what a sensor reports
 * for one placement: a rigid move, extraction noise, lost and spurious minutiae, and the image edge.
 */
import type { Minutia, MinutiaType } from '../../../subgraphs/biometrics/matching/minutia.ts';
import { normalizeDegrees } from '../../../subgraphs/biometrics/matching/minutia.ts';
import type { Random } from './random.ts';

export interface FingerOptions {
  readonly width: number;
  readonly height: number;
  readonly minMinutiae: number;
  readonly maxMinutiae: number;
  /** Minimum distance between two minutiae, pixels. */
  readonly minSpacing: number;
}

export const DEFAULT_FINGER_OPTIONS: FingerOptions = { width: 400, height: 500, minMinutiae: 30, maxMinutiae: 50, minSpacing: 20 };

export interface SyntheticFinger {
  readonly width: number;
  readonly height: number;
  readonly minutiae: readonly Minutia[];
  /** Ridge direction (degrees, modulo 180) at a point of this finger. */
  readonly flow: (x: number, y: number) => number;
}

export interface ImpressionOptions {
  /** Rotation drawn uniformly from ±maxRotation degrees, about the image centre. */
  readonly maxRotation: number;
  /** Translation drawn uniformly from ±maxTranslation pixels on each axis. */
  readonly maxTranslation: number;
  readonly positionSigma: number;
  readonly angleSigma: number;
  /** Fraction of the finger's minutiae lost, drawn uniformly from [dropMin, dropMax]. */
  readonly dropMin: number;
  readonly dropMax: number;
  /** Spurious minutiae added, uniformly from [spuriousMin, spuriousMax]. */
  readonly spuriousMin: number;
  readonly spuriousMax: number;
  /** Probability a ridge ending is reported as a bifurcation or the reverse. */
  readonly typeFlipRate: number;
}

export const DEFAULT_IMPRESSION_OPTIONS: ImpressionOptions = {
  maxRotation: 20, maxTranslation: 30, positionSigma: 3, angleSigma: 5, dropMin: 0.1, dropMax: 0.2, spuriousMin: 0, spuriousMax: 4, typeFlipRate: 0.05,
};

export interface SyntheticImpression {
  readonly minutiae: Minutia[];
  /** For each reported minutia, the index of the finger minutia it comes from (null: spurious). */
  readonly source: (number | null)[];
  /** The rigid move applied, degrees and pixels, about the image centre. */
  readonly rotation: number;
  readonly dx: number;
  readonly dy: number;
}

const RADIANS = Math.PI / 180;

/** A new synthetic finger. */
export function syntheticFinger(random: Random, options: Partial<FingerOptions> = {}): SyntheticFinger {
  const o = { ...DEFAULT_FINGER_OPTIONS, ...options };
  const flow = flowField(random, o.width, o.height);
  const target = random.int(o.minMinutiae, o.maxMinutiae);
  const minutiae: Minutia[] = [];
  for (let attempt = 0; attempt < 20_000 && minutiae.length < target; attempt += 1) {
    const point = pointInFingertip(random, o.width, o.height);
    if (minutiae.some((m) => Math.hypot(m.x - point.x, m.y - point.y) < o.minSpacing)) continue;
    minutiae.push(minutiaAt(random, flow, point));
  }
  return { width: o.width, height: o.height, minutiae, flow };
}

/** One impression of `finger`. */
export function syntheticImpression(finger: SyntheticFinger, random: Random, options: Partial<ImpressionOptions> = {}): SyntheticImpression {
  const o = { ...DEFAULT_IMPRESSION_OPTIONS, ...options };
  const rotation = random.between(-o.maxRotation, o.maxRotation);
  const dx = random.between(-o.maxTranslation, o.maxTranslation);
  const dy = random.between(-o.maxTranslation, o.maxTranslation);
  const n = finger.minutiae.length;
  const dropped = new Set(shuffled(random, [...Array(n).keys()]).slice(0, Math.round(random.between(o.dropMin, o.dropMax) * n)));
  const kept: { m: Minutia; source: number | null }[] = [];
  finger.minutiae.forEach((m, index) => {
    if (!dropped.has(index)) kept.push({ m: flipType(random, m, o.typeFlipRate), source: index });
  });
  const spurious = random.int(o.spuriousMin, o.spuriousMax);
  for (let k = 0; k < spurious; k += 1) kept.push({ m: minutiaAt(random, finger.flow, pointInFingertip(random, finger.width, finger.height)), source: null });

  const cx = finger.width / 2;
  const cy = finger.height / 2;
  const cos = Math.cos(rotation * RADIANS);
  const sin = Math.sin(rotation * RADIANS);
  const seen: { m: Minutia; source: number | null }[] = [];
  for (const { m, source } of kept) {
    const x = cx + cos * (m.x - cx) - sin * (m.y - cy) + dx + random.normal(0, o.positionSigma);
    const y = cy + sin * (m.x - cx) + cos * (m.y - cy) + dy + random.normal(0, o.positionSigma);
    if (x < 0 || y < 0 || x >= finger.width || y >= finger.height) continue;
    seen.push({ m: { x, y, angle: normalizeDegrees(m.angle + rotation + random.normal(0, o.angleSigma)), type: m.type }, source });
  }
  // Extractors report minutiae in no meaningful order; keeping the finger's order would leak the answer.
  const order = shuffled(random, seen);
  return { minutiae: order.map((s) => s.m), source: order.map((s) => s.source), rotation, dx, dy };
}

/** Loop pattern: ridges curve around a core placed near the middle, with a gentle wave. */
function flowField(random: Random, width: number, height: number): (x: number, y: number) => number {
  const cx = random.between(0.35, 0.65) * width;
  const cy = random.between(0.3, 0.6) * height;
  const base = random.between(0, 180);
  const wave = random.between(5, 20);
  const period = random.between(150, 300);
  return (x, y) => normalizeDegrees(base + (Math.atan2(y - cy, x - cx) / RADIANS) / 2 + wave * Math.sin((2 * Math.PI * x) / period)) % 180;
}

function pointInFingertip(random: Random, width: number, height: number): { x: number; y: number } {
  const rx = width / 2 - 10;
  const ry = height / 2 - 10;
  for (;;) {
    const u = random.between(-1, 1);
    const v = random.between(-1, 1);
    if (u * u + v * v <= 1) return { x: width / 2 + u * rx, y: height / 2 + v * ry };
  }
}

function minutiaAt(random: Random, flow: (x: number, y: number) => number, point: { x: number; y: number }): Minutia {
  const roll = random.next();
  const type: MinutiaType = roll < 0.5 ? 'RIDGE_ENDING' : roll < 0.95 ? 'BIFURCATION' : 'OTHER';
  const along = flow(point.x, point.y) + (random.chance(0.5) ? 180 : 0);
  return { x: point.x, y: point.y, angle: normalizeDegrees(along + random.normal(0, 8)), type };
}

function flipType(random: Random, m: Minutia, rate: number): Minutia {
  if (m.type === 'OTHER' || !random.chance(rate)) return m;
  return { ...m, type: m.type === 'RIDGE_ENDING' ? 'BIFURCATION' : 'RIDGE_ENDING' };
}

function shuffled<T>(random: Random, items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

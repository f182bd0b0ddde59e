import { describe, expect, it } from 'vitest';
import type { Minutia } from '../../../subgraphs/biometrics/matching/minutia.ts';
import { compareMinutiae, matchResult, minutiaeScore } from '../../../subgraphs/biometrics/matching/minutiae-matcher.ts';
import { createRandom } from '../../support/biometrics/random.ts';
import { syntheticFinger, syntheticImpression } from '../../support/biometrics/synthetic-fingers.ts';

const RADIANS = Math.PI / 180;

/** Rotates about (cx, cy) then translates: the ground truth the matcher has to recover. */
function moved(minutiae: readonly Minutia[], rotation: number, dx: number, dy: number, cx = 200, cy = 250): Minutia[] {
  const cos = Math.cos(rotation * RADIANS);
  const sin = Math.sin(rotation * RADIANS);
  return minutiae.map((m) => ({
    ...m,
    x: cx + cos * (m.x - cx) - sin * (m.y - cy) + dx,
    y: cy + sin * (m.x - cx) + cos * (m.y - cy) + dy,
    angle: (((m.angle + rotation) % 360) + 360) % 360,
  }));
}

const finger = syntheticFinger(createRandom(11)).minutiae;

describe('compareMinutiae', () => {
  it('scores a set against itself 100 with every minutia paired to itself', () => {
    const result = compareMinutiae(finger, finger);
    expect(result.score).toBe(100);
    expect(result.pairs.every(([i, j]) => i === j)).toBe(true);
    expect(result.pairs).toHaveLength(finger.length);
  });

  it('recovers a rotation of 30° and a translation exactly', () => {
    const result = compareMinutiae(finger, moved(finger, 30, 25, -40));
    expect(result.score).toBe(100);
    // Rotating about (200, 250) then shifting equals rotating about the origin and shifting by this:
    const cos = Math.cos(30 * RADIANS), sin = Math.sin(30 * RADIANS);
    expect(result.transform.rotation).toBeCloseTo(30, 6);
    expect(result.transform.dx).toBeCloseTo(200 - (cos * 200 - sin * 250) + 25, 6);
    expect(result.transform.dy).toBeCloseTo(250 - (sin * 200 + cos * 250) - 40, 6);
  });

  for (const rotation of [-45, 45]) {
    it(`matches a noisy impression rotated by ${rotation}°`, () => {
      const random = createRandom(rotation + 1000);
      const impression = syntheticImpression({ ...syntheticFinger(random), minutiae: finger }, random, { maxRotation: 0, maxTranslation: 0 });
      const result = compareMinutiae(moved(impression.minutiae, rotation, 0, 0), finger);
      expect(result.score).toBeGreaterThan(40);
      expect(result.transform.rotation).toBeCloseTo(-rotation, -1);
    });
  }

  it('refuses an alignment rotated beyond maxRotation', () => {
    expect(minutiaeScore(finger, moved(finger, 60, 0, 0))).toBe(0);
    expect(minutiaeScore(finger, moved(finger, 60, 0, 0), { maxRotation: 70 })).toBe(100);
  });

  it('pairs the true correspondences of a noisy impression with lost and spurious minutiae', () => {
    const random = createRandom(5);
    const source = syntheticFinger(random);
    const a = syntheticImpression(source, random);
    const b = syntheticImpression(source, random);
    const result = compareMinutiae(a.minutiae, b.minutiae);
    const correct = result.pairs.filter(([i, j]) => a.source[i] !== null && a.source[i] === b.source[j]).length;
    const common = a.source.filter((s) => s !== null && b.source.includes(s)).length;
    expect(correct / result.pairs.length).toBeGreaterThan(0.95);
    expect(correct / common).toBeGreaterThan(0.85);
  });

  it('scores 100·n²/(|P|·|G|) when minutiae are missing on one side and spurious on the other', () => {
    const probe = finger.slice(0, 30);
    const spurious: Minutia[] = [{ x: 5, y: 5, angle: 0, type: 'OTHER' }, { x: 395, y: 5, angle: 90, type: 'OTHER' }];
    const gallery = [...finger.slice(5), ...spurious];
    const n = 25;
    expect(compareMinutiae(probe, gallery).pairs).toHaveLength(n);
    expect(minutiaeScore(probe, gallery)).toBeCloseTo((100 * n * n) / (probe.length * gallery.length), 10);
  });

  it('pairs minutiae within the distance tolerance and not beyond it', () => {
    const shifted = finger.map((m, i) => (i === 0 ? { ...m, x: m.x + 14 } : m));
    const far = finger.map((m, i) => (i === 0 ? { ...m, x: m.x + 40 } : m));
    expect(compareMinutiae(finger, shifted).pairs).toHaveLength(finger.length);
    expect(compareMinutiae(finger, far).pairs).toHaveLength(finger.length - 1);
    expect(compareMinutiae(finger, far, { distanceTolerance: 45 }).pairs).toHaveLength(finger.length);
  });

  it('does not pair minutiae whose directions differ by more than the angle tolerance', () => {
    const turned = finger.map((m, i) => (i === 0 ? { ...m, angle: (m.angle + 35) % 360 } : m));
    expect(compareMinutiae(finger, turned).pairs).toHaveLength(finger.length - 1);
    expect(compareMinutiae(finger, turned, { angleTolerance: 40 }).pairs).toHaveLength(finger.length);
  });

  it('pairs a ridge ending reported as a bifurcation', () => {
    const flipped = finger.map((m, i) => (i < 3 ? { ...m, type: m.type === 'BIFURCATION' ? 'RIDGE_ENDING' as const : 'BIFURCATION' as const } : m));
    expect(minutiaeScore(finger, flipped)).toBe(100);
  });

  it('scores 0 when either set is empty', () => {
    expect(minutiaeScore([], finger)).toBe(0);
    expect(minutiaeScore(finger, [])).toBe(0);
  });

  it('scores 0 below minPairs, because a handful of points always aligns somehow', () => {
    const few = finger.slice(0, 5);
    expect(minutiaeScore(few, few)).toBe(0);
    expect(minutiaeScore(few, few, { minPairs: 3 })).toBe(100);
  });

  it('gives low scores to different fingers', () => {
    const other = syntheticFinger(createRandom(12)).minutiae;
    expect(minutiaeScore(finger, other)).toBeLessThan(10);
  });

  it('is deterministic', () => {
    const random = createRandom(8);
    const source = syntheticFinger(random);
    const a = syntheticImpression(source, random).minutiae;
    const b = syntheticImpression(source, random).minutiae;
    expect(compareMinutiae(a, b)).toEqual(compareMinutiae(a, b));
  });
});

describe('matchResult', () => {
  it('matches at the threshold and not just below it', () => {
    expect(matchResult(15, 15)).toEqual({ score: 15, threshold: 15, matched: true });
    expect(matchResult(14.999, 15).matched).toBe(false);
  });
});

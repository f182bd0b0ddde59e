import { describe, expect, it } from 'vitest';
import { createRandom } from '../../support/biometrics/random.ts';
import { syntheticFaceCapture, syntheticIdentity } from '../../support/biometrics/synthetic-faces.ts';
import { syntheticFinger, syntheticImpression } from '../../support/biometrics/synthetic-fingers.ts';

describe('createRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = createRandom(42), b = createRandom(42), c = createRandom(43);
    const take = (r: ReturnType<typeof createRandom>) => Array.from({ length: 5 }, () => r.next());
    const first = take(a);
    expect(take(b)).toEqual(first);
    expect(take(c)).not.toEqual(first);
  });

  it('draws integers within both bounds', () => {
    const r = createRandom(1);
    const draws = Array.from({ length: 2000 }, () => r.int(3, 5));
    expect(new Set(draws)).toEqual(new Set([3, 4, 5]));
  });

  it('draws normals with about the requested mean and spread', () => {
    const r = createRandom(2);
    const xs = Array.from({ length: 20_000 }, () => r.normal(10, 3));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeGreaterThan(2.9);
    expect(sd).toBeLessThan(3.1);
  });
});

describe('syntheticFinger', () => {
  const fingers = Array.from({ length: 50 }, (_, k) => syntheticFinger(createRandom(100 + k)));

  it('has 30 to 50 minutiae inside the 400×500 image', () => {
    for (const f of fingers) {
      expect(f.minutiae.length).toBeGreaterThanOrEqual(30);
      expect(f.minutiae.length).toBeLessThanOrEqual(50);
      expect(f.minutiae.every((m) => m.x >= 0 && m.x < 400 && m.y >= 0 && m.y < 500)).toBe(true);
    }
  });

  it('keeps minutiae at least 20 px apart', () => {
    for (const f of fingers) {
      for (const [i, a] of f.minutiae.entries()) for (const b of f.minutiae.slice(i + 1)) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(20);
    }
  });

  it('is reproducible from its seed', () => {
    expect(syntheticFinger(createRandom(100)).minutiae).toEqual(fingers[0]!.minutiae);
  });
});

describe('syntheticImpression', () => {
  const random = createRandom(7);
  const finger = syntheticFinger(random);

  it('loses 10–20 % of the minutiae before cropping and adds at most 4 spurious ones', () => {
    for (let k = 0; k < 30; k += 1) {
      const impression = syntheticImpression(finger, random, { maxTranslation: 0, maxRotation: 0 });
      const kept = impression.source.filter((s) => s !== null).length;
      const spurious = impression.source.length - kept;
      expect(kept).toBeLessThanOrEqual(Math.round(finger.minutiae.length * 0.9));
      expect(kept).toBeGreaterThanOrEqual(Math.round(finger.minutiae.length * 0.8) - 2);
      expect(spurious).toBeLessThanOrEqual(4);
    }
  });

  it('crops to the image after the move', () => {
    for (let k = 0; k < 30; k += 1) {
      const { minutiae } = syntheticImpression(finger, random, { maxTranslation: 150 });
      expect(minutiae.every((m) => m.x >= 0 && m.x < 400 && m.y >= 0 && m.y < 500)).toBe(true);
    }
  });

  it('moves each kept minutia by the drawn transform plus a few pixels of noise', () => {
    const impression = syntheticImpression(finger, random);
    const r = (impression.rotation * Math.PI) / 180;
    impression.minutiae.forEach((m, i) => {
      const s = impression.source[i];
      if (s === null || s === undefined) return;
      const o = finger.minutiae[s]!;
      const x = 200 + Math.cos(r) * (o.x - 200) - Math.sin(r) * (o.y - 250) + impression.dx;
      const y = 250 + Math.sin(r) * (o.x - 200) + Math.cos(r) * (o.y - 250) + impression.dy;
      expect(Math.hypot(m.x - x, m.y - y)).toBeLessThan(20);
    });
    expect(Math.abs(impression.rotation)).toBeLessThanOrEqual(20);
    expect(Math.max(Math.abs(impression.dx), Math.abs(impression.dy))).toBeLessThanOrEqual(30);
  });
});

describe('synthetic faces', () => {
  it('makes unit vectors of the requested dimension', () => {
    const random = createRandom(3);
    const capture = syntheticFaceCapture(syntheticIdentity(random, 512), random);
    expect(capture).toHaveLength(512);
    expect(Math.hypot(...capture)).toBeCloseTo(1, 5);
  });
});

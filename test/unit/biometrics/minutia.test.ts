import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { angleDifference, normalizeDegrees } from '../../../subgraphs/biometrics/matching/minutia.ts';

describe('normalizeDegrees', () => {
  it('folds negative and large angles into [0, 360)', () => {
    expect([normalizeDegrees(-90), normalizeDegrees(720), normalizeDegrees(360), normalizeDegrees(-0)]).toEqual([270, 0, 0, 0]);
  });

  it('never returns 360 for a tiny negative angle', () => {
    expect(normalizeDegrees(-1e-15)).toBeLessThan(360);
  });

  it('always lands in [0, 360)', () => {
    fc.assert(fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (d) => {
      const n = normalizeDegrees(d);
      expect(n >= 0 && n < 360).toBe(true);
    }));
  });
});

describe('angleDifference', () => {
  it('takes the short way round across 0°', () => {
    expect(angleDifference(350, 10)).toBe(20);
    expect(angleDifference(10, 350)).toBe(-20);
  });

  it('returns −180 for opposite directions', () => {
    expect(angleDifference(0, 180)).toBe(-180);
  });
});

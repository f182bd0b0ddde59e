/**
 * Error rates at the default thresholds on seeded synthetic populations: 100 fingers (or faces)
 * × 3 impressions (captures); genuine = the 3 pairs of impressions of each finger (300),
 * impostor = impression 1 of finger i against impression 2 of finger j, i < j (4950).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCH_THRESHOLDS } from '../../../subgraphs/biometrics/matching/compare.ts';
import { cosineSimilarity } from '../../../subgraphs/biometrics/matching/face.ts';
import { minutiaeScore } from '../../../subgraphs/biometrics/matching/minutiae-matcher.ts';
import { createRandom } from '../../support/biometrics/random.ts';
import { syntheticFaceCapture, syntheticIdentity } from '../../support/biometrics/synthetic-faces.ts';
import { syntheticFinger, syntheticImpression } from '../../support/biometrics/synthetic-fingers.ts';

const POPULATION = 100;
const GENUINE_PAIRS = [[0, 1], [0, 2], [1, 2]] as const;

function rates<T>(samples: T[][], score: (a: T, b: T) => number, threshold: number) {
  const genuine = samples.flatMap((s) => GENUINE_PAIRS.map(([a, b]) => score(s[a]!, s[b]!)));
  const impostor: number[] = [];
  for (let i = 0; i < samples.length; i += 1) for (let j = i + 1; j < samples.length; j += 1) impostor.push(score(samples[i]![0]!, samples[j]![1]!));
  return {
    genuine: genuine.length,
    impostor: impostor.length,
    falseNonMatchRate: genuine.filter((s) => s < threshold).length / genuine.length,
    falseMatchRate: impostor.filter((s) => s >= threshold).length / impostor.length,
  };
}

describe('fingerprint error rates on a seeded synthetic set', () => {
  const random = createRandom(20_261_201);
  const impressions = Array.from({ length: POPULATION }, () => {
    const finger = syntheticFinger(random);
    return [0, 1, 2].map(() => syntheticImpression(finger, random).minutiae);
  });
  const measured = rates(impressions, (a, b) => minutiaeScore(a, b), DEFAULT_MATCH_THRESHOLDS.FINGERPRINT);

  it('compares 300 genuine and 4950 impostor pairs', () => {
    expect([measured.genuine, measured.impostor]).toEqual([300, 4950]);
  });

  it('falsely matches at most 0.1 % of impostor pairs at the default threshold', () => {
    expect(measured.falseMatchRate).toBeLessThanOrEqual(0.001);
  });

  it('falsely rejects at most 2 % of genuine pairs at the default threshold', () => {
    expect(measured.falseNonMatchRate).toBeLessThanOrEqual(0.02);
  });
});

describe('face error rates on seeded synthetic embeddings', () => {
  for (const dimension of [128, 512]) {
    const random = createRandom(20_261_201 + dimension);
    const captures = Array.from({ length: POPULATION }, () => {
      const identity = syntheticIdentity(random, dimension);
      return [0, 1, 2].map(() => syntheticFaceCapture(identity, random));
    });
    const measured = rates(captures, cosineSimilarity, DEFAULT_MATCH_THRESHOLDS.FACE);

    it(`falsely matches at most 0.1 % of impostor pairs at dimension ${dimension}`, () => {
      expect(measured.falseMatchRate).toBeLessThanOrEqual(0.001);
    });

    it(`falsely rejects at most 2 % of genuine pairs at dimension ${dimension}`, () => {
      expect(measured.falseNonMatchRate).toBeLessThanOrEqual(0.02);
    });
  }
});

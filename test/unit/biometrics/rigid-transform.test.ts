import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchNeighbourhoods, neighbourhoods } from '../../../subgraphs/biometrics/matching/local-structure.ts';
import type { Minutia } from '../../../subgraphs/biometrics/matching/minutia.ts';
import { fitRigidTransform, meanAngle, transformThrough } from '../../../subgraphs/biometrics/matching/rigid-transform.ts';

const point = fc.record({ x: fc.double({ min: 0, max: 500, noNaN: true }), y: fc.double({ min: 0, max: 500, noNaN: true }) });
const motion = fc.record({ rotation: fc.double({ min: -170, max: 170, noNaN: true }), dx: fc.double({ min: -100, max: 100, noNaN: true }), dy: fc.double({ min: -100, max: 100, noNaN: true }) });

function move(p: { x: number; y: number }, m: { rotation: number; dx: number; dy: number }) {
  const r = (m.rotation * Math.PI) / 180;
  return { x: Math.cos(r) * p.x - Math.sin(r) * p.y + m.dx, y: Math.sin(r) * p.x + Math.cos(r) * p.y + m.dy };
}

describe('fitRigidTransform', () => {
  it('recovers an exact rigid motion from three or more points', () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 3, maxLength: 20 }), motion, (points, m) => {
        fc.pre(points.some((p) => Math.hypot(p.x - points[0]!.x, p.y - points[0]!.y) > 10));
        const fit = fitRigidTransform(points, points.map((p) => move(p, m)));
        expect(fit.rotation).toBeCloseTo(m.rotation, 6);
        expect(fit.dx).toBeCloseTo(m.dx, 4);
        expect(fit.dy).toBeCloseTo(m.dy, 4);
      }),
    );
  });
});

describe('transformThrough', () => {
  it('carries the given point exactly onto its target', () => {
    const t = transformThrough(37, { x: 10, y: 20 }, { x: 300, y: -5 });
    expect(move({ x: 10, y: 20 }, t).x).toBeCloseTo(300, 10);
    expect(move({ x: 10, y: 20 }, t).y).toBeCloseTo(-5, 10);
  });
});

describe('meanAngle', () => {
  it('averages across 0° the short way', () => {
    expect(meanAngle([350, 10])).toBeCloseTo(0, 10);
    expect(meanAngle([170, -170])).toBeCloseTo(180, 10);
  });
});

describe('neighbourhoods', () => {
  it('are unchanged by a rigid motion, so every neighbour corresponds', () => {
    const minutia = fc.record({ x: fc.integer({ min: 0, max: 400 }), y: fc.integer({ min: 0, max: 500 }), angle: fc.integer({ min: 0, max: 359 }), type: fc.constant('OTHER' as const) });
    fc.assert(
      fc.property(fc.uniqueArray(minutia, { minLength: 8, maxLength: 30, selector: (m) => `${m.x},${m.y}` }), motion, (set: Minutia[], m) => {
        // A tie between the 6th and 7th nearest neighbour may legitimately reorder under rounding.
        const distances = set.slice(1).map((o) => Math.hypot(o.x - set[0]!.x, o.y - set[0]!.y)).sort((x, y) => x - y);
        fc.pre(set.length < 8 || distances[6]! - distances[5]! > 1e-6);
        const movedSet = set.map((s) => ({ ...move(s, m), angle: (((s.angle + m.rotation) % 360) + 360) % 360, type: s.type }));
        const a = neighbourhoods(set, 6);
        const b = neighbourhoods(movedSet, 6);
        expect(matchNeighbourhoods(a, 0, b, 0, 1e-6, 1e-6)).toBe(6);
      }),
    );
  });

  it('keeps at most n − 1 neighbours', () => {
    expect(neighbourhoods([{ x: 0, y: 0, angle: 0, type: 'OTHER' }, { x: 5, y: 0, angle: 0, type: 'OTHER' }], 6).k).toBe(1);
  });
});

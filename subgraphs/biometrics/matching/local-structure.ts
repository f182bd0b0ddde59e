/**
 * Rotation- and translation-invariant neighbourhoods of minutiae, used to find anchor pairs worth
 * aligning on. Each minutia is described by its k nearest neighbours: their distance, the bearing
 * of each neighbour relative to the minutia's own direction, and their relative direction.
 * Comparing neighbourhoods runs for every candidate anchor pair, so they are stored flat in typed
 * arrays and compared without allocating.
 */
import { normalizeDegrees } from './minutia.ts';
import type { Minutia } from './minutia.ts';

/** At most 31 neighbours: a 32-bit mask marks the ones already matched. */
export const MAX_NEIGHBOURS = 31;

export interface Neighbourhoods {
  /** Neighbours per minutia (min(k, n − 1)). */
  readonly k: number;
  /** Per minutia, k × [distance, bearing, turn]: bearing = direction to the neighbour minus the
   * minutia's angle, turn = the neighbour's angle minus the minutia's angle (degrees, [0, 360)). */
  readonly features: Float64Array;
  /** Per minutia, the k neighbour indices, nearest first (ties: lower index first). */
  readonly indices: Int32Array;
}

/** Each minutia's `k` nearest neighbours. */
export function neighbourhoods(minutiae: readonly Minutia[], k: number): Neighbourhoods {
  const n = minutiae.length;
  const kk = Math.max(0, Math.min(k, n - 1, MAX_NEIGHBOURS));
  const features = new Float64Array(n * kk * 3);
  const indices = new Int32Array(n * kk);
  // k nearest by insertion into a short sorted list: n·n·k at worst, no allocation per minutia.
  const nearest = new Int32Array(kk);
  const nearestDistance = new Float64Array(kk);
  minutiae.forEach((m, i) => {
    let filled = 0;
    minutiae.forEach((o, j) => {
      if (j === i) return;
      const d = Math.sqrt((o.x - m.x) ** 2 + (o.y - m.y) ** 2);
      if (filled === kk && d >= nearestDistance[kk - 1]!) return;
      let at = filled < kk ? filled++ : kk - 1;
      while (at > 0 && nearestDistance[at - 1]! > d) {
        nearestDistance[at] = nearestDistance[at - 1]!;
        nearest[at] = nearest[at - 1]!;
        at -= 1;
      }
      nearestDistance[at] = d;
      nearest[at] = j;
    });
    for (let s = 0; s < kk; s += 1) {
      const j = nearest[s]!;
      const o = minutiae[j]!;
      const at = (i * kk + s) * 3;
      features[at] = nearestDistance[s]!;
      features[at + 1] = normalizeDegrees((Math.atan2(o.y - m.y, o.x - m.x) * 180) / Math.PI - m.angle);
      features[at + 2] = normalizeDegrees(o.angle - m.angle);
      indices[i * kk + s] = j;
    }
  });
  return { k: kk, features, indices };
}

/**
 * Matches the neighbourhood of probe minutia `i` against that of gallery minutia `j`, one to one,
 * each probe neighbour taking the closest unused gallery neighbour within tolerance. Returns the
 * number matched; when `out` is given, also pushes the [probe index, gallery index] pairs.
 */
export function matchNeighbourhoods(probe: Neighbourhoods, i: number, gallery: Neighbourhoods, j: number, distanceTolerance: number, angleTolerance: number, out?: [number, number][]): number {
  const pf = probe.features;
  const gf = gallery.features;
  const pBase = i * probe.k;
  const gBase = j * gallery.k;
  let used = 0;
  let count = 0;
  for (let a = 0; a < probe.k; a += 1) {
    const pa = (pBase + a) * 3;
    let best = -1;
    let bestCost = Infinity;
    for (let b = 0; b < gallery.k; b += 1) {
      if (used & (1 << b)) continue;
      const gb = (gBase + b) * 3;
      const dd = Math.abs(pf[pa]! - gf[gb]!);
      if (dd > distanceTolerance) continue;
      const db = circularGap(pf[pa + 1]!, gf[gb + 1]!);
      if (db > angleTolerance) continue;
      const dt = circularGap(pf[pa + 2]!, gf[gb + 2]!);
      if (dt > angleTolerance) continue;
      const cost = dd / distanceTolerance + db / angleTolerance + dt / angleTolerance;
      if (cost < bestCost) {
        best = b;
        bestCost = cost;
      }
    }
    if (best >= 0) {
      used |= 1 << best;
      count += 1;
      out?.push([probe.indices[pBase + a]!, gallery.indices[gBase + best]!]);
    }
  }
  return count;
}

/** |a − b| on the circle, degrees in [0, 180], for a and b in [0, 360). */
function circularGap(a: number, b: number): number {
  const gap = Math.abs(a - b);
  return gap > 180 ? 360 - gap : gap;
}

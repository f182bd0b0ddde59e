/**
 * Fingerprint minutiae matcher: 1:1 similarity of a probe and a gallery minutiae set.
 *
 * 1. Anchors: pairs (probe i, gallery j) of compatible type (equal, or either OTHER) whose
 *    angles differ by at most maxRotation + angleTolerance, ranked by how many of their nearest
 *    neighbours correspond (local-structure.ts); the best `maxAnchors` are tried.
 * 2. Alignment per anchor: rotation = circular mean of the anchor's and its corresponding
 *    neighbours' angle differences and neighbour-bearing differences; translation carries i onto j.
 * 3. Pairing: under the alignment, probe and gallery minutiae within distanceTolerance and
 *    angleTolerance are paired one to one, greedily by distance (type is not required to agree:
 *    ridge endings and bifurcations swap between impressions with pressure). The anchored guess
 *    is only rough far from the anchor, so a pairing with doubled distance tolerance seeds a
 *    least-squares refit (rigid-transform.ts), then the strict pairs refit once more; the best
 *    strict pairing wins, and alignments rotating more than maxRotation are discarded.
 * 4. Score: n paired minutiae give 100·n² / (|probe|·|gallery|), in [0, 100], so missing and
 *    spurious minutiae on either side both lower it; fewer than minPairs pairs score 0, because
 *    with so few points some alignment nearly always explains them.
 * All ties break on indices, so the result is a pure function of the inputs.
 */
import { angleDifference } from './minutia.ts';
import type { Minutia } from './minutia.ts';
import { matchNeighbourhoods, neighbourhoods } from './local-structure.ts';
import { fitRigidTransform, meanAngle, transformThrough } from './rigid-transform.ts';
import type { RigidTransform } from './rigid-transform.ts';

export interface MatcherOptions {
  /** Max distance between paired minutiae, pixels at 500 ppi (default 15, about 1.5 ridge periods). */
  readonly distanceTolerance: number;
  /** Max angle between paired minutiae, degrees (default 20). */
  readonly angleTolerance: number;
  /** Largest estimated rotation accepted, degrees (default 50: a true ±45° plus estimation error). */
  readonly maxRotation: number;
  /** Neighbours per local structure (default 6, at most 31). */
  readonly neighbours: number;
  /** Anchor pairs whose alignment is tried (default 24). */
  readonly maxAnchors: number;
  /** Fewer pairs than this score 0 (default 6). */
  readonly minPairs: number;
}

export const DEFAULT_MATCHER_OPTIONS: MatcherOptions = { distanceTolerance: 15, angleTolerance: 20, maxRotation: 50, neighbours: 6, maxAnchors: 24, minPairs: 6 };

export interface MinutiaeComparison {
  /** 100·n² / (|probe|·|gallery|), 0 when n < minPairs. */
  readonly score: number;
  /** [probe index, gallery index] of each paired minutia. */
  readonly pairs: readonly (readonly [number, number])[];
  /** The alignment carrying the probe onto the gallery (identity when nothing aligned). */
  readonly transform: RigidTransform;
}

interface Alignment {
  readonly transform: RigidTransform;
  readonly pairs: [number, number][];
  readonly residual: number;
}

const IDENTITY: RigidTransform = { rotation: 0, dx: 0, dy: 0 };

/** Compares two minutiae sets (matcher frame, see minutia.ts); deterministic. */
export function compareMinutiae(probe: readonly Minutia[], gallery: readonly Minutia[], options: Partial<MatcherOptions> = {}): MinutiaeComparison {
  const o: MatcherOptions = { ...DEFAULT_MATCHER_OPTIONS, ...options };
  let best: Alignment | undefined;
  const ceiling = Math.min(probe.length, gallery.length);
  const byX = new XIndex(gallery);
  for (const anchor of anchors(probe, gallery, o)) {
    // An anchor the best alignment already pairs would only rediscover that alignment.
    if (best?.pairs.some(([i, j]) => i === anchor.probe && j === anchor.gallery)) continue;
    const alignment = align(probe, gallery, byX, anchor, o);
    if (alignment && (!best || better(alignment, best))) best = alignment;
    if (best && best.pairs.length === ceiling) break;
  }
  if (!best) return { score: 0, pairs: [], transform: IDENTITY };
  const n = best.pairs.length;
  const score = n < o.minPairs ? 0 : (100 * n * n) / (probe.length * gallery.length);
  return { score, pairs: best.pairs, transform: best.transform };
}

/** Score only; see compareMinutiae. */
export function minutiaeScore(probe: readonly Minutia[], gallery: readonly Minutia[], options: Partial<MatcherOptions> = {}): number {
  return compareMinutiae(probe, gallery, options).score;
}

/** A decision at `threshold`: matched when score ≥ threshold. */
export function matchResult(score: number, threshold: number): { score: number; threshold: number; matched: boolean } {
  return { score, threshold, matched: score >= threshold };
}

interface Anchor {
  readonly probe: number;
  readonly gallery: number;
  /** Corresponding neighbours, [probe index, gallery index]. */
  readonly neighbours: [number, number][];
}

function anchors(probe: readonly Minutia[], gallery: readonly Minutia[], o: MatcherOptions): Anchor[] {
  const probeLocal = neighbourhoods(probe, o.neighbours);
  const galleryLocal = neighbourhoods(gallery, o.neighbours);
  const found: { probe: number; gallery: number; score: number }[] = [];
  probe.forEach((p, i) => {
    gallery.forEach((g, j) => {
      if (p.type !== g.type && p.type !== 'OTHER' && g.type !== 'OTHER') return;
      if (Math.abs(angleDifference(p.angle, g.angle)) > o.maxRotation + o.angleTolerance) return;
      const score = matchNeighbourhoods(probeLocal, i, galleryLocal, j, o.distanceTolerance, o.angleTolerance);
      if (score > 0) found.push({ probe: i, gallery: j, score });
    });
  });
  found.sort((a, b) => b.score - a.score || a.probe - b.probe || a.gallery - b.gallery);
  return found.slice(0, o.maxAnchors).map(({ probe: i, gallery: j }) => {
    const neighbours: [number, number][] = [];
    matchNeighbourhoods(probeLocal, i, galleryLocal, j, o.distanceTolerance, o.angleTolerance, neighbours);
    return { probe: i, gallery: j, neighbours };
  });
}

function align(probe: readonly Minutia[], gallery: readonly Minutia[], byX: XIndex, anchor: Anchor, o: MatcherOptions): Alignment | undefined {
  const p = probe[anchor.probe]!;
  const g = gallery[anchor.gallery]!;
  const estimates = [angleDifference(p.angle, g.angle)];
  for (const [a, b] of anchor.neighbours) {
    const pa = probe[a]!;
    const gb = gallery[b]!;
    estimates.push(angleDifference(pa.angle, gb.angle));
    estimates.push(angleDifference(Math.atan2(pa.y - p.y, pa.x - p.x) * (180 / Math.PI), Math.atan2(gb.y - g.y, gb.x - g.x) * (180 / Math.PI)));
  }
  const anchored = transformThrough(meanAngle(estimates), p, g);
  let seed = pair(probe, gallery, byX, anchored, 2 * o.distanceTolerance, o.angleTolerance);
  let current = pair(probe, gallery, byX, anchored, o.distanceTolerance, o.angleTolerance);
  for (let round = 0; round < 2 && seed.pairs.length >= 2; round += 1) {
    const fitted = fitRigidTransform(seed.pairs.map(([i]) => probe[i]!), seed.pairs.map(([, j]) => gallery[j]!));
    const next = pair(probe, gallery, byX, fitted, o.distanceTolerance, o.angleTolerance);
    if (!better(next, current)) break;
    current = next;
    seed = next;
  }
  if (Math.abs(current.transform.rotation) > o.maxRotation) return undefined;
  return current;
}

function pair(probe: readonly Minutia[], gallery: readonly Minutia[], byX: XIndex, transform: RigidTransform, distanceTolerance: number, angleTolerance: number): Alignment {
  const limit = distanceTolerance * distanceTolerance;
  const candidates: [number, number, number][] = [];
  const cos = Math.cos((transform.rotation * Math.PI) / 180);
  const sin = Math.sin((transform.rotation * Math.PI) / 180);
  probe.forEach((m, i) => {
    const x = cos * m.x - sin * m.y + transform.dx;
    const y = sin * m.x + cos * m.y + transform.dy;
    const angle = m.angle + transform.rotation;
    for (let k = byX.firstAtOrAbove(x - distanceTolerance); k < byX.order.length && byX.xs[k]! <= x + distanceTolerance; k += 1) {
      const j = byX.order[k]!;
      const g = gallery[j]!;
      const d2 = (g.x - x) ** 2 + (g.y - y) ** 2;
      if (d2 <= limit && Math.abs(angleDifference(angle, g.angle)) <= angleTolerance) candidates.push([d2, i, j]);
    }
  });
  candidates.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  const usedProbe = new Uint8Array(probe.length);
  const usedGallery = new Uint8Array(gallery.length);
  const pairs: [number, number][] = [];
  let residual = 0;
  for (const [d2, i, j] of candidates) {
    if (usedProbe[i] || usedGallery[j]) continue;
    usedProbe[i] = 1;
    usedGallery[j] = 1;
    pairs.push([i, j]);
    residual += d2;
  }
  return { transform, pairs, residual };
}

/** Gallery minutiae sorted by x, so pairing only looks at the strip within tolerance of each probe point. */
class XIndex {
  readonly order: number[];
  readonly xs: number[];

  constructor(minutiae: readonly Minutia[]) {
    this.order = minutiae.map((_, j) => j).sort((a, b) => minutiae[a]!.x - minutiae[b]!.x || a - b);
    this.xs = this.order.map((j) => minutiae[j]!.x);
  }

  firstAtOrAbove(x: number): number {
    let lo = 0;
    let hi = this.xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.xs[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function better(a: Alignment, b: Alignment): boolean {
  return a.pairs.length > b.pairs.length || (a.pairs.length === b.pairs.length && a.residual < b.residual);
}

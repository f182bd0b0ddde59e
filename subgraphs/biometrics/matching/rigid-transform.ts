/**
 * Rotation + translation in the matcher's frame (minutia.ts): a point p maps to R(rotation)·p + t,
 * and a minutia angle gains `rotation`.
 */
export interface RigidTransform {
  /** Degrees, positive from +x towards +y. */
  readonly rotation: number;
  readonly dx: number;
  readonly dy: number;
}

const RADIANS = Math.PI / 180;

/** The transform with this rotation that carries `from` exactly onto `to`. */
export function transformThrough(rotation: number, from: { x: number; y: number }, to: { x: number; y: number }): RigidTransform {
  const cos = Math.cos(rotation * RADIANS);
  const sin = Math.sin(rotation * RADIANS);
  return { rotation, dx: to.x - (cos * from.x - sin * from.y), dy: to.y - (sin * from.x + cos * from.y) };
}

/**
 * Least-squares rigid transform taking points `from[k]` to `to[k]` (2-D Procrustes without
 * scaling): rotation from the cross-covariance of the centred sets, translation between centroids.
 * Needs at least two distinct pairs to fix the rotation.
 */
export function fitRigidTransform(from: readonly { x: number; y: number }[], to: readonly { x: number; y: number }[]): RigidTransform {
  const n = Math.min(from.length, to.length);
  let fx = 0, fy = 0, tx = 0, ty = 0;
  for (let k = 0; k < n; k += 1) {
    fx += from[k]!.x; fy += from[k]!.y; tx += to[k]!.x; ty += to[k]!.y;
  }
  fx /= n; fy /= n; tx /= n; ty /= n;
  let dot = 0, cross = 0;
  for (let k = 0; k < n; k += 1) {
    const ax = from[k]!.x - fx, ay = from[k]!.y - fy, bx = to[k]!.x - tx, by = to[k]!.y - ty;
    dot += ax * bx + ay * by;
    cross += ax * by - ay * bx;
  }
  return transformThrough(Math.atan2(cross, dot) / RADIANS, { x: fx, y: fy }, { x: tx, y: ty });
}

/** Circular mean of angles in degrees, in (−180, 180]. */
export function meanAngle(degrees: readonly number[]): number {
  let c = 0, s = 0;
  for (const d of degrees) {
    c += Math.cos(d * RADIANS);
    s += Math.sin(d * RADIANS);
  }
  return Math.atan2(s, c) / RADIANS;
}

/**
 * The matcher's view of a minutia, independent of any record format.
 *
 * Frame: image coordinates in pixels at 500 ppi, x to the right, y downwards. `angle` is in
 * degrees, [0, 360), measured from +x towards +y, i.e. the minutia points along
 * (cos angle, sin angle) in these coordinates (clockwise on screen). Degrees because tolerances
 * are specified in degrees and ISO angles are whole fractions of 360°; measuring towards +y makes
 * a rotation of the points by φ add exactly φ to every angle. ISO/IEC 19794-2 angles run
 * counter-clockwise on screen; iso-minutiae.ts converts.
 */
export type MinutiaType = 'RIDGE_ENDING' | 'BIFURCATION' | 'OTHER';

export interface Minutia {
  readonly x: number;
  readonly y: number;
  /** Degrees in [0, 360), see the frame above. */
  readonly angle: number;
  readonly type: MinutiaType;
}

/** 500 ppi, the resolution pixel tolerances refer to, in pixels per centimetre (500 / 2.54). */
export const REFERENCE_PIXELS_PER_CM = 500 / 2.54;

/** `degrees` folded into [0, 360). */
export function normalizeDegrees(degrees: number): number {
  const folded = degrees % 360;
  // `+ 0` turns −0 into 0; a tiny negative plus 360 can round up to 360 itself.
  const wrapped = folded < 0 ? folded + 360 : folded + 0;
  return wrapped >= 360 ? 0 : wrapped;
}

/** Signed difference b − a folded into [−180, 180). */
export function angleDifference(a: number, b: number): number {
  return normalizeDegrees(b - a + 180) - 180;
}

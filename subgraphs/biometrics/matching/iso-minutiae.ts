/**
 * Converts between ISO/IEC 19794-2 minutiae (record pixels, counter-clockwise angle units) and the
 * matcher's frame (500 ppi pixels, degrees towards +y; see minutia.ts). Scaling every record to
 * 500 ppi lets one pixel tolerance serve sensors of different resolution.
 */
import { ISO_ANGLE_UNIT_DEGREES } from './iso19794-2-types.ts';
import type { IsoFingerMinutiaeRecord, IsoFingerView, IsoMinutia } from './iso19794-2-types.ts';
import { normalizeDegrees, REFERENCE_PIXELS_PER_CM } from './minutia.ts';
import type { Minutia } from './minutia.ts';

/** The minutiae of one view of `record`, in the matcher's frame. */
export function matcherMinutiae(record: IsoFingerMinutiaeRecord, view: IsoFingerView): Minutia[] {
  const scaleX = REFERENCE_PIXELS_PER_CM / record.resolutionX;
  const scaleY = REFERENCE_PIXELS_PER_CM / record.resolutionY;
  return view.minutiae.map((m) => ({
    x: m.x * scaleX,
    y: m.y * scaleY,
    // ISO counts counter-clockwise on screen; with y pointing down that is the negative direction here.
    angle: normalizeDegrees(-m.angle * ISO_ANGLE_UNIT_DEGREES),
    type: m.type,
  }));
}

export interface IsoMinutiaeOptions {
  /** Resolution of the record being written (default 197 px/cm ≈ 500 ppi). */
  readonly pixelsPerCm?: number;
  /** Quality written for every minutia (default 60). */
  readonly quality?: number;
  /** Image size of the record: rounded coordinates are kept inside it (x ≤ width − 1, y ≤ height − 1). */
  readonly imageWidth?: number;
  readonly imageHeight?: number;
}

/** Matcher-frame minutiae as ISO minutiae: coordinates and angles rounded to the nearest unit. */
export function isoMinutiae(minutiae: readonly Minutia[], options: IsoMinutiaeOptions = {}): IsoMinutia[] {
  const scale = (options.pixelsPerCm ?? 197) / REFERENCE_PIXELS_PER_CM;
  const maxX = (options.imageWidth ?? Infinity) - 1;
  const maxY = (options.imageHeight ?? Infinity) - 1;
  return minutiae.map((m) => ({
    type: m.type,
    x: Math.max(0, Math.min(maxX, Math.round(m.x * scale))),
    y: Math.max(0, Math.min(maxY, Math.round(m.y * scale))),
    angle: Math.round(normalizeDegrees(-m.angle) / ISO_ANGLE_UNIT_DEGREES) % 256,
    quality: options.quality ?? 60,
  }));
}

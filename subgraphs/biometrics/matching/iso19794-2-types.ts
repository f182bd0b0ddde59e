/**
 * Data model and errors of the ISO/IEC 19794-2:2005 finger minutiae record. Field values are kept
 * in the record's own units (ISO angle units, pixels at the record's resolution) so that
 * encode(parse(bytes)) reproduces the bytes exactly; iso-minutiae.ts converts for the matcher.
 */
import type { MinutiaType } from './minutia.ts';

/** Degrees per ISO angle unit: the angle byte counts 1/256 of a full turn. */
export const ISO_ANGLE_UNIT_DEGREES = 360 / 256;

export interface IsoMinutia {
  readonly type: MinutiaType;
  /** Pixels from the left edge, 0 ≤ x < image width (14 bits). */
  readonly x: number;
  /** Pixels from the top edge, 0 ≤ y < image height (14 bits). */
  readonly y: number;
  /** 0–255 in units of 1.40625°, counter-clockwise from the horizontal axis pointing right. */
  readonly angle: number;
  /** 0–100. */
  readonly quality: number;
}

export interface IsoFingerView {
  /** 0 unknown, 1–5 right thumb…little, 6–10 left thumb…little. */
  readonly fingerPosition: number;
  /** 0–15; per finger position the views start at 0 and increase. */
  readonly viewNumber: number;
  /** 0 live-scan plain, 1 live-scan rolled, 2 non-live plain, 3 non-live rolled, 8 swipe, 9 contactless. */
  readonly impressionType: number;
  /** 0–100. */
  readonly fingerQuality: number;
  readonly minutiae: readonly IsoMinutia[];
  /** The extended data block after its 2-byte length, kept opaque; empty when there is none. */
  readonly extendedData: Uint8Array;
}

export interface IsoFingerMinutiaeRecord {
  /** Capture equipment certification flags (4 bits). */
  readonly equipmentCertification: number;
  /** Capture device type id (12 bits; 0 = unreported). */
  readonly captureDeviceTypeId: number;
  readonly imageWidth: number;
  readonly imageHeight: number;
  /** Pixels per centimetre (500 ppi ≈ 197). */
  readonly resolutionX: number;
  readonly resolutionY: number;
  readonly views: readonly IsoFingerView[];
}

export type IsoRecordErrorCode =
  | 'ISO_RECORD_TRUNCATED'
  | 'ISO_FORMAT_IDENTIFIER_INVALID'
  | 'ISO_VERSION_UNSUPPORTED'
  | 'ISO_RECORD_LENGTH_MISMATCH'
  | 'ISO_TRAILING_BYTES'
  | 'ISO_RESERVED_NOT_ZERO'
  | 'ISO_IMAGE_SIZE_INVALID'
  | 'ISO_RESOLUTION_INVALID'
  | 'ISO_NO_FINGER_VIEWS'
  | 'ISO_TOO_MANY_FINGER_VIEWS'
  | 'ISO_FINGER_POSITION_OUT_OF_RANGE'
  | 'ISO_VIEW_NUMBER_OUT_OF_SEQUENCE'
  | 'ISO_IMPRESSION_TYPE_INVALID'
  | 'ISO_FINGER_QUALITY_OUT_OF_RANGE'
  | 'ISO_MINUTIA_TYPE_INVALID'
  | 'ISO_MINUTIA_OUTSIDE_IMAGE'
  | 'ISO_MINUTIA_QUALITY_OUT_OF_RANGE'
  | 'ISO_EXTENDED_DATA_MALFORMED'
  | 'ISO_FIELD_OUT_OF_RANGE';

/** A record that is not a well-formed ISO/IEC 19794-2:2005 finger minutiae record. */
export class IsoRecordError extends Error {
  constructor(
    readonly code: IsoRecordErrorCode,
    message: string,
    readonly details: { offset?: number; view?: number; minutia?: number; field?: string; value?: number | string; limit?: number } = {},
  ) {
    super(message);
    this.name = 'IsoRecordError';
  }
}

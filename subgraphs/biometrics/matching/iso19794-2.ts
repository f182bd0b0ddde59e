/**
 * Strict parser and encoder for ISO/IEC 19794-2:2005 finger minutiae records ("FMR\0", " 20\0"),
 * the template format named in docs/domain.md §9. Layout (big-endian):
 *   header (24 bytes): format id 4 | version 4 | total length 4 | equipment cert (4 bits) +
 *     device type id (12 bits) 2 | image width 2 | height 2 | resolution x 2 | y 2 (px/cm) |
 *     view count 1 | reserved 1
 *   per view: position 1 | view number (4 bits) + impression type (4 bits) 1 | quality 1 |
 *     minutia count 1 | minutiae 6 each | extended data length 2 | extended data
 *   per minutia: type (2 bits) + x (14) 2 | reserved (2 bits) + y (14) 2 | angle 1 | quality 1
 * Value rules beyond the layout (zero resolution, view sequence, impression codes, reserved
 * fields) follow NIST's conformance checks for ISO/IEC 29109-2:
 * https://github.com/usnistgov/biomdi (fingerminutia/src/libfmr/validate.c).
 */
import { IsoRecordError } from './iso19794-2-types.ts';
import type { IsoFingerMinutiaeRecord, IsoFingerView, IsoMinutia, IsoRecordErrorCode } from './iso19794-2-types.ts';
import type { MinutiaType } from './minutia.ts';

const FORMAT_ID = Buffer.from('FMR\0', 'latin1');
const VERSION = Buffer.from(' 20\0', 'latin1');
const HEADER_BYTES = 24;
const VIEW_HEADER_BYTES = 4;
const MINUTIA_BYTES = 6;
const EXTENDED_AREA_HEADER_BYTES = 4;
const MAX_FINGER_POSITION = 10;
/** 11 finger positions × 16 view numbers: no conforming record can hold more views. */
export const MAX_FINGER_VIEWS = 176;
const IMPRESSION_TYPES: ReadonlySet<number> = new Set([0, 1, 2, 3, 8, 9]);
const TYPE_OF_BITS: readonly (MinutiaType | undefined)[] = ['OTHER', 'RIDGE_ENDING', 'BIFURCATION', undefined];
const BITS_OF_TYPE: Readonly<Record<MinutiaType, number>> = { OTHER: 0, RIDGE_ENDING: 1, BIFURCATION: 2 };

export interface ParseOptions {
  /** Policy limit on finger views (default and ceiling: MAX_FINGER_VIEWS). */
  readonly maxFingerViews?: number;
}

/** Parses a record, throwing IsoRecordError (stable `code`, byte `offset`) on any malformation. */
export function parseFingerMinutiaeRecord(bytes: Uint8Array, options: ParseOptions = {}): IsoFingerMinutiaeRecord {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const maxViews = Math.min(options.maxFingerViews ?? MAX_FINGER_VIEWS, MAX_FINGER_VIEWS);
  need(data, 0, HEADER_BYTES, 'the record header');
  if (!data.subarray(0, 4).equals(FORMAT_ID)) fail('ISO_FORMAT_IDENTIFIER_INVALID', 'format identifier is not "FMR\\0"', { offset: 0 });
  if (!data.subarray(4, 8).equals(VERSION)) fail('ISO_VERSION_UNSUPPORTED', `version is not " 20\\0" (ISO/IEC 19794-2:2005)`, { offset: 4 });
  const declared = data.readUInt32BE(8);
  if (declared !== data.length) {
    fail('ISO_RECORD_LENGTH_MISMATCH', `header declares ${declared} bytes but the record has ${data.length}`, { offset: 8, value: declared, limit: data.length });
  }
  const equipment = data.readUInt16BE(12);
  const imageWidth = data.readUInt16BE(14);
  const imageHeight = data.readUInt16BE(16);
  const resolutionX = data.readUInt16BE(18);
  const resolutionY = data.readUInt16BE(20);
  const viewCount = data.readUInt8(22);
  if (imageWidth === 0 || imageHeight === 0) fail('ISO_IMAGE_SIZE_INVALID', `image size ${imageWidth}×${imageHeight} must be at least 1×1`, { offset: 14 });
  if (resolutionX === 0 || resolutionY === 0) fail('ISO_RESOLUTION_INVALID', `resolution ${resolutionX}×${resolutionY} px/cm must not be zero`, { offset: 18 });
  if (viewCount === 0) fail('ISO_NO_FINGER_VIEWS', 'the record has no finger views', { offset: 22 });
  if (viewCount > maxViews) fail('ISO_TOO_MANY_FINGER_VIEWS', `${viewCount} finger views exceed the limit of ${maxViews}`, { offset: 22, value: viewCount, limit: maxViews });
  if (data[23] !== 0) fail('ISO_RESERVED_NOT_ZERO', 'the header reserved byte must be 0', { offset: 23 });

  const views: IsoFingerView[] = [];
  const nextViewNumber = new Map<number, number>();
  let offset = HEADER_BYTES;
  for (let view = 0; view < viewCount; view += 1) {
    need(data, offset, VIEW_HEADER_BYTES, `finger view ${view + 1}`);
    const fingerPosition = data.readUInt8(offset);
    const viewNumber = data.readUInt8(offset + 1) >> 4;
    const impressionType = data.readUInt8(offset + 1) & 0x0f;
    const fingerQuality = data.readUInt8(offset + 2);
    const minutiaCount = data.readUInt8(offset + 3);
    const at = { offset, view: view + 1 };
    if (fingerPosition > MAX_FINGER_POSITION) fail('ISO_FINGER_POSITION_OUT_OF_RANGE', `finger position ${fingerPosition} is outside 0–${MAX_FINGER_POSITION}`, { ...at, value: fingerPosition, limit: MAX_FINGER_POSITION });
    const expected = nextViewNumber.get(fingerPosition) ?? 0;
    if (expected === 0 ? viewNumber !== 0 : viewNumber < expected) {
      fail('ISO_VIEW_NUMBER_OUT_OF_SEQUENCE', `view number ${viewNumber} of finger position ${fingerPosition} must be ${expected === 0 ? '0 (first view)' : `at least ${expected}`}`, { ...at, value: viewNumber });
    }
    nextViewNumber.set(fingerPosition, viewNumber + 1);
    if (!IMPRESSION_TYPES.has(impressionType)) fail('ISO_IMPRESSION_TYPE_INVALID', `impression type ${impressionType} is not one of 0, 1, 2, 3, 8, 9`, { ...at, value: impressionType });
    if (fingerQuality > 100) fail('ISO_FINGER_QUALITY_OUT_OF_RANGE', `finger quality ${fingerQuality} exceeds 100`, { ...at, value: fingerQuality, limit: 100 });
    offset += VIEW_HEADER_BYTES;
    need(data, offset, minutiaCount * MINUTIA_BYTES, `the ${minutiaCount} minutiae of finger view ${view + 1}`);
    const minutiae: IsoMinutia[] = [];
    for (let index = 0; index < minutiaCount; index += 1) {
      minutiae.push(readMinutia(data, offset, imageWidth, imageHeight, { view: view + 1, minutia: index + 1 }));
      offset += MINUTIA_BYTES;
    }
    need(data, offset, 2, `the extended data length of finger view ${view + 1}`);
    const extendedLength = data.readUInt16BE(offset);
    offset += 2;
    need(data, offset, extendedLength, `the extended data of finger view ${view + 1}`);
    const extendedData = Buffer.from(data.subarray(offset, offset + extendedLength));
    checkExtendedData(extendedData, offset, view + 1);
    offset += extendedLength;
    views.push({ fingerPosition, viewNumber, impressionType, fingerQuality, minutiae, extendedData });
  }
  if (offset !== data.length) fail('ISO_TRAILING_BYTES', `${data.length - offset} bytes follow the last finger view`, { offset });
  return { equipmentCertification: equipment >> 12, captureDeviceTypeId: equipment & 0x0fff, imageWidth, imageHeight, resolutionX, resolutionY, views };
}

/**
 * Encodes a record. Bit-field overflows throw ISO_FIELD_OUT_OF_RANGE; the result is then parsed
 * back, so nothing is ever written that parseFingerMinutiaeRecord would reject.
 */
export function encodeFingerMinutiaeRecord(record: IsoFingerMinutiaeRecord, options: ParseOptions = {}): Buffer {
  const length = HEADER_BYTES + record.views.reduce((sum, view) => sum + VIEW_HEADER_BYTES + view.minutiae.length * MINUTIA_BYTES + 2 + view.extendedData.length, 0);
  const out = Buffer.alloc(length);
  FORMAT_ID.copy(out, 0);
  VERSION.copy(out, 4);
  out.writeUInt32BE(length, 8);
  out.writeUInt16BE((field('equipmentCertification', record.equipmentCertification, 0x0f) << 12) | field('captureDeviceTypeId', record.captureDeviceTypeId, 0x0fff), 12);
  out.writeUInt16BE(field('imageWidth', record.imageWidth, 0xffff), 14);
  out.writeUInt16BE(field('imageHeight', record.imageHeight, 0xffff), 16);
  out.writeUInt16BE(field('resolutionX', record.resolutionX, 0xffff), 18);
  out.writeUInt16BE(field('resolutionY', record.resolutionY, 0xffff), 20);
  out.writeUInt8(field('views.length', record.views.length, 0xff), 22);
  let offset = HEADER_BYTES;
  for (const view of record.views) {
    out.writeUInt8(field('fingerPosition', view.fingerPosition, 0xff), offset);
    out.writeUInt8((field('viewNumber', view.viewNumber, 0x0f) << 4) | field('impressionType', view.impressionType, 0x0f), offset + 1);
    out.writeUInt8(field('fingerQuality', view.fingerQuality, 0xff), offset + 2);
    out.writeUInt8(field('minutiae.length', view.minutiae.length, 0xff), offset + 3);
    offset += VIEW_HEADER_BYTES;
    for (const minutia of view.minutiae) {
      const typeBits = BITS_OF_TYPE[minutia.type] as number | undefined;
      if (typeBits === undefined) fail('ISO_MINUTIA_TYPE_INVALID', `minutia type ${String(minutia.type)} is not RIDGE_ENDING, BIFURCATION or OTHER`, { field: 'type' });
      out.writeUInt16BE((typeBits << 14) | field('x', minutia.x, 0x3fff), offset);
      out.writeUInt16BE(field('y', minutia.y, 0x3fff), offset + 2);
      out.writeUInt8(field('angle', minutia.angle, 0xff), offset + 4);
      out.writeUInt8(field('quality', minutia.quality, 0xff), offset + 5);
      offset += MINUTIA_BYTES;
    }
    out.writeUInt16BE(field('extendedData.length', view.extendedData.length, 0xffff), offset);
    out.set(view.extendedData, offset + 2);
    offset += 2 + view.extendedData.length;
  }
  parseFingerMinutiaeRecord(out, options);
  return out;
}

function readMinutia(data: Buffer, offset: number, width: number, height: number, at: { view: number; minutia: number }): IsoMinutia {
  const first = data.readUInt16BE(offset);
  const second = data.readUInt16BE(offset + 2);
  const type = TYPE_OF_BITS[first >> 14];
  const x = first & 0x3fff;
  const y = second & 0x3fff;
  const quality = data.readUInt8(offset + 5);
  const where = { offset, ...at };
  if (type === undefined) fail('ISO_MINUTIA_TYPE_INVALID', `minutia ${at.minutia} of view ${at.view} has the reserved type bits 11`, where);
  if (second >> 14 !== 0) fail('ISO_RESERVED_NOT_ZERO', `minutia ${at.minutia} of view ${at.view} has reserved bits set`, where);
  if (x >= width || y >= height) fail('ISO_MINUTIA_OUTSIDE_IMAGE', `minutia ${at.minutia} of view ${at.view} at (${x}, ${y}) lies outside the ${width}×${height} image`, where);
  if (quality > 100) fail('ISO_MINUTIA_QUALITY_OUT_OF_RANGE', `minutia ${at.minutia} of view ${at.view} has quality ${quality} above 100`, { ...where, value: quality, limit: 100 });
  return { type, x, y, angle: data.readUInt8(offset + 4), quality };
}

/** The block is a sequence of areas: type id 2 | length 2 (header included) | data, tiling it exactly. */
function checkExtendedData(block: Buffer, blockOffset: number, view: number): void {
  let offset = 0;
  while (offset < block.length) {
    const areaLength = offset + EXTENDED_AREA_HEADER_BYTES <= block.length ? block.readUInt16BE(offset + 2) : 0;
    if (areaLength < EXTENDED_AREA_HEADER_BYTES || offset + areaLength > block.length) {
      fail('ISO_EXTENDED_DATA_MALFORMED', `extended data area at byte ${offset} of view ${view} does not fit its block`, { offset: blockOffset + offset, view });
    }
    offset += areaLength;
  }
}

function need(data: Buffer, offset: number, count: number, what: string): void {
  if (offset + count > data.length) fail('ISO_RECORD_TRUNCATED', `the record ends before ${what} (needs ${offset + count} bytes, has ${data.length})`, { offset, limit: data.length });
}

function field(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) fail('ISO_FIELD_OUT_OF_RANGE', `${name} = ${value} does not fit its field (0–${max})`, { field: name, value, limit: max });
  return value;
}

function fail(code: IsoRecordErrorCode, message: string, details: IsoRecordError['details']): never {
  throw new IsoRecordError(code, `ISO/IEC 19794-2 record: ${message}`, details);
}

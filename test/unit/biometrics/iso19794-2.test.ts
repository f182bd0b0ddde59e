import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeFingerMinutiaeRecord, MAX_FINGER_VIEWS, parseFingerMinutiaeRecord } from '../../../subgraphs/biometrics/matching/iso19794-2.ts';
import { IsoRecordError } from '../../../subgraphs/biometrics/matching/iso19794-2-types.ts';
import type { IsoFingerMinutiaeRecord, IsoFingerView } from '../../../subgraphs/biometrics/matching/iso19794-2-types.ts';
import { thrown } from './support.ts';

/**
 * An independent byte-level writer (plain arrays, no shared code with the encoder), so property
 * tests check the parser and encoder against the layout, not against each other.
 */
function assemble(r: IsoFingerMinutiaeRecord): Buffer {
  const u16 = (v: number) => [v >> 8, v & 0xff];
  const body: number[] = [];
  for (const v of r.views) {
    body.push(v.fingerPosition, (v.viewNumber << 4) | v.impressionType, v.fingerQuality, v.minutiae.length);
    for (const m of v.minutiae) {
      const typeBits = { OTHER: 0, RIDGE_ENDING: 1, BIFURCATION: 2 }[m.type];
      body.push(...u16((typeBits << 14) | m.x), ...u16(m.y), m.angle, m.quality);
    }
    body.push(...u16(v.extendedData.length), ...v.extendedData);
  }
  const total = 24 + body.length;
  const header = [
    ...Buffer.from('FMR\0 20\0', 'latin1'), (total >>> 24) & 0xff, (total >>> 16) & 0xff, (total >>> 8) & 0xff, total & 0xff,
    ...u16((r.equipmentCertification << 12) | r.captureDeviceTypeId), ...u16(r.imageWidth), ...u16(r.imageHeight),
    ...u16(r.resolutionX), ...u16(r.resolutionY), r.views.length, 0,
  ];
  return Buffer.from([...header, ...body]);
}

const VIEW: IsoFingerView = {
  fingerPosition: 2, viewNumber: 0, impressionType: 0, fingerQuality: 80, extendedData: Buffer.alloc(0),
  minutiae: [
    { type: 'RIDGE_ENDING', x: 100, y: 200, angle: 64, quality: 90 },
    { type: 'BIFURCATION', x: 399, y: 499, angle: 255, quality: 0 },
    { type: 'OTHER', x: 0, y: 0, angle: 0, quality: 100 },
  ],
};
const RECORD: IsoFingerMinutiaeRecord = { equipmentCertification: 0, captureDeviceTypeId: 0, imageWidth: 400, imageHeight: 500, resolutionX: 197, resolutionY: 197, views: [VIEW] };

function codeOf(bytes: Uint8Array, options = {}): string | undefined {
  const error = thrown(() => parseFingerMinutiaeRecord(bytes, options));
  expect(error).toBeInstanceOf(IsoRecordError);
  return error.code;
}

function patched(bytes: Buffer, offset: number, ...values: number[]): Buffer {
  const copy = Buffer.from(bytes);
  values.forEach((value, k) => (copy[offset + k] = value));
  return copy;
}

/** A record whose declared length is corrected after editing. */
function withLength(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  copy.writeUInt32BE(copy.length, 8);
  return copy;
}

describe('parseFingerMinutiaeRecord', () => {
  const bytes = assemble(RECORD);

  it('reads a hand-assembled record field by field', () => {
    expect(parseFingerMinutiaeRecord(bytes)).toEqual(RECORD);
  });

  it('reads the exact bytes of a one-minutia record', () => {
    const fixed = Buffer.from([
      0x46, 0x4d, 0x52, 0x00, 0x20, 0x32, 0x30, 0x00, 0, 0, 0, 36, 0x10, 0x2a, 0x01, 0x90, 0x01, 0xf4, 0, 197, 0, 197, 1, 0,
      7, 0x01, 55, 1, 0x81, 0x2c, 0x00, 0x96, 0x20, 42, 0, 0,
    ]);
    expect(parseFingerMinutiaeRecord(fixed)).toEqual({
      equipmentCertification: 1, captureDeviceTypeId: 0x02a, imageWidth: 400, imageHeight: 500, resolutionX: 197, resolutionY: 197,
      views: [{ fingerPosition: 7, viewNumber: 0, impressionType: 1, fingerQuality: 55, extendedData: Buffer.alloc(0), minutiae: [{ type: 'BIFURCATION', x: 300, y: 150, angle: 32, quality: 42 }] }],
    });
    expect(encodeFingerMinutiaeRecord(parseFingerMinutiaeRecord(fixed))).toEqual(fixed);
  });

  it('keeps a well-formed extended data block byte for byte', () => {
    const ext = Buffer.from([0x00, 0x02, 0x00, 0x07, 0xaa, 0xbb, 0xcc]);
    const record = { ...RECORD, views: [{ ...VIEW, extendedData: ext }] };
    expect(Buffer.from(parseFingerMinutiaeRecord(assemble(record)).views[0]!.extendedData)).toEqual(ext);
  });

  it('accepts a minutia on the last pixel and refuses one a pixel beyond', () => {
    expect(parseFingerMinutiaeRecord(bytes).views[0]?.minutiae[1]).toMatchObject({ x: 399, y: 499 });
    const outside = { ...RECORD, views: [{ ...VIEW, minutiae: [{ type: 'RIDGE_ENDING' as const, x: 400, y: 10, angle: 0, quality: 50 }] }] };
    expect(codeOf(assemble(outside))).toBe('ISO_MINUTIA_OUTSIDE_IMAGE');
    const below = { ...RECORD, views: [{ ...VIEW, minutiae: [{ type: 'RIDGE_ENDING' as const, x: 10, y: 500, angle: 0, quality: 50 }] }] };
    expect(codeOf(assemble(below))).toBe('ISO_MINUTIA_OUTSIDE_IMAGE');
  });

  it('accepts several views of several fingers in sequence', () => {
    const views = [{ ...VIEW }, { ...VIEW, viewNumber: 1 }, { ...VIEW, fingerPosition: 7 }, { ...VIEW, fingerPosition: 0, minutiae: [] }];
    expect(parseFingerMinutiaeRecord(assemble({ ...RECORD, views })).views.map((v) => [v.fingerPosition, v.viewNumber])).toEqual([[2, 0], [2, 1], [7, 0], [0, 0]]);
  });

  it('reports the failing view and minutia, 1-based', () => {
    const views = [VIEW, { ...VIEW, fingerPosition: 3, minutiae: [VIEW.minutiae[0]!, { ...VIEW.minutiae[0]!, quality: 101 }] }];
    const error = thrown(() => parseFingerMinutiaeRecord(assemble({ ...RECORD, views })));
    expect([error.code, error.details?.view, error.details?.minutia]).toEqual(['ISO_MINUTIA_QUALITY_OUT_OF_RANGE', 2, 2]);
  });
});

describe('parseFingerMinutiaeRecord rejects malformed records', () => {
  const bytes = assemble(RECORD);
  const cases: [string, () => Buffer, string][] = [
    ['an empty buffer', () => Buffer.alloc(0), 'ISO_RECORD_TRUNCATED'],
    ['a buffer shorter than the header', () => bytes.subarray(0, 23), 'ISO_RECORD_TRUNCATED'],
    ['the ANSI magic', () => patched(bytes, 0, 0x41), 'ISO_FORMAT_IDENTIFIER_INVALID'],
    ['another version', () => patched(bytes, 4, 0x30, 0x33, 0x30), 'ISO_VERSION_UNSUPPORTED'],
    ['a declared length one byte too long', () => patched(bytes, 11, bytes.length + 1), 'ISO_RECORD_LENGTH_MISMATCH'],
    ['a record cut short (length field unchanged)', () => bytes.subarray(0, bytes.length - 1), 'ISO_RECORD_LENGTH_MISMATCH'],
    ['minutiae missing behind a consistent length', () => withLength(bytes.subarray(0, bytes.length - 8)), 'ISO_RECORD_TRUNCATED'],
    ['a byte after the last view', () => withLength(Buffer.concat([bytes, Buffer.from([0])])), 'ISO_TRAILING_BYTES'],
    ['a zero image width', () => patched(bytes, 14, 0, 0), 'ISO_IMAGE_SIZE_INVALID'],
    ['a zero Y resolution', () => patched(bytes, 20, 0, 0), 'ISO_RESOLUTION_INVALID'],
    ['zero finger views', () => patched(bytes, 22, 0), 'ISO_NO_FINGER_VIEWS'],
    ['177 finger views', () => patched(bytes, 22, MAX_FINGER_VIEWS + 1), 'ISO_TOO_MANY_FINGER_VIEWS'],
    ['a non-zero header reserved byte', () => patched(bytes, 23, 1), 'ISO_RESERVED_NOT_ZERO'],
    ['finger position 11', () => patched(bytes, 24, 11), 'ISO_FINGER_POSITION_OUT_OF_RANGE'],
    ['a first view numbered 1', () => patched(bytes, 25, 0x10), 'ISO_VIEW_NUMBER_OUT_OF_SEQUENCE'],
    ['impression type 4', () => patched(bytes, 25, 0x04), 'ISO_IMPRESSION_TYPE_INVALID'],
    ['finger quality 101', () => patched(bytes, 26, 101), 'ISO_FINGER_QUALITY_OUT_OF_RANGE'],
    ['a minutia count beyond the data', () => patched(bytes, 27, 9), 'ISO_RECORD_TRUNCATED'],
    ['minutia type bits 11', () => patched(bytes, 28, 0xc0), 'ISO_MINUTIA_TYPE_INVALID'],
    ['minutia reserved bits set', () => patched(bytes, 30, 0x40), 'ISO_RESERVED_NOT_ZERO'],
    ['minutia quality 101', () => patched(bytes, 33, 101), 'ISO_MINUTIA_QUALITY_OUT_OF_RANGE'],
    ['an extended data length beyond the record', () => patched(bytes, bytes.length - 2, 0, 5), 'ISO_RECORD_TRUNCATED'],
  ];
  for (const [name, make, code] of cases) {
    it(`rejects ${name} with ${code}`, () => {
      expect(codeOf(make())).toBe(code);
    });
  }

  it('rejects a repeated view of the same finger', () => {
    expect(codeOf(assemble({ ...RECORD, views: [VIEW, VIEW] }))).toBe('ISO_VIEW_NUMBER_OUT_OF_SEQUENCE');
  });

  it('rejects an extended data area whose length overruns its block', () => {
    const record = { ...RECORD, views: [{ ...VIEW, extendedData: Buffer.from([0x00, 0x01, 0x00, 0x09, 0xaa]) }] };
    expect(codeOf(assemble(record))).toBe('ISO_EXTENDED_DATA_MALFORMED');
  });

  it('applies a stricter policy limit on views', () => {
    const views = [VIEW, { ...VIEW, fingerPosition: 3 }, { ...VIEW, fingerPosition: 4 }];
    expect(parseFingerMinutiaeRecord(assemble({ ...RECORD, views }), { maxFingerViews: 3 }).views).toHaveLength(3);
    expect(codeOf(assemble({ ...RECORD, views }), { maxFingerViews: 2 })).toBe('ISO_TOO_MANY_FINGER_VIEWS');
  });

  it('gives the offset of the offending byte', () => {
    expect(thrown(() => parseFingerMinutiaeRecord(patched(bytes, 26, 101))).details?.offset).toBe(24);
  });
});

describe('encodeFingerMinutiaeRecord', () => {
  it('writes the same bytes as the reference layout', () => {
    expect(encodeFingerMinutiaeRecord(RECORD)).toEqual(assemble(RECORD));
  });

  it('refuses a coordinate that does not fit 14 bits', () => {
    const record = { ...RECORD, imageWidth: 20_000, views: [{ ...VIEW, minutiae: [{ ...VIEW.minutiae[0]!, x: 16_384 }] }] };
    expect(thrown(() => encodeFingerMinutiaeRecord(record)).code).toBe('ISO_FIELD_OUT_OF_RANGE');
  });

  it('refuses a fractional angle', () => {
    const record = { ...RECORD, views: [{ ...VIEW, minutiae: [{ ...VIEW.minutiae[0]!, angle: 1.5 }] }] };
    expect(thrown(() => encodeFingerMinutiaeRecord(record)).details).toMatchObject({ field: 'angle' });
  });

  it('refuses to write what the parser would reject', () => {
    expect(thrown(() => encodeFingerMinutiaeRecord({ ...RECORD, views: [{ ...VIEW, fingerQuality: 150 }] })).code).toBe('ISO_FINGER_QUALITY_OUT_OF_RANGE');
    expect(thrown(() => encodeFingerMinutiaeRecord({ ...RECORD, views: [] })).code).toBe('ISO_NO_FINGER_VIEWS');
  });

  it('refuses an unknown minutia type', () => {
    const record = { ...RECORD, views: [{ ...VIEW, minutiae: [{ ...VIEW.minutiae[0]!, type: 'DOT' as 'OTHER' }] }] };
    expect(thrown(() => encodeFingerMinutiaeRecord(record)).code).toBe('ISO_MINUTIA_TYPE_INVALID');
  });
});

describe('ISO records, property-based', () => {
  const recordArbitrary = fc
    .record({
      width: fc.integer({ min: 1, max: 2000 }),
      height: fc.integer({ min: 1, max: 2000 }),
      resolutionX: fc.integer({ min: 1, max: 0xffff }),
      resolutionY: fc.integer({ min: 1, max: 0xffff }),
      equipmentCertification: fc.integer({ min: 0, max: 15 }),
      captureDeviceTypeId: fc.integer({ min: 0, max: 0xfff }),
      views: fc.array(
        fc.record({
          fingerPosition: fc.integer({ min: 0, max: 10 }),
          gap: fc.integer({ min: 0, max: 2 }),
          impressionType: fc.constantFrom(0, 1, 2, 3, 8, 9),
          fingerQuality: fc.integer({ min: 0, max: 100 }),
          minutiae: fc.array(
            fc.record({
              type: fc.constantFrom('RIDGE_ENDING' as const, 'BIFURCATION' as const, 'OTHER' as const),
              fx: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
              fy: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
              angle: fc.integer({ min: 0, max: 255 }),
              quality: fc.integer({ min: 0, max: 100 }),
            }),
            { maxLength: 30 },
          ),
          extended: fc.option(fc.record({ typeId: fc.integer({ min: 0, max: 0xffff }), data: fc.uint8Array({ maxLength: 12 }) }), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
    })
    .map((g): IsoFingerMinutiaeRecord => {
      const next = new Map<number, number>();
      const views = g.views
        .map((v) => {
          const first = !next.has(v.fingerPosition);
          const viewNumber = first ? 0 : next.get(v.fingerPosition)! + v.gap;
          if (viewNumber > 15) return undefined;
          next.set(v.fingerPosition, viewNumber + 1);
          const ext = v.extended ? Buffer.concat([Buffer.from([v.extended.typeId >> 8, v.extended.typeId & 0xff, 0, 4 + v.extended.data.length]), Buffer.from(v.extended.data)]) : Buffer.alloc(0);
          return {
            fingerPosition: v.fingerPosition, viewNumber, impressionType: v.impressionType, fingerQuality: v.fingerQuality, extendedData: ext,
            minutiae: v.minutiae.map((m) => ({ type: m.type, x: Math.floor(m.fx * g.width), y: Math.floor(m.fy * g.height), angle: m.angle, quality: m.quality })),
          };
        })
        .filter((v) => v !== undefined);
      return { equipmentCertification: g.equipmentCertification, captureDeviceTypeId: g.captureDeviceTypeId, imageWidth: g.width, imageHeight: g.height, resolutionX: g.resolutionX, resolutionY: g.resolutionY, views };
    });

  it('encode(parse(x)) reproduces x byte for byte', () => {
    fc.assert(
      fc.property(recordArbitrary, (record) => {
        const bytes = assemble(record);
        expect(encodeFingerMinutiaeRecord(parseFingerMinutiaeRecord(bytes)).equals(bytes)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('parse recovers every field the layout writes', () => {
    fc.assert(
      fc.property(recordArbitrary, (record) => {
        const parsed = parseFingerMinutiaeRecord(assemble(record));
        expect({ ...parsed, views: parsed.views.map((v) => ({ ...v, extendedData: Buffer.from(v.extendedData) })) }).toEqual(record);
      }),
      { numRuns: 300 },
    );
  });

  it('any single-byte corruption either still parses or fails with a typed error', () => {
    fc.assert(
      fc.property(recordArbitrary, fc.nat(), fc.integer({ min: 1, max: 255 }), (record, at, xor) => {
        const bytes = assemble(record);
        const index = at % bytes.length;
        const corrupt = Buffer.from(bytes);
        corrupt[index] = corrupt[index]! ^ xor;
        try {
          parseFingerMinutiaeRecord(corrupt);
        } catch (error) {
          expect(error).toBeInstanceOf(IsoRecordError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every truncation fails with a typed error', () => {
    fc.assert(
      fc.property(recordArbitrary, fc.nat(), (record, cut) => {
        const bytes = assemble(record);
        expect(thrown(() => parseFingerMinutiaeRecord(bytes.subarray(0, cut % bytes.length)))).toBeInstanceOf(IsoRecordError);
      }),
      { numRuns: 200 },
    );
  });
});

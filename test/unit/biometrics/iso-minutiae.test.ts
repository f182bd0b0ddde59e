import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoMinutiae, matcherMinutiae } from '../../../subgraphs/biometrics/matching/iso-minutiae.ts';
import type { IsoFingerMinutiaeRecord, IsoMinutia } from '../../../subgraphs/biometrics/matching/iso19794-2-types.ts';

function record(minutiae: IsoMinutia[], resolution = 197): IsoFingerMinutiaeRecord {
  return {
    equipmentCertification: 0, captureDeviceTypeId: 0, imageWidth: 4000, imageHeight: 4000, resolutionX: resolution, resolutionY: resolution,
    views: [{ fingerPosition: 1, viewNumber: 0, impressionType: 0, fingerQuality: 70, extendedData: Buffer.alloc(0), minutiae }],
  };
}

function convert(minutiae: IsoMinutia[], resolution = 197) {
  const r = record(minutiae, resolution);
  return matcherMinutiae(r, r.views[0]!);
}

describe('matcherMinutiae', () => {
  it('turns an ISO angle pointing up the screen (64 units = 90° counter-clockwise) into 270° towards −y', () => {
    expect(convert([{ type: 'RIDGE_ENDING', x: 10, y: 10, angle: 64, quality: 50 }])[0]?.angle).toBeCloseTo(270, 10);
  });

  it('keeps angle 0 (pointing right) at 0°', () => {
    expect(convert([{ type: 'RIDGE_ENDING', x: 10, y: 10, angle: 0, quality: 50 }])[0]?.angle).toBe(0);
  });

  it('scales a 1000 ppi record (394 px/cm) to 500 ppi pixels', () => {
    const [m] = convert([{ type: 'BIFURCATION', x: 1000, y: 500, angle: 0, quality: 50 }], 394);
    expect(m?.x).toBeCloseTo((1000 * 500) / 2.54 / 394, 6);
    expect(m?.y).toBeCloseTo(m!.x / 2, 6);
  });

  it('leaves a 197 px/cm record within a pixel of its coordinates', () => {
    const [m] = convert([{ type: 'BIFURCATION', x: 399, y: 499, angle: 0, quality: 50 }]);
    expect(Math.abs(m!.x - 399)).toBeLessThan(1);
    expect(Math.abs(m!.y - 499)).toBeLessThan(1);
  });
});

describe('isoMinutiae', () => {
  it('is the inverse of matcherMinutiae for values on the ISO grid', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ type: fc.constantFrom('RIDGE_ENDING' as const, 'BIFURCATION' as const, 'OTHER' as const), x: fc.integer({ min: 0, max: 3999 }), y: fc.integer({ min: 0, max: 3999 }), angle: fc.integer({ min: 0, max: 255 }), quality: fc.constant(60) }), { maxLength: 20 }),
        (minutiae) => {
          expect(isoMinutiae(convert(minutiae))).toEqual(minutiae);
        },
      ),
    );
  });

  it('keeps a point rounded up onto the image edge inside the image', () => {
    expect(isoMinutiae([{ type: 'OTHER', x: 399.7, y: 499.9, angle: 0 }], { imageWidth: 400, imageHeight: 500 })[0]).toMatchObject({ x: 399, y: 499 });
    expect(isoMinutiae([{ type: 'OTHER', x: -0.2, y: 3, angle: 0 }], { imageWidth: 400, imageHeight: 500 })[0]).toMatchObject({ x: 0, y: 3 });
  });

  it('wraps an angle just below 360° to ISO unit 0', () => {
    expect(isoMinutiae([{ type: 'OTHER', x: 1, y: 1, angle: 359.5 }])[0]?.angle).toBe(0);
  });
});

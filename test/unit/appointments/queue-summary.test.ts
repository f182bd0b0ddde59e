/** Daily queue figures and nearest-rank percentiles. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailySummary, nearestRankPercentile, walkIn } from '../../../subgraphs/appointments/rules/index.ts';
import type { QueueEntry } from '../../../subgraphs/appointments/rules/index.ts';

const t = (hhmm: string) => new Date(`2026-03-09T${hhmm}:00Z`);

describe('nearestRankPercentile', () => {
  it('matches the textbook nearest-rank examples', () => {
    const five = [15, 20, 35, 40, 50];
    expect([5, 30, 40, 50, 100].map((p) => nearestRankPercentile(five, p))).toEqual([15, 20, 20, 35, 50]);
    const ten = [3, 6, 7, 8, 8, 10, 13, 15, 16, 20];
    expect([25, 50, 75, 90, 100].map((p) => nearestRankPercentile(ten, p))).toEqual([7, 8, 15, 16, 20]);
  });

  it('at n = 1 every percentile is the single value', () => {
    expect([1, 50, 90, 100].map((p) => nearestRankPercentile([7], p))).toEqual([7, 7, 7, 7]);
  });

  it('at n = 2 the median is the lower value and P90 the upper', () => {
    expect(nearestRankPercentile([9, 4], 50)).toBe(4);
    expect(nearestRankPercentile([9, 4], 90)).toBe(9);
  });

  it('at n = 3 the median is the middle value and P90 the largest', () => {
    expect(nearestRankPercentile([30, 10, 20], 50)).toBe(20);
    expect(nearestRankPercentile([30, 10, 20], 90)).toBe(30);
  });

  it('does not round p·n up by floating-point error (P7 of 100 values is the 7th)', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(nearestRankPercentile(hundred, 7)).toBe(7);
    expect(nearestRankPercentile(hundred, 57)).toBe(57);
  });

  it('is null for an empty sample and refuses p outside (0, 100]', () => {
    expect(nearestRankPercentile([], 50)).toBeNull();
    expect(() => nearestRankPercentile([1], 0)).toThrow(RangeError);
    expect(() => nearestRankPercentile([1], 101)).toThrow(RangeError);
  });

  it('returns the smallest sample value with at least p % of the sample at or below it', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 100 }), (values, p) => {
      const r = nearestRankPercentile(values, p)!;
      const atOrBelow = values.filter((v) => v <= r).length;
      const below = values.filter((v) => v < r).length;
      return values.includes(r) && atOrBelow * 100 >= p * values.length && below * 100 < p * values.length;
    }));
  });
});

describe('dailySummary', () => {
  const booked = (start: string): QueueEntry => ({ status: 'BOOKED', bookedFor: t(start), checkedInAt: null, calledAt: null, servedAt: null });
  const served = (start: string, inAt: string, calledAt: string, servedAt: string): QueueEntry => ({
    status: 'SERVED', bookedFor: t(start), checkedInAt: t(inAt), calledAt: t(calledAt), servedAt: t(servedAt),
  });

  it('counts outcomes and walk-ins', () => {
    const day: QueueEntry[] = [
      served('15:00', '14:50', '15:00', '15:20'),
      served('15:20', '15:15', '15:30', '15:45'),
      { ...booked('16:00'), status: 'NO_SHOW' },
      { ...booked('16:20'), status: 'CANCELLED' },
      { ...walkIn(t('16:05')), status: 'SERVED', calledAt: t('16:35'), servedAt: t('16:50') },
      walkIn(t('17:00')),
    ];
    expect(dailySummary(day)).toMatchObject({ served: 3, noShows: 1, cancelled: 1, walkIns: 2 });
  });

  it('measures waiting from check-in to call and service from call to end, nearest rank', () => {
    const day: QueueEntry[] = [
      served('15:00', '14:50', '15:00', '15:20'), // waits 10, served 20
      served('15:20', '15:15', '15:30', '15:45'), // waits 15, served 15
      { ...walkIn(t('16:05')), status: 'SERVED', calledAt: t('16:35'), servedAt: t('16:50') }, // waits 30, served 15
      { ...walkIn(t('16:40')), status: 'CALLED', calledAt: t('16:45') }, // waits 5, still at the window
    ];
    expect(dailySummary(day)).toMatchObject({
      waitingMinutesP50: 10, waitingMinutesP90: 30, serviceMinutesP50: 15, waitingSamples: 4, serviceSamples: 3,
    });
  });

  it('keeps fractional minutes unrounded', () => {
    const entry: QueueEntry = { status: 'CALLED', bookedFor: null, checkedInAt: t('10:00'), calledAt: new Date('2026-03-09T10:02:30Z'), servedAt: null };
    expect(dailySummary([entry]).waitingMinutesP50).toBe(2.5);
  });

  it('leaves out timestamps in the wrong order and counts them', () => {
    const broken = served('15:00', '15:10', '15:00', '15:20'); // called before check-in
    expect(dailySummary([broken])).toMatchObject({ waitingSamples: 0, serviceSamples: 1, inconsistentTimings: 1, waitingMinutesP50: null });
  });

  it('gives nulls, not zeros, for a day nobody was called', () => {
    expect(dailySummary([booked('15:00'), walkIn(t('15:05'))])).toEqual({
      served: 0, noShows: 0, walkIns: 1, cancelled: 0,
      waitingMinutesP50: null, waitingMinutesP90: null, serviceMinutesP50: null,
      waitingSamples: 0, serviceSamples: 0, inconsistentTimings: 0,
    });
  });
});

/** Seats in 5-minute units: what a booking takes, what a reschedule nets out, what is still free. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppointmentRuleError, freeSeats, seatChanges, seatUnits } from '../../../subgraphs/appointments/rules/index.ts';

const at = (hhmm: string) => new Date(`2026-03-09T${hhmm}:00Z`);
const slot = (from: string, to: string) => ({ startsAt: at(from), endsAt: at(to) });
const iso = (dates: Date[]) => dates.map((d) => d.toISOString().slice(11, 16));

describe('seatUnits', () => {
  it('covers a 15-minute slot with three units, from its start up to (not including) its end', () => {
    expect(iso(seatUnits(slot('16:00', '16:15')))).toEqual(['16:00', '16:05', '16:10']);
  });

  it('refuses an interval off the 5-minute grid with SLOT_UNIT_MISALIGNED', () => {
    expect(() => seatUnits(slot('16:02', '16:17'))).toThrow(AppointmentRuleError);
    expect(() => seatUnits({ startsAt: at('16:00'), endsAt: new Date(at('16:15').getTime() + 1) })).toThrow(/5-minute boundary/);
  });

  it('refuses an empty or reversed interval', () => {
    expect(() => seatUnits(slot('16:00', '16:00'))).toThrow(AppointmentRuleError);
    expect(() => seatUnits(slot('16:15', '16:00'))).toThrow(AppointmentRuleError);
  });
});

describe('seatChanges', () => {
  it('takes one seat per unit for a booking, in ascending order', () => {
    expect(seatChanges({ take: slot('16:00', '16:15') }).map((c) => [c.unit.toISOString().slice(11, 16), c.delta]))
      .toEqual([['16:00', 1], ['16:05', 1], ['16:10', 1]]);
  });

  it('gives every unit back for a cancellation', () => {
    expect(seatChanges({ release: slot('16:00', '16:10') }).map((c) => c.delta)).toEqual([-1, -1]);
  });

  it('nets out the units a reschedule keeps, and orders the rest by time whatever the direction', () => {
    const later = seatChanges({ release: slot('16:00', '16:20'), take: slot('16:10', '16:30') });
    expect(later.map((c) => [c.unit.toISOString().slice(11, 16), c.delta])).toEqual([['16:00', -1], ['16:05', -1], ['16:20', 1], ['16:25', 1]]);
    const earlier = seatChanges({ release: slot('16:10', '16:30'), take: slot('16:00', '16:20') });
    expect(earlier.map((c) => [c.unit.toISOString().slice(11, 16), c.delta])).toEqual([['16:00', 1], ['16:05', 1], ['16:20', -1], ['16:25', -1]]);
  });

  it('changes nothing when a reschedule keeps the same slot', () => {
    expect(seatChanges({ release: slot('16:00', '16:20'), take: slot('16:00', '16:20') })).toEqual([]);
  });

  it('always lists each unit once, strictly ascending (the lock order)', () => {
    const interval = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 12 }))
      .map(([start, length]) => ({ startsAt: new Date(start * 300_000), endsAt: new Date((start + length) * 300_000) }));
    fc.assert(fc.property(fc.option(interval, { nil: undefined }), fc.option(interval, { nil: undefined }), (release, take) => {
      const units = seatChanges({ release, take }).map((c) => c.unit.getTime());
      return units.every((u, i) => i === 0 || u > units[i - 1]!);
    }));
  });
});

describe('freeSeats', () => {
  const counts = (entries: Array<[string, number, number]>) => new Map(entries.map(([hhmm, capacity, booked]) => [at(hhmm).getTime(), { capacity, booked }]));

  it('has every window free where nobody has booked', () => {
    expect(freeSeats(slot('16:00', '16:20'), new Map(), 3)).toBe(3);
  });

  it('is the fewest free seats over the slot’s units: a longer appointment started earlier still holds its window', () => {
    // A 40-minute appointment from 15:50 holds one of two windows until 16:30.
    const held = counts([['16:00', 2, 1], ['16:05', 2, 1], ['16:10', 2, 2], ['16:15', 2, 1]]);
    expect(freeSeats(slot('16:00', '16:20'), held, 2)).toBe(0);
    expect(freeSeats(slot('16:00', '16:10'), held, 2)).toBe(1);
  });

  it('uses the capacity a unit was created with', () => {
    expect(freeSeats(slot('16:00', '16:05'), counts([['16:00', 4, 1]]), 2)).toBe(3);
  });

  it('never reports fewer than zero', () => {
    expect(freeSeats(slot('16:00', '16:05'), counts([['16:00', 1, 3]]), 1)).toBe(0);
  });
});

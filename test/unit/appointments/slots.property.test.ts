/** Properties of generated slots, checked with Intl (not luxon) and plain arithmetic. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoWeekday, OpeningInterval, WeeklyOpeningHours } from '../../../subgraphs/appointments/reference/index.ts';
import { generateSlots } from '../../../subgraphs/appointments/rules/index.ts';
import { wallClock } from './support.ts';

const DST_ZONES = ['America/Los_Angeles', 'Europe/Madrid', 'Australia/Sydney', 'America/Santiago', 'America/Tijuana', 'America/Ciudad_Juarez', 'Pacific/Chatham'];
const FIXED_ZONES = ['America/Phoenix', 'America/Mexico_City', 'Asia/Tokyo', 'America/Bogota', 'America/Hermosillo'];

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const isoWeekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** Up to two non-overlapping intervals a day, on a 5-minute grid, any time of day (so DST changes fall inside). */
const dayHours = fc.uniqueArray(fc.integer({ min: 0, max: 287 }), { minLength: 0, maxLength: 4 })
  .map((marks): OpeningInterval[] => {
    const sorted = [...marks].sort((a, b) => a - b);
    const intervals: OpeningInterval[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) intervals.push({ opens: clock(sorted[i]! * 5), closes: clock(sorted[i + 1]! * 5) });
    return intervals;
  });
const weeklyHours = fc.array(dayHours, { minLength: 7, maxLength: 7 })
  .map((days): WeeklyOpeningHours => Object.fromEntries(days.map((d, i) => [i + 1, d]).filter(([, d]) => (d as OpeningInterval[]).length > 0)));
/** Ranges that include every 2026–2027 DST change date with fair probability. */
const rangeStart = fc.oneof(
  fc.integer({ min: 0, max: 720 }).map((n) => plusDays('2026-01-01', n)),
  fc.constantFrom('2026-03-05', '2026-03-27', '2026-04-02', '2026-09-24', '2026-10-01', '2026-10-22', '2026-10-29', '2027-03-11'),
);
const scenario = (zones: string[]) => fc.record({
  timeZone: fc.constantFrom(...zones),
  hours: weeklyHours,
  duration: fc.integer({ min: 10, max: 180 }),
  from: rangeStart,
  span: fc.integer({ min: 0, max: 9 }),
  holidayOffsets: fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { maxLength: 3 }),
});

function run(s: { timeZone: string; hours: WeeklyOpeningHours; duration: number; from: string; span: number; holidayOffsets: number[] }) {
  const to = plusDays(s.from, s.span);
  const holidays = s.holidayOffsets.map((n) => plusDays(s.from, n));
  const slots = generateSlots({
    office: { id: 'P', timeZone: s.timeZone, openingHours: s.hours, advisoryWindows: 3, holidays },
    service: { code: 'S', durationMinutes: s.duration }, from: s.from, to,
  });
  return { slots, to, holidays };
}

/** Grid starts of one local date: every `duration` from each opening while the slot fits. */
function gridCount(hours: WeeklyOpeningHours, date: string, duration: number): number {
  return (hours[isoWeekday(date) as IsoWeekday] ?? [])
    .reduce((n, { opens, closes }) => n + Math.floor((toMinutes(closes) - toMinutes(opens)) / duration), 0);
}

describe('generated slots', () => {
  it('read, through Intl, as their local date and times, last exactly the duration and lie on the opening grid', () => {
    fc.assert(fc.property(scenario([...DST_ZONES, ...FIXED_ZONES]), (s) => {
      const { slots, to, holidays } = run(s);
      for (const slot of slots) {
        const start = wallClock(slot.startsAt, s.timeZone);
        const end = wallClock(slot.endsAt, s.timeZone);
        expect([start.date, start.time], slot.key).toEqual([slot.localDate, slot.localStartTime]);
        expect([end.date, end.time], slot.key).toEqual([slot.localDate, slot.localEndTime]);
        expect(slot.endsAt.getTime() - slot.startsAt.getTime()).toBe(s.duration * 60_000);
        expect(slot.localDate >= s.from && slot.localDate <= to && !holidays.includes(slot.localDate)).toBe(true);
        const interval = (s.hours[isoWeekday(slot.localDate) as IsoWeekday] ?? [])
          .find(({ opens, closes }) => toMinutes(opens) <= toMinutes(slot.localStartTime) && toMinutes(slot.localEndTime) <= toMinutes(closes));
        expect(interval, slot.key).toBeDefined();
        expect((toMinutes(slot.localStartTime) - toMinutes(interval!.opens)) % s.duration).toBe(0);
        expect(slot.capacity).toBe(3);
      }
    }), { numRuns: 150 });
  });

  it('never overlap and come in start order with unique keys', () => {
    fc.assert(fc.property(scenario([...DST_ZONES, ...FIXED_ZONES]), (s) => {
      const { slots } = run(s);
      for (let i = 1; i < slots.length; i += 1) expect(slots[i]!.startsAt.getTime()).toBeGreaterThanOrEqual(slots[i - 1]!.endsAt.getTime());
      expect(new Set(slots.map((x) => x.key)).size).toBe(slots.length);
    }), { numRuns: 150 });
  });

  it('in zones without DST, fill every open non-holiday day completely', () => {
    fc.assert(fc.property(scenario(FIXED_ZONES), (s) => {
      const { slots, holidays } = run(s);
      for (let n = 0; n <= s.span; n += 1) {
        const date = plusDays(s.from, n);
        const expected = holidays.includes(date) ? 0 : gridCount(s.hours, date, s.duration);
        expect(slots.filter((x) => x.localDate === date), date).toHaveLength(expected);
      }
    }), { numRuns: 150 });
  });

  it('in DST zones, fill every day whose UTC offset does not change completely, and lose slots only on change days', () => {
    fc.assert(fc.property(scenario(DST_ZONES), (s) => {
      const { slots, holidays } = run(s);
      for (let n = 0; n <= s.span; n += 1) {
        const date = plusDays(s.from, n);
        const expected = holidays.includes(date) ? 0 : gridCount(s.hours, date, s.duration);
        const got = slots.filter((x) => x.localDate === date).length;
        const noon = (d: string) => wallClock(new Date(`${d}T12:00:00Z`), s.timeZone).offsetMinutes;
        if (noon(plusDays(date, -1)) === noon(plusDays(date, 1))) expect(got, date).toBe(expected);
        else expect(got, date).toBeLessThanOrEqual(expected);
      }
    }), { numRuns: 150 });
  });
});

/** Local dates and wall-clock resolution in IANA zones. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AppointmentRuleError, formatUtcOffset, isSameLocalDay, localDateOf, parseClock, resolveLocalTime,
} from '../../../subgraphs/appointments/rules/index.ts';
import { wallClock } from './support.ts';

const ZONES = ['America/Los_Angeles', 'Europe/Madrid', 'Australia/Sydney', 'America/Phoenix', 'America/Mexico_City', 'Asia/Kolkata', 'Pacific/Chatham'];

describe('localDateOf', () => {
  it('reads the date in the office zone, not in UTC', () => {
    expect(localDateOf(new Date('2026-03-09T06:59:00Z'), 'America/Los_Angeles')).toBe('2026-03-08');
    expect(localDateOf(new Date('2026-03-09T07:00:00Z'), 'America/Los_Angeles')).toBe('2026-03-09');
    expect(localDateOf(new Date('2026-06-01T13:59:00Z'), 'Australia/Sydney')).toBe('2026-06-01');
    expect(localDateOf(new Date('2026-06-01T14:00:00Z'), 'Australia/Sydney')).toBe('2026-06-02');
  });

  it('agrees with Intl for any instant in 2026–2027 and any zone', () => {
    fc.assert(fc.property(
      fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) }), fc.constantFrom(...ZONES),
      (ms, zone) => localDateOf(new Date(ms), zone) === wallClock(new Date(ms), zone).date,
    ));
  });

  it('refuses an unknown zone with OFFICE_TIME_ZONE_INVALID', () => {
    expect(() => localDateOf(new Date(0), 'Nowhere/City')).toThrow(AppointmentRuleError);
  });
});

describe('isSameLocalDay', () => {
  it('separates instants on one UTC day that fall on two local days', () => {
    const evening = new Date('2026-03-10T05:00:00Z'); // 22:00 on the 9th in Los Angeles
    const morning = new Date('2026-03-10T16:00:00Z');
    expect(isSameLocalDay(evening, morning, 'America/Los_Angeles')).toBe(false);
    expect(isSameLocalDay(evening, morning, 'Europe/Madrid')).toBe(true);
  });

  it('joins instants on two UTC days that fall on one local day', () => {
    expect(isSameLocalDay(new Date('2026-03-09T16:00:00Z'), new Date('2026-03-10T06:30:00Z'), 'America/Los_Angeles')).toBe(true);
  });
});

describe('resolveLocalTime', () => {
  it('returns null inside the spring-forward gap', () => {
    expect(resolveLocalTime('2026-03-08', 2 * 60 + 30, 'America/Los_Angeles')).toBeNull();
    expect(resolveLocalTime('2026-03-29', 2 * 60, 'Europe/Madrid')).toBeNull();
    expect(resolveLocalTime('2026-10-04', 2 * 60 + 59, 'Australia/Sydney')).toBeNull();
  });

  it('returns the first occurrence inside the fall-back overlap', () => {
    expect(resolveLocalTime('2026-11-01', 90, 'America/Los_Angeles')?.toISOString()).toBe('2026-11-01T08:30:00.000Z');
    expect(resolveLocalTime('2026-10-25', 2 * 60 + 30, 'Europe/Madrid')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(resolveLocalTime('2026-04-05', 2 * 60 + 30, 'Australia/Sydney')?.toISOString()).toBe('2026-04-04T15:30:00.000Z');
  });

  it('round-trips through Intl for random quarter hours of 2026 in several zones', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 364 }), fc.integer({ min: 0, max: 95 }), fc.constantFrom(...ZONES),
      (dayOfYear, quarter, zone) => resolvesLikeIntl(new Date(Date.UTC(2026, 0, 1 + dayOfYear)).toISOString().slice(0, 10), quarter * 15, zone),
    ), { numRuns: 300 });
  });

  it('round-trips through Intl for every quarter hour of the 2026 transition days', () => {
    const transitionDays = ['2026-03-08', '2026-11-01', '2026-03-29', '2026-10-25', '2026-04-05', '2026-10-04', '2026-09-27'];
    const failures: string[] = [];
    for (const zone of ZONES) {
      for (const date of transitionDays) {
        for (let minutes = 0; minutes < 1440; minutes += 15) if (!resolvesLikeIntl(date, minutes, zone)) failures.push(`${zone} ${date} ${minutes}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

/**
 * resolveLocalTime(date, minutes, zone) reads back as that wall time and is its first
 * occurrence; or it is null and no instant within 15 h reads as that wall time.
 */
function resolvesLikeIntl(date: string, minutes: number, zone: string): boolean {
  const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const reads = (t: number) => {
    const wall = wallClock(new Date(t), zone);
    return wall.date === date && wall.time === hhmm;
  };
  const instant = resolveLocalTime(date, minutes, zone);
  if (instant === null) {
    const probe = Date.parse(`${date}T${hhmm}:00Z`);
    for (let t = probe - 15 * 3_600_000; t <= probe + 15 * 3_600_000; t += 15 * 60_000) if (reads(t)) return false;
    return true;
  }
  const t = instant.getTime();
  return reads(t) && !reads(t - 3_600_000) && !reads(t - 1_800_000);
}

describe('clock and offset formats', () => {
  it('parses HH:mm and rejects anything else', () => {
    expect(parseClock('00:00')).toBe(0);
    expect(parseClock('23:59')).toBe(1439);
    for (const bad of ['24:00', '8:00', '08:60', '08:00:00', '']) expect(parseClock(bad), bad).toBeNull();
  });

  it('formats offsets with sign, hours and minutes', () => {
    expect(formatUtcOffset(-420)).toBe('-07:00');
    expect(formatUtcOffset(0)).toBe('+00:00');
    expect(formatUtcOffset(330)).toBe('+05:30');
    expect(formatUtcOffset(765)).toBe('+12:45');
  });
});

/**
 * Wall-clock time in an office's IANA zone. luxon supplies the zone's offsets; the choice of
 * instant for a local time is made here, explicitly, because luxon resolves an ambiguous
 * fall-back time to the *second* occurrence and silently moves a spring-forward gap time later.
 */
import { IANAZone } from 'luxon';
import { AppointmentRuleError } from './errors.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Zones already checked: `isValidZone` builds an Intl.DateTimeFormat on every call (≈ 0.5 % of the
 * appointments subgraph's busy time on the window view, `npm run bench -- --profile subgraphs`),
 * and offices name a handful of zones. Bounded, in case zone names ever come from input.
 */
const checkedZones = new Map<string, IANAZone>();

function zone(timeZone: string): IANAZone {
  const checked = checkedZones.get(timeZone);
  if (checked) return checked;
  if (!IANAZone.isValidZone(timeZone)) {
    throw new AppointmentRuleError('OFFICE_TIME_ZONE_INVALID', `Unknown IANA time zone '${timeZone}'`, { timeZone });
  }
  const known = IANAZone.create(timeZone);
  if (checkedZones.size < 512) checkedZones.set(timeZone, known);
  return known;
}

/** Throws OFFICE_TIME_ZONE_INVALID unless `timeZone` is a known IANA zone. */
export function assertTimeZone(timeZone: string): void {
  zone(timeZone);
}

/** Minutes after midnight of an 'HH:mm' clock time (00:00–23:59), or null when malformed. */
export function parseClock(value: string): number | null {
  const match = CLOCK.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** 'HH:mm' for minutes after midnight (0–1439). */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** An offset in minutes as '+HH:MM' / '-HH:MM'. */
export function formatUtcOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The zone's UTC offset, in minutes, at an instant. */
export function utcOffsetMinutes(instant: Date, timeZone: string): number {
  return zone(timeZone).offset(instant.getTime());
}

/** An instant together with the zone's UTC offset (minutes) in force at it. */
export interface ResolvedLocalTime {
  instant: Date;
  offsetMinutes: number;
}

/**
 * A resolver for wall-clock times (minutes after midnight, 0–1439) on one local date in
 * `timeZone`:
 * - a time that does not exist (skipped by a spring-forward change) gives null;
 * - a time that exists twice (repeated by a fall-back change) gives the first occurrence, i.e.
 *   the one still on the earlier (pre-change) offset.
 * The zone is consulted twice per date; only a date next to a change checks each time, because
 * zone look-ups go through Intl and cost ~0.1 ms each. Assumes no zone changes offset twice
 * within three days (true of every zone in tzdata since 1950 or so).
 */
export function localDayResolver(localDate: string, timeZone: string): (minutesAfterMidnight: number) => ResolvedLocalTime | null {
  const tz = zone(timeZone);
  const [year, month, day] = localDate.split('-').map(Number) as [number, number, number];
  const midnightAsUtc = Date.UTC(year, month - 1, day);
  // Any instant of this local date lies within 14 h of its wall time read as UTC, so the offsets
  // a day before and two days after bracket every offset that can apply.
  const before = tz.offset(midnightAsUtc - DAY_MS);
  const after = tz.offset(midnightAsUtc + 2 * DAY_MS);
  if (before === after) {
    return (minutes) => ({ instant: new Date(midnightAsUtc + (minutes - before) * MINUTE_MS), offsetMinutes: before });
  }
  return (minutes) => {
    const wallAsUtc = midnightAsUtc + minutes * MINUTE_MS;
    const valid = [before, after]
      .map((offsetMinutes) => ({ offsetMinutes, at: wallAsUtc - offsetMinutes * MINUTE_MS }))
      .filter(({ offsetMinutes, at }) => tz.offset(at) === offsetMinutes)
      .sort((a, b) => a.at - b.at);
    const first = valid[0];
    return first === undefined ? null : { instant: new Date(first.at), offsetMinutes: first.offsetMinutes };
  };
}

/**
 * The instant at which the wall clock in `timeZone` reads `localDate` + `minutesAfterMidnight`;
 * null inside a spring-forward gap, the first occurrence inside a fall-back overlap.
 */
export function resolveLocalTime(localDate: string, minutesAfterMidnight: number, timeZone: string): Date | null {
  return localDayResolver(localDate, timeZone)(minutesAfterMidnight)?.instant ?? null;
}

/** The calendar date ('YYYY-MM-DD') an instant falls on in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): string {
  const offset = zone(timeZone).offset(instant.getTime());
  return new Date(instant.getTime() + offset * MINUTE_MS).toISOString().slice(0, 10);
}

/** True when both instants fall on the same calendar date in `timeZone`. */
export function isSameLocalDay(a: Date, b: Date, timeZone: string): boolean {
  return localDateOf(a, timeZone) === localDateOf(b, timeZone);
}

/** The wall-clock time ('HH:mm') an instant reads as in `timeZone`. */
export function localClockOf(instant: Date, timeZone: string): string {
  const offset = zone(timeZone).offset(instant.getTime());
  return new Date(instant.getTime() + offset * MINUTE_MS).toISOString().slice(11, 16);
}

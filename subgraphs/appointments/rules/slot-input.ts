/** Checks of the inputs to slot generation; each failure throws an AppointmentRuleError. */
import { daysBetween, formatIsoDate, parseIsoDate } from '../../shared/dates.ts';
import type { IsoWeekday, WeeklyOpeningHours } from '../reference/types.ts';
import { AppointmentRuleError } from './errors.ts';
import { parseClock } from './local-time.ts';

/** Longest range of local dates one call may span, so a request cannot ask for years of slots. */
export const MAX_SLOT_RANGE_DAYS = 92;

/** Longest appointment a service may define (one morning). */
export const MAX_SERVICE_MINUTES = 240;

/** Opening intervals of one weekday in minutes after midnight, sorted. */
export type DayIntervals = readonly { opens: number; closes: number }[];

function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && formatIsoDate(parseIsoDate(value)) === value;
}

/** Validates the local date range: real dates, `from` ≤ `to`, at most MAX_SLOT_RANGE_DAYS days. */
export function checkRange(from: string, to: string, holidaysKnownThrough: string | undefined): void {
  for (const [field, value] of [['from', from], ['to', to]] as const) {
    if (!isIsoDate(value)) throw new AppointmentRuleError('SLOT_RANGE_INVALID', `${field} must be a date 'YYYY-MM-DD', got '${value}'`, { [field]: value });
  }
  if (to < from) throw new AppointmentRuleError('SLOT_RANGE_INVALID', `to (${to}) is before from (${from})`, { from, to });
  const days = daysBetween(from, to) + 1;
  if (days > MAX_SLOT_RANGE_DAYS) {
    throw new AppointmentRuleError('SLOT_RANGE_TOO_LONG', `A slot range may span at most ${MAX_SLOT_RANGE_DAYS} days; ${from}..${to} spans ${days}`, { from, to, days, maxDays: MAX_SLOT_RANGE_DAYS });
  }
  if (holidaysKnownThrough !== undefined && to > holidaysKnownThrough) {
    throw new AppointmentRuleError('SLOT_RANGE_BEYOND_HOLIDAY_CALENDAR', `Office holidays are known only through ${holidaysKnownThrough}; cannot offer slots up to ${to}`, { to, holidaysKnownThrough });
  }
}

/** Validates the service duration: a whole number of minutes in 1..MAX_SERVICE_MINUTES. */
export function checkDuration(durationMinutes: number): void {
  if (!Number.isInteger(durationMinutes) || durationMinutes < 1 || durationMinutes > MAX_SERVICE_MINUTES) {
    throw new AppointmentRuleError('SERVICE_DURATION_INVALID', `Service duration must be a whole number of minutes from 1 to ${MAX_SERVICE_MINUTES}, got ${durationMinutes}`, { durationMinutes });
  }
}

/** Validates the booking lead time: a finite, non-negative number of minutes. */
export function checkLeadTime(leadTimeMinutes: number): void {
  if (!Number.isFinite(leadTimeMinutes) || leadTimeMinutes < 0) {
    throw new AppointmentRuleError('SLOT_LEAD_TIME_INVALID', `Lead time must be a non-negative number of minutes, got ${leadTimeMinutes}`, { leadTimeMinutes });
  }
}

/** Validates the window count: a positive whole number. */
export function checkWindows(windows: number): void {
  if (!Number.isInteger(windows) || windows < 1) {
    throw new AppointmentRuleError('OFFICE_WINDOWS_INVALID', `An office needs at least 1 advisory window, got ${windows}`, { windows });
  }
}

/** Parses and validates opening hours: 'HH:mm', opens before closes, no overlaps within a day. */
export function parseOpeningHours(hours: WeeklyOpeningHours): Map<IsoWeekday, DayIntervals> {
  const result = new Map<IsoWeekday, DayIntervals>();
  for (const weekday of [1, 2, 3, 4, 5, 6, 7] as const) {
    const intervals = (hours[weekday] ?? []).map(({ opens, closes }) => {
      const o = parseClock(opens);
      const c = parseClock(closes);
      if (o === null || c === null || o >= c) {
        throw new AppointmentRuleError('OFFICE_HOURS_INVALID', `Opening interval ${opens}–${closes} on ISO weekday ${weekday} must be 'HH:mm'–'HH:mm' with opening before closing`, { weekday, opens, closes });
      }
      return { opens: o, closes: c };
    }).sort((a, b) => a.opens - b.opens);
    intervals.forEach((interval, i) => {
      const previous = intervals[i - 1];
      if (previous && interval.opens < previous.closes) {
        throw new AppointmentRuleError('OFFICE_HOURS_INVALID', `Opening intervals overlap on ISO weekday ${weekday}`, { weekday });
      }
    });
    if (intervals.length > 0) result.set(weekday, intervals);
  }
  return result;
}

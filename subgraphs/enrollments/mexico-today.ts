/**
 * IMSS deadlines and receipt dates are Mexico City calendar days (the institute's offices and
 * IDSE work on central Mexico time), not UTC days: a movement filed at 19:00 in Mexico City on
 * the 5th is received on the 5th although it is already the 6th in UTC.
 */
import { DateTime } from 'luxon';
import type { Clock } from '../shared/context.ts';

export const IMSS_TIME_ZONE = 'America/Mexico_City';

/** The request's day in Mexico City, YYYY-MM-DD. */
export function mexicoCityToday(clock: Clock): string {
  return DateTime.fromJSDate(clock.now(), { zone: IMSS_TIME_ZONE }).toISODate()!;
}

/**
 * IMSS deadlines and receipt dates are Mexico City calendar days (the institute's offices and
 * IDSE work on central Mexico time), not UTC days: a movement filed at 19:00 in Mexico City on
 * the 5th is received on the 5th although it is already the 6th in UTC.
 */
import type { Clock } from '../shared/context.ts';
import { INSTITUTION_TIME_ZONE, dateIn } from '../shared/dates.ts';

export const IMSS_TIME_ZONE = INSTITUTION_TIME_ZONE;

/** The Mexico City calendar day of an instant, YYYY-MM-DD (issue and payment days are IMSS days). */
export function mexicoCityDay(instant: Date): string {
  return dateIn(IMSS_TIME_ZONE, instant);
}

/** The request's day in Mexico City, YYYY-MM-DD. */
export function mexicoCityToday(clock: Clock): string {
  return mexicoCityDay(clock.now());
}

/**
 * The period partner quotas count over: the calendar month in Mexico City's time zone, as the
 * partner agreements are written (docs/operations.md, "Partner quotas"). A month starts at local
 * midnight of its first day, whatever UTC offset that day has.
 */
import { DateTime } from 'luxon';

export const QUOTA_TIME_ZONE = 'America/Mexico_City';

export interface QuotaPeriod {
  /** `YYYY-MM`, the local month. */
  month: string;
  startsAt: Date;
  /** When the counters start again from zero: the next month's first local midnight. */
  resetsAt: Date;
}

export function quotaPeriod(now: Date): QuotaPeriod {
  const start = DateTime.fromJSDate(now, { zone: QUOTA_TIME_ZONE }).startOf('month');
  return { month: start.toFormat('yyyy-MM'), startsAt: start.toJSDate(), resetsAt: start.plus({ months: 1 }).toJSDate() };
}

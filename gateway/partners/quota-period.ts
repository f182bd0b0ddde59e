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

/**
 * Every partner request asks; the answer changes once a month. Working it out with luxon's zone
 * arithmetic took ~3 % of the gateway's busy time on the bank workloads (`npm run bench -- --profile
 * ours`), so the current period is kept and reused while `now` lies inside it.
 */
let current: Readonly<QuotaPeriod> | undefined;

export function quotaPeriod(now: Date): Readonly<QuotaPeriod> {
  const t = now.getTime();
  if (current && t >= current.startsAt.getTime() && t < current.resetsAt.getTime()) return current;
  const start = DateTime.fromJSDate(now, { zone: QUOTA_TIME_ZONE }).startOf('month');
  const period = Object.freeze({ month: start.toFormat('yyyy-MM'), startsAt: start.toJSDate(), resetsAt: start.plus({ months: 1 }).toJSDate() });
  current = period;
  return period;
}

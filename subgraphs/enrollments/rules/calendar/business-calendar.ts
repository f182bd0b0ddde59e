/**
 * Business days (días hábiles) for IMSS deadlines: Monday to Friday, minus the federal official
 * rest days of Ley Federal del Trabajo art. 74 (see federal-rest-days.ts), minus election days and
 * extra closures passed in as dated data (docs/domain.md §6, §7). IMSS/SAT closures and days the
 * institute declares non-business change every year and are published by decree, so they are
 * data, never code.
 */
import { addDays, weekday } from '../../../shared/dates.ts';
import { federalRestDays } from './federal-rest-days.ts';
import { assertIsoDate } from './iso-date.ts';

/**
 * Extra non-business days in force, as a dated table. No published list of IMSS closures was
 * retrieved, so it is empty: callers pass the days the institute declares.
 */
export const DEFAULT_EXTRA_NON_BUSINESS_DAYS = Object.freeze({
  checkedOn: '2026-12-01',
  days: Object.freeze([] as string[]),
});

export interface BusinessCalendarOptions {
  /** Extra non-business days ('YYYY-MM-DD'): IMSS/SAT closures, days the institute declares. */
  extraNonBusinessDays?: readonly string[];
  /** Election days set by electoral law for ordinary elections (LFT art. 74), as configuration. */
  electionDays?: readonly string[];
  /** When the extra days were last checked against their source ('YYYY-MM-DD'). */
  checkedOn?: string;
}

export interface BusinessCalendar {
  /** When the injected days were last checked, or null if the caller did not say. */
  readonly checkedOn: string | null;
  isBusinessDay(date: string): boolean;
  /** Why `date` is not a business day ('Saturday', a holiday's name, …), or null if it is one. */
  nonBusinessReason(date: string): string | null;
  nextBusinessDayOnOrAfter(date: string): string;
  /** The business day `n` business days after `date` (before it when `n` < 0); `n` = 0 returns `date`. */
  addBusinessDays(date: string, n: number): string;
  /**
   * Signed count of the business days one steps onto walking from `from` to `to`, `from` excluded:
   * those in (from, to] going forward, minus those in [to, from) going back. So
   * businessDaysBetween(d, addBusinessDays(d, n)) === n for every d and n.
   */
  businessDaysBetween(from: string, to: string): number;
}

const WEEKEND: Readonly<Record<number, string>> = { 0: 'Sunday', 6: 'Saturday' };

/** A business calendar over the LFT art. 74 rest days plus the injected election and extra days. */
export function createBusinessCalendar(options: BusinessCalendarOptions = {}): BusinessCalendar {
  const injected = new Map<string, string>();
  for (const day of options.electionDays ?? []) injected.set(assertIsoDate(day, 'election day'), 'Election day');
  for (const day of options.extraNonBusinessDays ?? []) injected.set(assertIsoDate(day, 'extra non-business day'), 'Non-business day declared by the institute');
  const checkedOn = options.checkedOn === undefined ? null : assertIsoDate(options.checkedOn, 'checkedOn');

  const restDaysByYear = new Map<number, ReadonlyMap<string, string>>();
  const restDaysOf = (year: number): ReadonlyMap<string, string> => {
    let days = restDaysByYear.get(year);
    if (!days) {
      days = new Map(federalRestDays(year).map((d) => [d.date, d.name]));
      restDaysByYear.set(year, days);
    }
    return days;
  };

  const reason = (date: string): string | null =>
    WEEKEND[weekday(date)] ?? restDaysOf(Number(date.slice(0, 4))).get(date) ?? injected.get(date) ?? null;

  const isBusinessDay = (date: string): boolean => reason(assertIsoDate(date)) === null;

  const step = (date: string, direction: 1 | -1): string => {
    let day = addDays(date, direction);
    while (reason(day) !== null) day = addDays(day, direction);
    return day;
  };

  return {
    checkedOn,
    isBusinessDay,
    nonBusinessReason: (date) => reason(assertIsoDate(date)),
    nextBusinessDayOnOrAfter(date) {
      return isBusinessDay(date) ? date : step(date, 1);
    },
    addBusinessDays(date, n) {
      assertIsoDate(date);
      if (!Number.isInteger(n)) throw new RangeError(`addBusinessDays needs a whole number of days, got ${n}`);
      let day = date;
      for (let left = Math.abs(n); left > 0; left--) day = step(day, n > 0 ? 1 : -1);
      return day;
    },
    businessDaysBetween(from, to) {
      assertIsoDate(from, 'from');
      assertIsoDate(to, 'to');
      let count = 0;
      if (to > from) {
        for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (reason(day) === null) count++;
        return count;
      }
      for (let day = to; day < from; day = addDays(day, 1)) if (reason(day) === null) count--;
      return count;
    },
  };
}

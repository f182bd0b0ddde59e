/**
 * Calendar arithmetic on 'YYYY-MM-DD' strings (the Date scalar's form), in UTC, so that no time
 * zone ever shifts a date. Every subgraph's rules use these; the clock itself is injected
 * (BaseContext.clock), never read here.
 */
export function parseIsoDate(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

export function formatIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** One formatter per time zone: building an Intl.DateTimeFormat costs ~40 µs, formatting with one ~1 µs. */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in an IANA time zone (e.g. the date a document shows in Mexico City). */
export function dateIn(timeZone: string, instant: Date): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) dayFormatters.set(timeZone, (formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return formatter.format(instant);
}

/** IMSS's own calendar: the date in Mexico City, as a constancia or an acuse shows it. */
export const INSTITUTION_TIME_ZONE = 'America/Mexico_City';

/** The UTC calendar date of an instant. */
export function isoDate(instant: Date): string {
  return formatIsoDate(instant);
}

export function addDays(value: string, days: number): string {
  return formatIsoDate(new Date(parseIsoDate(value).getTime() + days * 86_400_000));
}

/** Adds calendar months; the 31st of a month without one falls to the month's last day. */
export function addMonths(value: string, months: number): string {
  const d = parseIsoDate(value);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return formatIsoDate(target);
}

/** The date a person born on `birthDate` turns `years` (29 Feb births: 1 Mar in common years). */
export function birthday(birthDate: string, years: number): string {
  const d = parseIsoDate(birthDate);
  return formatIsoDate(new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate())));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / 86_400_000);
}

/** Completed years between two dates (an age on `asOf`). */
export function ageOn(birthDate: string, asOf: string): number {
  let years = Number(asOf.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (asOf.slice(5) < birthDate.slice(5)) years -= 1;
  return years;
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(value: string): number {
  return parseIsoDate(value).getUTCDay();
}

/** First day of the month after the one `value` falls in. */
export function firstOfNextMonth(value: string): string {
  return addMonths(`${value.slice(0, 7)}-01`, 1);
}

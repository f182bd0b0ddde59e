/** Calendar arithmetic on 'YYYY-MM-DD' strings, in UTC, so no time zone shifts a date. */
export function parseIsoDate(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

export function formatIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
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

export function daysBetween(from: string, to: string): number {
  return Math.round((parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / 86_400_000);
}

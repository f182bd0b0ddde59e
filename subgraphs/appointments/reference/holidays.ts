/**
 * Days offices are closed, 2026–2027, as dated data (last checked 2026-12-01).
 *
 * Assumption: a Mexican consular office closes on Mexico's days of rest and on its host country's
 * public holidays; an IMSS office only on Mexico's. Whether a given consulate really closes on
 * each host holiday is UNCONFIRMED — the lists err towards closing (a missed closure sends people
 * to a shut door; an extra closure only loses a day of slots). Regional holidays (a US state's,
 * a Spanish comunidad's, a German Land's) are not included.
 *
 * Weekend dates are listed as they fall; where the host country moves a holiday to a weekday
 * ("observed"/substitute day) the weekday is listed instead or as well.
 */
import { HOST_COUNTRY_HOLIDAYS } from './host-holidays.ts';
import type { Holiday } from './types.ts';

export const HOLIDAYS_CHECKED_ON = '2026-12-01';

/** Closure dates are known for local dates up to and including this one. */
export const HOLIDAYS_KNOWN_THROUGH = '2027-12-31';

/**
 * Mexico: the mandatory days of rest of Ley Federal del Trabajo art. 74
 * (https://www.diputados.gob.mx/LeyesBiblio/pdf/LFT.pdf) — 1 Jan, 1st Monday of Feb, 3rd Monday
 * of Mar, 1 May, 16 Sep, 3rd Monday of Nov, 25 Dec (1 Oct only in a year of presidential
 * transmission; none in 2026–2027) — plus Holy Thursday and Good Friday, non-working days of the
 * federal public administration by custom (UNCONFIRMED for every office).
 */
export const MEXICAN_HOLIDAYS: readonly Holiday[] = [
  { date: '2026-01-01', name: 'Año Nuevo' },
  { date: '2026-02-02', name: 'Día de la Constitución' },
  { date: '2026-03-16', name: 'Natalicio de Benito Juárez' },
  { date: '2026-04-02', name: 'Jueves Santo' },
  { date: '2026-04-03', name: 'Viernes Santo' },
  { date: '2026-05-01', name: 'Día del Trabajo' },
  { date: '2026-09-16', name: 'Día de la Independencia' },
  { date: '2026-11-16', name: 'Día de la Revolución' },
  { date: '2026-12-25', name: 'Navidad' },
  { date: '2027-01-01', name: 'Año Nuevo' },
  { date: '2027-02-01', name: 'Día de la Constitución' },
  { date: '2027-03-15', name: 'Natalicio de Benito Juárez' },
  { date: '2027-03-25', name: 'Jueves Santo' },
  { date: '2027-03-26', name: 'Viernes Santo' },
  { date: '2027-05-01', name: 'Día del Trabajo' },
  { date: '2027-09-16', name: 'Día de la Independencia' },
  { date: '2027-11-15', name: 'Día de la Revolución' },
  { date: '2027-12-25', name: 'Navidad' },
];

/**
 * Holidays of an office in `country` (ISO alpha-2): Mexico's, plus the host country's when it is
 * not Mexico and a list exists. Sorted by date; one entry per date (the Mexican name wins).
 */
export function holidaysFor(country: string): Holiday[] {
  const host = country !== 'MX' && Object.hasOwn(HOST_COUNTRY_HOLIDAYS, country) ? (HOST_COUNTRY_HOLIDAYS[country] ?? []) : [];
  const byDate = new Map<string, Holiday>();
  for (const holiday of [...MEXICAN_HOLIDAYS, ...host]) if (!byDate.has(holiday.date)) byDate.set(holiday.date, holiday);
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** True when the host country of `country` has a holiday list (false: only Mexico's days apply). */
export function hasHostHolidayList(country: string): boolean {
  return country === 'MX' || Object.hasOwn(HOST_COUNTRY_HOLIDAYS, country);
}

/**
 * Mexican federal official rest days (días de descanso obligatorio), Ley Federal del Trabajo
 * art. 74 (docs/domain.md §6, §7):
 * - 1 January; the first Monday of February (for 5 February); the third Monday of March (for
 *   21 March); 1 May; 16 September; the third Monday of November (for 20 November); 25 December;
 * - 1 October every six years, when the federal executive is handed over. The reform published in
 *   the DOF on 30 Sep 2024 (in force 1 Oct 2024) moved this day from 1 December to 1 October to
 *   match Constitution art. 83, so 2024, 2030, 2036 … have 1 October and, before the reform, 2018,
 *   2012 … had 1 December (https://dgyh.mx/boletin-fiscal/publica-dof-decreto-por-el-que-se-declara-el-1-de-octubre-de-cada-seis-anos-como-dia-de-descanso-obligatorio);
 * - election days, which federal and local electoral law set for ordinary elections: they are not
 *   computable, so the business calendar takes them as configuration.
 * A rest day that falls on a weekend is not moved to a weekday (art. 74 has no substitution rule).
 */
import { weekday } from '../../../shared/dates.ts';

export interface OfficialRestDay {
  date: string;
  name: string;
}

/** First year of the six-year cycle with the hand-over on 1 October. */
const FIRST_OCTOBER_TRANSMISSION = 2024;

/** The rest days LFT art. 74 fixes for `year` (election days excluded), in date order. */
export function federalRestDays(year: number): OfficialRestDay[] {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`year must be a four-digit integer, got ${year}`);
  const days: OfficialRestDay[] = [
    { date: isoOf(year, 1, 1), name: 'Año Nuevo' },
    { date: nthMonday(year, 2, 1), name: 'Día de la Constitución (first Monday of February)' },
    { date: nthMonday(year, 3, 3), name: 'Natalicio de Benito Juárez (third Monday of March)' },
    { date: isoOf(year, 5, 1), name: 'Día del Trabajo' },
    { date: isoOf(year, 9, 16), name: 'Día de la Independencia' },
    { date: nthMonday(year, 11, 3), name: 'Día de la Revolución (third Monday of November)' },
    { date: isoOf(year, 12, 25), name: 'Navidad' },
  ];
  const transmission = transmissionDay(year);
  if (transmission) days.push({ date: transmission, name: 'Transmisión del Poder Ejecutivo Federal' });
  return days.sort((a, b) => (a.date < b.date ? -1 : 1));
}

function transmissionDay(year: number): string | null {
  if (year >= FIRST_OCTOBER_TRANSMISSION) {
    return (year - FIRST_OCTOBER_TRANSMISSION) % 6 === 0 ? isoOf(year, 10, 1) : null;
  }
  return (FIRST_OCTOBER_TRANSMISSION - year) % 6 === 0 ? isoOf(year, 12, 1) : null;
}

/** The `n`-th Monday (1-based) of `month`. */
function nthMonday(year: number, month: number, n: number): string {
  const first = isoOf(year, month, 1);
  const firstMonday = 1 + ((8 - weekday(first)) % 7);
  return isoOf(year, month, firstMonday + 7 * (n - 1));
}

function isoOf(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

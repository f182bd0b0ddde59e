/**
 * Opening hours, window counts and names shared by many offices. All of it is an operating
 * assumption (synthetic, last checked 2026-12-01): SRE consulates commonly document Mon–Fri
 * mornings and open some Saturdays ("jornadas sabatinas"), but the advisory-window hours and the
 * number of windows are set locally and not published as a table.
 */
import { servicesOfferedAt } from './services.ts';
import type { Office, OfficeKind, WeeklyOpeningHours } from './types.ts';

const weekdays = (opens: string, closes: string): WeeklyOpeningHours => ({
  1: [{ opens, closes }], 2: [{ opens, closes }], 3: [{ opens, closes }], 4: [{ opens, closes }], 5: [{ opens, closes }],
});

/** Mon–Fri 08:00–14:00: the usual consular documentation hours. */
export const CONSULAR_HOURS: WeeklyOpeningHours = weekdays('08:00', '14:00');

/** Mon–Fri 08:00–14:00 and Sat 09:00–13:00: large consulates with Saturday service. */
export const CONSULAR_HOURS_WITH_SATURDAY: WeeklyOpeningHours = { ...CONSULAR_HOURS, 6: [{ opens: '09:00', closes: '13:00' }] };

/** Mon–Fri 09:00–13:00: embassy consular sections. */
export const EMBASSY_HOURS: WeeklyOpeningHours = weekdays('09:00', '13:00');

/** Mon–Fri 08:00–15:00: IMSS subdelegation service hours. */
export const IMSS_HOURS: WeeklyOpeningHours = weekdays('08:00', '15:00');

export type ConsularRank = 'GENERAL' | 'CONSULATE' | 'EMBASSY';

const KIND_BY_RANK: Record<ConsularRank, OfficeKind> = {
  GENERAL: 'CONSULATE', CONSULATE: 'CONSULATE', EMBASSY: 'EMBASSY_CONSULAR_SECTION',
};

/**
 * A consular office row. `place` is the city for consulates and the country (as in the official
 * name, e.g. 'España') for embassy sections.
 */
export function consularOffice(row: {
  id: string; rank: ConsularRank; place: string; city: string; region: string; country: string; timeZone: string;
  windows: number; hours?: WeeklyOpeningHours;
}): Office {
  const name = row.rank === 'GENERAL' ? `Consulado General de México en ${row.place}`
    : row.rank === 'CONSULATE' ? `Consulado de México en ${row.place}`
      : `Sección Consular de la Embajada de México en ${row.place}`;
  const kind = KIND_BY_RANK[row.rank];
  return {
    id: row.id, name, city: row.city, region: row.region, country: row.country, timeZone: row.timeZone, kind,
    advisoryWindows: row.windows,
    openingHours: row.hours ?? (kind === 'EMBASSY_CONSULAR_SECTION' ? EMBASSY_HOURS : CONSULAR_HOURS),
    services: servicesOfferedAt(kind),
  };
}

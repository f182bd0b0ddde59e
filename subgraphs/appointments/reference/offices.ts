/**
 * The office catalogue: every consular office and IMSS office that takes advisory-window
 * appointments. Data only (public information, no personal data), last checked 2026-12-01.
 */
import { HOLIDAYS_KNOWN_THROUGH, holidaysFor } from './holidays.ts';
import { IMSS_OFFICES } from './offices-imss.ts';
import { US_OFFICES } from './offices-us.ts';
import { CANADA_OFFICES, OTHER_CONSULAR_OFFICES } from './offices-world.ts';
import type { Holiday, Office } from './types.ts';

export const OFFICES_CHECKED_ON = '2026-12-01';

export const OFFICES: readonly Office[] = [...US_OFFICES, ...CANADA_OFFICES, ...OTHER_CONSULAR_OFFICES, ...IMSS_OFFICES];

const BY_ID = new Map(OFFICES.map((office) => [office.id, office]));

/** The office with this id, or undefined. */
export function officeById(id: string): Office | undefined {
  return BY_ID.get(id);
}

/**
 * An office with the dates it is closed and how far that calendar reaches, in the shape the slot
 * rules take (they refuse ranges past `holidaysKnownThrough` rather than open on a holiday).
 */
export function withHolidays(office: Office): Office & { holidays: string[]; holidaysKnownThrough: string } {
  return {
    ...office,
    holidays: holidaysFor(office.country).map((holiday: Holiday) => holiday.date),
    holidaysKnownThrough: HOLIDAYS_KNOWN_THROUGH,
  };
}

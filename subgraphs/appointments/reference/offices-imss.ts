/**
 * IMSS offices in Mexico that take advisory-window appointments, one per time zone at least.
 * Codes 01, 03, 31, 39, 43 and 47 are the subdelegations the seed's clinics use (01 = north of
 * Mexico City, UMF 20 Vallejo; 03 = south, UMF 28 Gabriel Mancera); every other code and every
 * name below is SYNTHETIC (plausible, not IMSS's real numbering). Hours and windows are synthetic.
 *
 * Zones (tz database 2025): Mexico abolished DST in 2022, so most of the country is UTC−6 all
 * year (America/Mexico_City, Monterrey, Merida, and Chihuahua since Nov 2022); Sonora UTC−7
 * (America/Hermosillo); Sinaloa/Nayarit/BCS UTC−7 (America/Mazatlan); Quintana Roo UTC−5
 * (America/Cancun); the northern border strip keeps US DST: Baja California
 * (America/Tijuana, Pacific) and Ciudad Juárez (America/Ciudad_Juarez, Mountain).
 */
import { IMSS_HOURS } from './office-defaults.ts';
import { imssOfficeId } from './office-ids.ts';
import { servicesOfferedAt } from './services.ts';
import type { Office } from './types.ts';

function imss(subdelegation: string, area: string, city: string, region: string, timeZone: string, windows: number): Office {
  return {
    id: imssOfficeId(subdelegation), name: `Subdelegación ${area} del IMSS`, city, region, country: 'MX', timeZone,
    kind: 'IMSS_SUBDELEGATION', advisoryWindows: windows, openingHours: IMSS_HOURS,
    services: servicesOfferedAt('IMSS_SUBDELEGATION'), subdelegation,
  };
}

export const IMSS_OFFICES: readonly Office[] = [
  imss('01', 'Ciudad de México Norte', 'Ciudad de México', 'Ciudad de México', 'America/Mexico_City', 6),
  imss('03', 'Ciudad de México Sur', 'Ciudad de México', 'Ciudad de México', 'America/Mexico_City', 6),
  imss('31', 'Morelia', 'Morelia', 'Michoacán', 'America/Mexico_City', 3),
  imss('39', 'Guadalajara', 'Guadalajara', 'Jalisco', 'America/Mexico_City', 5),
  imss('43', 'Monterrey', 'Monterrey', 'Nuevo León', 'America/Monterrey', 5),
  imss('47', 'Oaxaca', 'Oaxaca de Juárez', 'Oaxaca', 'America/Mexico_City', 3),
  // Synthetic codes from here on.
  imss('02', 'Tijuana', 'Tijuana', 'Baja California', 'America/Tijuana', 4),
  imss('05', 'Hermosillo', 'Hermosillo', 'Sonora', 'America/Hermosillo', 3),
  imss('07', 'Mazatlán', 'Mazatlán', 'Sinaloa', 'America/Mazatlan', 3),
  imss('09', 'Chihuahua', 'Chihuahua', 'Chihuahua', 'America/Chihuahua', 3),
  imss('11', 'Ciudad Juárez', 'Ciudad Juárez', 'Chihuahua', 'America/Ciudad_Juarez', 4),
  imss('13', 'Cancún', 'Cancún', 'Quintana Roo', 'America/Cancun', 3),
  imss('15', 'Mérida', 'Mérida', 'Yucatán', 'America/Merida', 3),
];

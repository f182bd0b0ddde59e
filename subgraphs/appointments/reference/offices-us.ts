/**
 * Mexican consular offices in the United States: the consulates plus the embassy's consular
 * section in Washington (SRE: 50 consulates + the consular section, docs/domain.md §10).
 * Public information; ids for LA, Chicago, Houston and New York are the ones already seeded.
 *
 * Time zones are the IANA zone of the city itself: Arizona (Phoenix, Tucson, Nogales, Douglas,
 * Yuma) keeps MST all year (America/Phoenix); El Paso and Albuquerque are Mountain
 * (America/Denver); Presidio, Del Rio and Eagle Pass are Central; Boise has its own zone entry
 * (America/Boise, Mountain); Indianapolis and Detroit are Eastern with their own zone entries.
 * Rank (Consulado General vs. Consulado) as known on 2026-12-01; San José, Raleigh and Nogales
 * are UNCONFIRMED. Windows, hours and Saturday service are synthetic (see office-defaults.ts).
 */
import { CONSULAR_HOURS_WITH_SATURDAY, consularOffice } from './office-defaults.ts';
import type { ConsularRank } from './office-defaults.ts';
import type { Office, WeeklyOpeningHours } from './types.ts';

const SAT = CONSULAR_HOURS_WITH_SATURDAY;

function us(id: string, rank: ConsularRank, city: string, region: string, timeZone: string, windows: number, hours?: WeeklyOpeningHours): Office {
  return consularOffice({ id, rank, place: city, city, region, country: 'US', timeZone, windows, ...(hours && { hours }) });
}

export const US_OFFICES: readonly Office[] = [
  us('CON-ABQ', 'CONSULATE', 'Albuquerque', 'Nuevo México', 'America/Denver', 1),
  us('CON-ATL', 'GENERAL', 'Atlanta', 'Georgia', 'America/New_York', 3),
  us('CON-AUS', 'GENERAL', 'Austin', 'Texas', 'America/Chicago', 2),
  us('CON-BOI', 'CONSULATE', 'Boise', 'Idaho', 'America/Boise', 1),
  us('CON-BOS', 'GENERAL', 'Boston', 'Massachusetts', 'America/New_York', 2),
  us('CON-BRO', 'CONSULATE', 'Brownsville', 'Texas', 'America/Chicago', 1),
  us('CON-CXL', 'CONSULATE', 'Calexico', 'California', 'America/Los_Angeles', 1),
  us('CON-CHI', 'GENERAL', 'Chicago', 'Illinois', 'America/Chicago', 4, SAT),
  us('CON-DAL', 'GENERAL', 'Dallas', 'Texas', 'America/Chicago', 4, SAT),
  us('CON-DRT', 'CONSULATE', 'Del Rio', 'Texas', 'America/Chicago', 1),
  us('CON-DEN', 'GENERAL', 'Denver', 'Colorado', 'America/Denver', 3),
  us('CON-DTW', 'CONSULATE', 'Detroit', 'Michigan', 'America/Detroit', 1),
  us('CON-DUG', 'CONSULATE', 'Douglas', 'Arizona', 'America/Phoenix', 1),
  us('CON-EGP', 'CONSULATE', 'Eagle Pass', 'Texas', 'America/Chicago', 1),
  us('CON-ELP', 'GENERAL', 'El Paso', 'Texas', 'America/Denver', 2),
  us('CON-PHL', 'CONSULATE', 'Filadelfia', 'Pensilvania', 'America/New_York', 2),
  us('CON-FAT', 'CONSULATE', 'Fresno', 'California', 'America/Los_Angeles', 2),
  us('CON-HOU', 'GENERAL', 'Houston', 'Texas', 'America/Chicago', 4, SAT),
  us('CON-IND', 'CONSULATE', 'Indianápolis', 'Indiana', 'America/Indiana/Indianapolis', 1),
  us('CON-MKC', 'CONSULATE', 'Kansas City', 'Misuri', 'America/Chicago', 1),
  us('CON-LRD', 'GENERAL', 'Laredo', 'Texas', 'America/Chicago', 2),
  us('CON-LAS', 'CONSULATE', 'Las Vegas', 'Nevada', 'America/Los_Angeles', 2),
  us('CON-LIT', 'CONSULATE', 'Little Rock', 'Arkansas', 'America/Chicago', 1),
  us('CON-LAX', 'GENERAL', 'Los Ángeles', 'California', 'America/Los_Angeles', 6, SAT),
  us('CON-MFE', 'CONSULATE', 'McAllen', 'Texas', 'America/Chicago', 1),
  us('CON-MIA', 'GENERAL', 'Miami', 'Florida', 'America/New_York', 2),
  us('CON-MKE', 'CONSULATE', 'Milwaukee', 'Wisconsin', 'America/Chicago', 1),
  us('CON-OLS', 'CONSULATE', 'Nogales', 'Arizona', 'America/Phoenix', 1),
  us('CON-MSY', 'CONSULATE', 'Nueva Orleans', 'Luisiana', 'America/Chicago', 1),
  us('CON-NYC', 'GENERAL', 'Nueva York', 'Nueva York', 'America/New_York', 4, SAT),
  us('CON-OMA', 'CONSULATE', 'Omaha', 'Nebraska', 'America/Chicago', 1),
  us('CON-MCO', 'CONSULATE', 'Orlando', 'Florida', 'America/New_York', 1),
  us('CON-OXR', 'CONSULATE', 'Oxnard', 'California', 'America/Los_Angeles', 1),
  us('CON-PHX', 'GENERAL', 'Phoenix', 'Arizona', 'America/Phoenix', 3, SAT),
  us('CON-PDX', 'CONSULATE', 'Portland', 'Oregón', 'America/Los_Angeles', 1),
  us('CON-PRS', 'CONSULATE', 'Presidio', 'Texas', 'America/Chicago', 1),
  us('CON-RDU', 'CONSULATE', 'Raleigh', 'Carolina del Norte', 'America/New_York', 2),
  us('CON-SAC', 'GENERAL', 'Sacramento', 'California', 'America/Los_Angeles', 2),
  us('CON-MSP', 'CONSULATE', 'Saint Paul', 'Minnesota', 'America/Chicago', 1),
  us('CON-SLC', 'CONSULATE', 'Salt Lake City', 'Utah', 'America/Denver', 1),
  us('CON-SAT', 'GENERAL', 'San Antonio', 'Texas', 'America/Chicago', 3, SAT),
  us('CON-SBD', 'CONSULATE', 'San Bernardino', 'California', 'America/Los_Angeles', 3, SAT),
  us('CON-SAN', 'GENERAL', 'San Diego', 'California', 'America/Los_Angeles', 3),
  us('CON-SFO', 'GENERAL', 'San Francisco', 'California', 'America/Los_Angeles', 2),
  us('CON-SJC', 'GENERAL', 'San José', 'California', 'America/Los_Angeles', 2),
  us('CON-SNA', 'CONSULATE', 'Santa Ana', 'California', 'America/Los_Angeles', 3, SAT),
  us('CON-SEA', 'CONSULATE', 'Seattle', 'Washington', 'America/Los_Angeles', 2),
  us('CON-TUS', 'CONSULATE', 'Tucson', 'Arizona', 'America/Phoenix', 1),
  us('CON-YUM', 'CONSULATE', 'Yuma', 'Arizona', 'America/Phoenix', 1),
  consularOffice({
    id: 'CON-WAS', rank: 'EMBASSY', place: 'Estados Unidos', city: 'Washington', region: 'Distrito de Columbia',
    country: 'US', timeZone: 'America/New_York', windows: 2,
  }),
];

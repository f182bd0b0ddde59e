/**
 * Mexican consular offices in Canada (5 consulates + the embassy's consular section in Ottawa)
 * and a sample elsewhere. Public information; CON-TOR is the id already seeded. Montreal and
 * Leamington use America/Toronto (Eastern); Calgary America/Edmonton (Mountain); Beijing
 * Asia/Shanghai (China's single zone). Windows and hours are synthetic (see office-defaults.ts).
 */
import { consularOffice } from './office-defaults.ts';
import type { Office } from './types.ts';

export const CANADA_OFFICES: readonly Office[] = [
  consularOffice({ id: 'CON-TOR', rank: 'GENERAL', place: 'Toronto', city: 'Toronto', region: 'Ontario', country: 'CA', timeZone: 'America/Toronto', windows: 3 }),
  consularOffice({ id: 'CON-MTL', rank: 'GENERAL', place: 'Montreal', city: 'Montreal', region: 'Quebec', country: 'CA', timeZone: 'America/Toronto', windows: 2 }),
  consularOffice({ id: 'CON-YVR', rank: 'GENERAL', place: 'Vancouver', city: 'Vancouver', region: 'Columbia Británica', country: 'CA', timeZone: 'America/Vancouver', windows: 2 }),
  consularOffice({ id: 'CON-YYC', rank: 'CONSULATE', place: 'Calgary', city: 'Calgary', region: 'Alberta', country: 'CA', timeZone: 'America/Edmonton', windows: 1 }),
  consularOffice({ id: 'CON-YQG', rank: 'CONSULATE', place: 'Leamington', city: 'Leamington', region: 'Ontario', country: 'CA', timeZone: 'America/Toronto', windows: 1 }),
  consularOffice({ id: 'CON-OTT', rank: 'EMBASSY', place: 'Canadá', city: 'Ottawa', region: 'Ontario', country: 'CA', timeZone: 'America/Toronto', windows: 1 }),
];

export const OTHER_CONSULAR_OFFICES: readonly Office[] = [
  consularOffice({ id: 'CON-MAD', rank: 'EMBASSY', place: 'España', city: 'Madrid', region: 'Comunidad de Madrid', country: 'ES', timeZone: 'Europe/Madrid', windows: 2 }),
  consularOffice({ id: 'CON-BCN', rank: 'GENERAL', place: 'Barcelona', city: 'Barcelona', region: 'Cataluña', country: 'ES', timeZone: 'Europe/Madrid', windows: 1 }),
  consularOffice({ id: 'CON-LON', rank: 'EMBASSY', place: 'el Reino Unido', city: 'Londres', region: 'Inglaterra', country: 'GB', timeZone: 'Europe/London', windows: 1 }),
  consularOffice({ id: 'CON-PAR', rank: 'EMBASSY', place: 'Francia', city: 'París', region: 'Isla de Francia', country: 'FR', timeZone: 'Europe/Paris', windows: 1 }),
  consularOffice({ id: 'CON-BER', rank: 'EMBASSY', place: 'Alemania', city: 'Berlín', region: 'Berlín', country: 'DE', timeZone: 'Europe/Berlin', windows: 1 }),
  consularOffice({ id: 'CON-FRA', rank: 'GENERAL', place: 'Fráncfort', city: 'Fráncfort', region: 'Hesse', country: 'DE', timeZone: 'Europe/Berlin', windows: 1 }),
  consularOffice({ id: 'CON-ROM', rank: 'EMBASSY', place: 'Italia', city: 'Roma', region: 'Lacio', country: 'IT', timeZone: 'Europe/Rome', windows: 1 }),
  consularOffice({ id: 'CON-GUA', rank: 'EMBASSY', place: 'Guatemala', city: 'Ciudad de Guatemala', region: 'Guatemala', country: 'GT', timeZone: 'America/Guatemala', windows: 1 }),
  consularOffice({ id: 'CON-TEC', rank: 'CONSULATE', place: 'Tecún Umán', city: 'Tecún Umán', region: 'San Marcos', country: 'GT', timeZone: 'America/Guatemala', windows: 1 }),
  consularOffice({ id: 'CON-BZE', rank: 'EMBASSY', place: 'Belice', city: 'Ciudad de Belice', region: 'Belice', country: 'BZ', timeZone: 'America/Belize', windows: 1 }),
  consularOffice({ id: 'CON-BOG', rank: 'EMBASSY', place: 'Colombia', city: 'Bogotá', region: 'Bogotá D. C.', country: 'CO', timeZone: 'America/Bogota', windows: 1 }),
  consularOffice({ id: 'CON-BUE', rank: 'EMBASSY', place: 'Argentina', city: 'Buenos Aires', region: 'Ciudad Autónoma de Buenos Aires', country: 'AR', timeZone: 'America/Argentina/Buenos_Aires', windows: 1 }),
  consularOffice({ id: 'CON-SCL', rank: 'EMBASSY', place: 'Chile', city: 'Santiago', region: 'Región Metropolitana', country: 'CL', timeZone: 'America/Santiago', windows: 1 }),
  consularOffice({ id: 'CON-TYO', rank: 'EMBASSY', place: 'Japón', city: 'Tokio', region: 'Tokio', country: 'JP', timeZone: 'Asia/Tokyo', windows: 1 }),
  consularOffice({ id: 'CON-BJS', rank: 'EMBASSY', place: 'China', city: 'Pekín', region: 'Pekín', country: 'CN', timeZone: 'Asia/Shanghai', windows: 1 }),
  consularOffice({ id: 'CON-SYD', rank: 'GENERAL', place: 'Sídney', city: 'Sídney', region: 'Nueva Gales del Sur', country: 'AU', timeZone: 'Australia/Sydney', windows: 1 }),
];

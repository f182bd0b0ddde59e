/** The office catalogue: ids, names, zones, kinds and services are consistent (docs/domain.md §10). */
import { describe, expect, it } from 'vitest';
import {
  CANADA_OFFICES, IMSS_OFFICES, OFFICES, SERVICES, US_OFFICES, officeById, withHolidays,
} from '../../../subgraphs/appointments/reference/index.ts';

const zoneIsKnown = (timeZone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
};

describe('office catalogue', () => {
  it('keeps the ids and names already seeded', () => {
    expect(officeById('CON-LAX')).toMatchObject({ name: 'Consulado General de México en Los Ángeles', country: 'US', timeZone: 'America/Los_Angeles' });
    expect(officeById('CON-CHI')).toMatchObject({ name: 'Consulado General de México en Chicago', timeZone: 'America/Chicago' });
    expect(officeById('CON-HOU')).toMatchObject({ name: 'Consulado General de México en Houston', timeZone: 'America/Chicago' });
    expect(officeById('CON-NYC')).toMatchObject({ name: 'Consulado General de México en Nueva York', timeZone: 'America/New_York' });
    expect(officeById('CON-TOR')).toMatchObject({ name: 'Consulado General de México en Toronto', country: 'CA', timeZone: 'America/Toronto' });
  });

  it('has unique ids', () => {
    expect(new Set(OFFICES.map((o) => o.id)).size).toBe(OFFICES.length);
  });

  it('uses only time zones the runtime knows', () => {
    expect(OFFICES.filter((o) => !zoneIsKnown(o.timeZone)).map((o) => o.id)).toEqual([]);
  });

  it('lists the US network: 49 consulates plus the consular section in Washington', () => {
    expect(US_OFFICES.filter((o) => o.kind === 'CONSULATE')).toHaveLength(49);
    expect(US_OFFICES.filter((o) => o.kind === 'EMBASSY_CONSULAR_SECTION').map((o) => o.city)).toEqual(['Washington']);
  });

  it('lists Canada: five consulates and the consular section in Ottawa', () => {
    expect(CANADA_OFFICES.filter((o) => o.kind === 'CONSULATE').map((o) => o.city).sort())
      .toEqual(['Calgary', 'Leamington', 'Montreal', 'Toronto', 'Vancouver']);
    expect(officeById('CON-OTT')).toMatchObject({ kind: 'EMBASSY_CONSULAR_SECTION', name: 'Sección Consular de la Embajada de México en Canadá' });
  });

  it.each([
    ['Phoenix', 'America/Phoenix'], ['Tucson', 'America/Phoenix'], ['Nogales', 'America/Phoenix'],
    ['Douglas', 'America/Phoenix'], ['Yuma', 'America/Phoenix'], ['Boise', 'America/Boise'],
    ['El Paso', 'America/Denver'], ['Albuquerque', 'America/Denver'], ['Presidio', 'America/Chicago'],
    ['Indianápolis', 'America/Indiana/Indianapolis'], ['Detroit', 'America/Detroit'], ['Calgary', 'America/Edmonton'],
    ['Sídney', 'Australia/Sydney'], ['Pekín', 'Asia/Shanghai'], ['Buenos Aires', 'America/Argentina/Buenos_Aires'],
    ['Tijuana', 'America/Tijuana'], ['Hermosillo', 'America/Hermosillo'], ['Cancún', 'America/Cancun'],
  ])('%s is in %s', (city, timeZone) => {
    expect(OFFICES.filter((o) => o.city === city).map((o) => o.timeZone)).toEqual([timeZone]);
  });

  it('names each consular office after its kind', () => {
    for (const office of OFFICES) {
      const pattern = office.kind === 'CONSULATE' ? /^Consulado (General )?de México en /
        : office.kind === 'EMBASSY_CONSULAR_SECTION' ? /^Sección Consular de la Embajada de México en /
          : /^Subdelegación .+ del IMSS$/;
      expect(office.name, office.id).toMatch(pattern);
    }
  });

  it('puts IMSS offices in Mexico with unique two-digit subdelegations, including the seeded ones', () => {
    expect(IMSS_OFFICES.every((o) => o.country === 'MX' && /^\d{2}$/.test(o.subdelegation ?? ''))).toBe(true);
    const codes = IMSS_OFFICES.map((o) => o.subdelegation);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(['01', '03', '31', '39', '43', '47']));
    expect(OFFICES.filter((o) => o.kind !== 'IMSS_SUBDELEGATION').every((o) => o.subdelegation === undefined)).toBe(true);
  });

  it('covers every Mexican time zone the IMSS network needs', () => {
    expect(new Set(IMSS_OFFICES.map((o) => o.timeZone))).toEqual(new Set([
      'America/Mexico_City', 'America/Tijuana', 'America/Hermosillo', 'America/Mazatlan', 'America/Chihuahua',
      'America/Ciudad_Juarez', 'America/Cancun', 'America/Monterrey', 'America/Merida',
    ]));
  });

  it('never offers biometric capture outside IMSS offices', () => {
    const consular = OFFICES.filter((o) => o.kind !== 'IMSS_SUBDELEGATION');
    expect(consular.filter((o) => o.services.includes('BIOMETRIC_CAPTURE'))).toEqual([]);
    expect(IMSS_OFFICES.every((o) => o.services.includes('BIOMETRIC_CAPTURE'))).toBe(true);
  });

  it('offers only catalogued services, each allowed at that kind of office', () => {
    for (const office of OFFICES) {
      for (const code of office.services) expect(SERVICES[code].offeredAt, `${office.id} ${code}`).toContain(office.kind);
    }
  });

  it('has at least one window and some opening hours everywhere, never on Sunday', () => {
    expect(OFFICES.filter((o) => !(Number.isInteger(o.advisoryWindows) && o.advisoryWindows >= 1))).toEqual([]);
    expect(OFFICES.filter((o) => Object.keys(o.openingHours).length === 0)).toEqual([]);
    expect(OFFICES.filter((o) => o.openingHours[7] !== undefined)).toEqual([]);
  });

  it('uses two-letter upper-case country codes', () => {
    expect(OFFICES.filter((o) => !/^[A-Z]{2}$/.test(o.country))).toEqual([]);
  });

  it('attaches Mexican and host holidays to an office', () => {
    const lax = withHolidays(officeById('CON-LAX')!);
    expect(lax.holidays).toEqual(expect.arrayContaining(['2026-09-16', '2026-11-26', '2026-07-03']));
    const guadalajara = withHolidays(officeById('IMSS-39')!);
    expect(guadalajara.holidays).toContain('2026-09-16');
    expect(guadalajara.holidays).not.toContain('2026-11-26');
    expect(guadalajara.holidaysKnownThrough).toBe('2027-12-31');
  });
});

/** Holiday tables checked against the calendar rules they come from (LFT art. 74, OPM, gov.uk…). */
import { describe, expect, it } from 'vitest';
import {
  HOLIDAYS_KNOWN_THROUGH, HOST_COUNTRY_HOLIDAYS, MEXICAN_HOLIDAYS, hasHostHolidayList, holidaysFor,
} from '../../../subgraphs/appointments/reference/index.ts';

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
const dow = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** The n-th Monday of a month, from the first of the month. */
const nthMonday = (y: number, m: number, n: number) => {
  const first = iso(y, m, 1);
  return shift(first, ((8 - dow(first)) % 7) + 7 * (n - 1));
};
/** Easter Sunday, anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easter(y: number): string {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  return iso(y, Math.floor((h + l - 7 * m + 114) / 31), ((h + l - 7 * m + 114) % 31) + 1);
}
const dates = (list: readonly { date: string }[]) => list.map((h) => h.date);

describe('Mexican holidays', () => {
  it.each([2026, 2027])('%i follows LFT art. 74 plus Holy Thursday and Good Friday', (y) => {
    const expected = [
      iso(y, 1, 1), nthMonday(y, 2, 1), nthMonday(y, 3, 3), shift(easter(y), -3), shift(easter(y), -2),
      iso(y, 5, 1), iso(y, 9, 16), nthMonday(y, 11, 3), iso(y, 12, 25),
    ].sort();
    expect(dates(MEXICAN_HOLIDAYS).filter((d) => d.startsWith(String(y)))).toEqual(expected);
  });

  it('puts the moved holidays on Mondays (2 Feb 2026, 16 Mar 2026, 15 Nov 2027)', () => {
    for (const date of ['2026-02-02', '2026-03-16', '2027-11-15']) expect(dow(date)).toBe(1);
    expect(dates(MEXICAN_HOLIDAYS)).toEqual(expect.arrayContaining(['2026-02-02', '2026-03-16', '2027-11-15']));
  });
});

describe('host-country holidays', () => {
  it('keeps every list sorted, unique and within the known range', () => {
    for (const [country, list] of Object.entries(HOST_COUNTRY_HOLIDAYS)) {
      const ds = dates(list);
      expect(ds, country).toEqual([...new Set(ds)].sort());
      expect(ds.every((d) => d >= '2026-01-01' && d <= HOLIDAYS_KNOWN_THROUGH), country).toBe(true);
    }
  });

  it('moves US federal holidays off weekends (OPM rule): 3 Jul 2026, 5 Jul and 24 and 31 Dec 2027', () => {
    expect(dates(HOST_COUNTRY_HOLIDAYS.US ?? [])).toEqual(expect.arrayContaining(['2026-07-03', '2027-07-05', '2027-12-24', '2027-12-31']));
    expect(dow('2026-07-04')).toBe(6);
    expect(dow('2027-07-04')).toBe(0);
  });

  it('has Thanksgiving on the fourth Thursday of November', () => {
    const us = dates(HOST_COUNTRY_HOLIDAYS.US ?? []);
    expect(us).toContain(shift(nthMonday(2026, 11, 4), 3));
    expect(us).toContain(shift(nthMonday(2027, 11, 4), 3));
  });

  it.each([2026, 2027])('%i: Good Friday in Spain, Canada, UK and Germany; Easter Monday in France, Italy, UK', (y) => {
    const goodFriday = shift(easter(y), -2);
    const easterMonday = shift(easter(y), 1);
    for (const c of ['ES', 'CA', 'GB', 'DE']) expect(dates(HOST_COUNTRY_HOLIDAYS[c] ?? []), c).toContain(goodFriday);
    for (const c of ['FR', 'IT', 'GB', 'DE']) expect(dates(HOST_COUNTRY_HOLIDAYS[c] ?? []), c).toContain(easterMonday);
  });

  it('has Victoria Day on the Monday before 25 May', () => {
    const ca = dates(HOST_COUNTRY_HOLIDAYS.CA ?? []);
    for (const date of ['2026-05-18', '2027-05-24']) {
      expect(dow(date)).toBe(1);
      expect(date.slice(5) < '05-25' && shift(date, 7).slice(5) >= '05-25').toBe(true);
      expect(ca).toContain(date);
    }
  });
});

describe('holidaysFor', () => {
  it('merges Mexican and host holidays, one entry per date, the Mexican name first', () => {
    const us = holidaysFor('US');
    expect(us.filter((h) => h.date === '2026-12-25')).toEqual([{ date: '2026-12-25', name: 'Navidad' }]);
    expect(dates(us)).toEqual([...new Set(dates(us))].sort());
    expect(dates(us)).toEqual(expect.arrayContaining(['2026-09-16', '2026-05-25']));
  });

  it('gives Mexico its own days only, and unlisted countries only Mexico’s', () => {
    expect(dates(holidaysFor('MX'))).toEqual(dates(MEXICAN_HOLIDAYS));
    expect(dates(holidaysFor('JP'))).toEqual(dates(MEXICAN_HOLIDAYS));
    expect(hasHostHolidayList('JP')).toBe(false);
    expect(hasHostHolidayList('ES')).toBe(true);
    expect(dates(holidaysFor('constructor'))).toEqual(dates(MEXICAN_HOLIDAYS));
  });
});

/** Offices, services and slots: public, searchable, in each office's own time zone. */
import { describe, expect } from 'vitest';
import { OFFICES } from '../../../subgraphs/appointments/reference/index.ts';
import { systemTestAt } from '../../support/fixtures.ts';
import { gql } from '../../support/graphql.ts';
import { FRIDAY_0900_LAX, SLOTS } from './support.ts';

const it = systemTestAt(FRIDAY_0900_LAX);
const slotsOf = (data: any) => (data?.slots ?? []) as Array<Record<string, any>>;

describe('appointments: offices and services (public)', () => {
  it('lists the whole catalogue to an anonymous caller, the deprecated consulates alias too', async ({ as }) => {
    const res = await as('ANONYMOUS').query(gql`{ offices { id kind timeZone } consulates { id } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data?.offices).toHaveLength(OFFICES.length);
    expect(res.data?.consulates).toHaveLength(OFFICES.length);
    expect(res.data?.offices).toContainEqual({ id: 'CON-LAX', kind: 'CONSULATE', timeZone: 'America/Los_Angeles' });
  });

  it('searches by country and by city without accents or case', async ({ as }) => {
    const res = await as('ANONYMOUS').query(gql`{ ca: offices(country: "ca") { id } la: offices(city: "los angeles") { id name } }`);
    expect(res.data?.ca.map((o: { id: string }) => o.id).sort()).toEqual(['CON-MTL', 'CON-OTT', 'CON-TOR', 'CON-YQG', 'CON-YVR', 'CON-YYC']);
    expect(res.data?.la).toEqual([{ id: 'CON-LAX', name: 'Consulado General de México en Los Ángeles' }]);
  });

  it('finds biometric capture only at IMSS offices', async ({ as }) => {
    const res = await as('ANONYMOUS').query(gql`{ offices(service: BIOMETRIC_CAPTURE) { kind } }`);
    expect(res.data?.offices.length).toBeGreaterThan(0);
    expect(new Set(res.data?.offices.map((o: { kind: string }) => o.kind))).toEqual(new Set(['IMSS_SUBDELEGATION']));
  });

  it('gives an office its services with duration and checklist, its hours and its holidays', async ({ as }) => {
    const res = await as('ANONYMOUS').query(gql`{ office(id: "CON-LAX") {
      advisoryWindows openingHours { weekday opens closes }
      services { code durationMinutes procedure documents { code } }
      holidays(from: "2026-03-01", to: "2026-07-31") { date } } }`);
    const office = res.data?.office;
    expect(office.advisoryWindows).toBe(6);
    expect(office.openingHours).toContainEqual({ weekday: 6, opens: '09:00', closes: '13:00' });
    expect(office.services.map((s: { code: string }) => s.code)).not.toContain('BIOMETRIC_CAPTURE');
    expect(office.services).toContainEqual(expect.objectContaining({ code: 'NSS_ASSIGNMENT', procedure: 'NSS_ASSISTANCE', durationMinutes: 20 }));
    expect(office.holidays.map((h: { date: string }) => h.date)).toEqual(expect.arrayContaining(['2026-03-16', '2026-07-03']));
  });

  it('lists the service catalogue with document alternatives', async ({ as }) => {
    const res = await as('ANONYMOUS').query(gql`{ services { code documents { code ifAvailable anyOf { code } } } }`);
    const voluntary = res.data?.services.find((s: { code: string }) => s.code === 'VOLUNTARY_ENROLLMENT');
    expect(voluntary.documents).toContainEqual({ code: 'NSS', ifAvailable: true, anyOf: [] });
    expect(voluntary.documents).toContainEqual(expect.objectContaining({ code: 'OFFICIAL_ID', anyOf: expect.arrayContaining([{ code: 'MATRICULA_CONSULAR' }]) }));
  });
});

describe('appointments: slots across time zones and DST', () => {
  it('offers anonymous callers slots at 08:00 local on both sides of the US change: 16:00Z in PST, 15:00Z in PDT', async ({ as }) => {
    const res = await as('ANONYMOUS').query(SLOTS, { o: 'CON-LAX', s: 'PROOF_OF_LIFE', f: '2026-03-06', t: '2026-03-09' });
    expect(res.errors).toBeUndefined();
    const firsts = new Map<string, Record<string, any>>();
    for (const slot of slotsOf(res.data)) if (!firsts.has(slot.localDate)) firsts.set(slot.localDate, slot);
    // Friday from 10:00 (an hour's notice after 09:00 now), Saturday 09:00, no Sunday, Monday 08:00 PDT.
    expect([...firsts.values()].map((s) => [s.localDate, s.localStartTime, s.startsAt, s.utcOffset])).toEqual([
      ['2026-03-06', '10:00', '2026-03-06T18:00:00.000Z', '-08:00'],
      ['2026-03-07', '09:00', '2026-03-07T17:00:00.000Z', '-08:00'],
      ['2026-03-09', '08:00', '2026-03-09T15:00:00.000Z', '-07:00'],
    ]);
    expect(firsts.get('2026-03-09')).toMatchObject({ capacity: 6, available: 6, localEndTime: '08:15' });
  });

  it('follows Madrid into summer time on 29 March: 09:00 local is 08:00Z before and 07:00Z after', async ({ as }) => {
    const res = await as('ANONYMOUS').query(SLOTS, { o: 'CON-MAD', s: 'GENERAL_ADVICE', f: '2026-03-27', t: '2026-03-30' });
    const firstOf = (date: string) => slotsOf(res.data).find((s) => s.localDate === date);
    expect(firstOf('2026-03-27')).toMatchObject({ localStartTime: '09:00', startsAt: '2026-03-27T08:00:00.000Z', utcOffset: '+01:00' });
    expect(firstOf('2026-03-30')).toMatchObject({ localStartTime: '09:00', startsAt: '2026-03-30T07:00:00.000Z', utcOffset: '+02:00' });
  });

  it('keeps Phoenix on UTC−7 while Los Angeles changes, and Sydney a day ahead of UTC', async ({ as }) => {
    const phoenix = await as('ANONYMOUS').query(SLOTS, { o: 'CON-PHX', s: 'GENERAL_ADVICE', f: '2026-03-09', t: '2026-03-09' });
    expect(slotsOf(phoenix.data)[0]).toMatchObject({ localStartTime: '08:00', startsAt: '2026-03-09T15:00:00.000Z', utcOffset: '-07:00' });
    const sydney = await as('ANONYMOUS').query(SLOTS, { o: 'CON-SYD', s: 'GENERAL_ADVICE', f: '2026-04-06', t: '2026-04-06' });
    expect(slotsOf(sydney.data)[0]).toMatchObject({ localDate: '2026-04-06', localStartTime: '08:00', startsAt: '2026-04-05T22:00:00.000Z', utcOffset: '+10:00' });
  });

  it('has no slots on a holiday (Natalicio de Benito Juárez) and refuses a range past the holiday calendar', async ({ as }) => {
    const holiday = await as('ANONYMOUS').query(SLOTS, { o: 'CON-LAX', s: 'GENERAL_ADVICE', f: '2026-03-16', t: '2026-03-16' });
    expect(slotsOf(holiday.data)).toEqual([]);
    const beyond = await as('ANONYMOUS').query(SLOTS, { o: 'CON-LAX', s: 'GENERAL_ADVICE', f: '2027-12-20', t: '2028-01-10' });
    expect(beyond.errors?.[0]?.extensions?.code).toBe('SLOT_RANGE_BEYOND_HOLIDAY_CALENDAR');
  });

  it('refuses a service the office does not offer with SERVICE_NOT_OFFERED', async ({ as }) => {
    const res = await as('ANONYMOUS').query(SLOTS, { o: 'CON-LAX', s: 'BIOMETRIC_CAPTURE', f: '2026-03-09', t: '2026-03-09' });
    expect(res.errors?.[0]?.extensions?.code).toBe('SERVICE_NOT_OFFERED');
  });
});

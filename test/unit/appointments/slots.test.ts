/** Slot generation in office wall-clock time, across DST changes, holidays and closing times. */
import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../support/thrown.ts';
import { CONSULAR_HOURS, officeById, withHolidays } from '../../../subgraphs/appointments/reference/index.ts';
import type { WeeklyOpeningHours } from '../../../subgraphs/appointments/reference/index.ts';
import { AppointmentRuleError, generateSlots } from '../../../subgraphs/appointments/rules/index.ts';
import type { SlotOffice } from '../../../subgraphs/appointments/rules/index.ts';

const EVERY_DAY_9_TO_10: WeeklyOpeningHours = Object.fromEntries(
  [1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ opens: '09:00', closes: '10:00' }]]),
);
const office = (timeZone: string, openingHours: WeeklyOpeningHours = EVERY_DAY_9_TO_10, extra: Partial<SlotOffice> = {}): SlotOffice => ({
  id: 'TEST', timeZone, openingHours, advisoryWindows: 2, holidays: [], ...extra,
});
const hour = { code: 'GENERAL_ADVICE', durationMinutes: 60 };
/** The 09:00 slot of each day in the range, as UTC ISO strings. */
const nineOClock = (timeZone: string, from: string, to: string) =>
  generateSlots({ office: office(timeZone), service: hour, from, to }).map((s) => [s.localDate, s.localStartTime, s.startsAt.toISOString(), s.utcOffset] as const);

const thrown = (run: () => unknown): AppointmentRuleError => thrownBy(run, AppointmentRuleError);

describe('slots across DST changes', () => {
  it('keeps 09:00 local in Los Angeles on both sides of 2026-03-08; the UTC instant moves an hour earlier', () => {
    expect(nineOClock('America/Los_Angeles', '2026-03-07', '2026-03-09')).toEqual([
      ['2026-03-07', '09:00', '2026-03-07T17:00:00.000Z', '-08:00'],
      ['2026-03-08', '09:00', '2026-03-08T16:00:00.000Z', '-07:00'],
      ['2026-03-09', '09:00', '2026-03-09T16:00:00.000Z', '-07:00'],
    ]);
  });

  it('keeps 09:00 local in Los Angeles on both sides of 2026-11-01; the UTC instant moves an hour later', () => {
    expect(nineOClock('America/Los_Angeles', '2026-10-31', '2026-11-01')).toEqual([
      ['2026-10-31', '09:00', '2026-10-31T16:00:00.000Z', '-07:00'],
      ['2026-11-01', '09:00', '2026-11-01T17:00:00.000Z', '-08:00'],
    ]);
  });

  it('follows Madrid into summer time on 2026-03-29 and out of it on 2026-10-25', () => {
    expect(nineOClock('Europe/Madrid', '2026-03-28', '2026-03-29').map((s) => s[2])).toEqual(['2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z']);
    expect(nineOClock('Europe/Madrid', '2026-10-24', '2026-10-25').map((s) => s[2])).toEqual(['2026-10-24T07:00:00.000Z', '2026-10-25T08:00:00.000Z']);
  });

  it('does not shift in Phoenix (no DST) while Los Angeles does', () => {
    expect(nineOClock('America/Phoenix', '2026-03-07', '2026-03-09').map((s) => s[2]))
      .toEqual(['2026-03-07T16:00:00.000Z', '2026-03-08T16:00:00.000Z', '2026-03-09T16:00:00.000Z']);
  });

  it('follows Sydney out of summer time on 2026-04-05 and into it on 2026-10-04 (southern hemisphere)', () => {
    expect(nineOClock('Australia/Sydney', '2026-04-04', '2026-04-05')).toEqual([
      ['2026-04-04', '09:00', '2026-04-03T22:00:00.000Z', '+11:00'],
      ['2026-04-05', '09:00', '2026-04-04T23:00:00.000Z', '+10:00'],
    ]);
    expect(nineOClock('Australia/Sydney', '2026-10-03', '2026-10-04').map((s) => s[3])).toEqual(['+10:00', '+11:00']);
  });

  it('stays at UTC−6 in Mexico City on the old DST dates (abolished in 2022)', () => {
    const instants = [...nineOClock('America/Mexico_City', '2026-04-04', '2026-04-05'), ...nineOClock('America/Mexico_City', '2026-10-24', '2026-10-25')];
    expect(instants.map((s) => s[2].slice(11))).toEqual(['15:00:00.000Z', '15:00:00.000Z', '15:00:00.000Z', '15:00:00.000Z']);
    expect(new Set(instants.map((s) => s[3]))).toEqual(new Set(['-06:00']));
  });

  it('skips local times in the spring-forward gap and slots that would end in it', () => {
    const night = office('America/Los_Angeles', { 7: [{ opens: '01:00', closes: '04:00' }] });
    const slots = generateSlots({ office: night, service: { code: 'X', durationMinutes: 30 }, from: '2026-03-08', to: '2026-03-08' });
    // 01:30–02:00 ends at a time that does not exist; 02:00 and 02:30 start in the gap.
    expect(slots.map((s) => `${s.localStartTime}-${s.localEndTime}`)).toEqual(['01:00-01:30', '03:00-03:30', '03:30-04:00']);
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual(['2026-03-08T09:00:00.000Z', '2026-03-08T10:00:00.000Z', '2026-03-08T10:30:00.000Z']);
  });

  it('resolves a repeated fall-back time to its first occurrence and drops the slot straddling the change', () => {
    const night = office('America/Los_Angeles', { 7: [{ opens: '00:30', closes: '03:00' }] });
    const slots = generateSlots({ office: night, service: { code: 'X', durationMinutes: 30 }, from: '2026-11-01', to: '2026-11-01' });
    const view = slots.map((s) => [s.localStartTime, s.startsAt.toISOString(), s.utcOffset]);
    expect(view).toEqual([
      ['00:30', '2026-11-01T07:30:00.000Z', '-07:00'],
      ['01:00', '2026-11-01T08:00:00.000Z', '-07:00'], // first 01:00 (PDT), not the second (PST)
      // 01:30 (PDT) → 02:00 (PST) lasts 90 real minutes: dropped
      ['02:00', '2026-11-01T10:00:00.000Z', '-08:00'],
      ['02:30', '2026-11-01T10:30:00.000Z', '-08:00'],
    ]);
  });
});

describe('slots within opening hours', () => {
  const lax = withHolidays(officeById('CON-LAX')!);
  const service = (durationMinutes: number) => ({ code: 'VOLUNTARY_ENROLLMENT', durationMinutes });

  it('lays slots back to back and never past the closing time', () => {
    const slots = generateSlots({ office: lax, service: service(50), from: '2026-03-10', to: '2026-03-10' });
    expect(slots.map((s) => s.localStartTime)).toEqual(['08:00', '08:50', '09:40', '10:30', '11:20', '12:10', '13:00']);
    expect(slots.at(-1)?.localEndTime).toBe('13:50');
  });

  it('fills the interval exactly when the duration divides it', () => {
    const slots = generateSlots({ office: lax, service: service(40), from: '2026-03-10', to: '2026-03-10' });
    expect(slots).toHaveLength(9);
    expect(slots.at(-1)).toMatchObject({ localStartTime: '13:20', localEndTime: '14:00' });
  });

  it('gives each slot the office’s window count as capacity and a key from office, service and start', () => {
    const [first] = generateSlots({ office: lax, service: service(40), from: '2026-03-10', to: '2026-03-10' });
    expect(first).toMatchObject({ capacity: lax.advisoryWindows, key: 'CON-LAX/VOLUNTARY_ENROLLMENT/2026-03-10T15:00:00.000Z' });
    expect(first?.endsAt.toISOString()).toBe('2026-03-10T15:40:00.000Z');
  });

  it('opens Saturdays only where the office does, with the Saturday hours', () => {
    const saturday = '2026-03-14';
    expect(generateSlots({ office: lax, service: service(60), from: saturday, to: saturday }).map((s) => s.localStartTime))
      .toEqual(['09:00', '10:00', '11:00', '12:00']);
    const boise = withHolidays(officeById('CON-BOI')!);
    expect(generateSlots({ office: boise, service: service(60), from: saturday, to: '2026-03-15' })).toEqual([]);
  });

  it('has no slots on Mexican or host-country holidays', () => {
    for (const holiday of ['2026-09-16', '2026-07-03', '2026-11-26', '2026-11-16', '2026-04-02']) {
      expect(generateSlots({ office: lax, service: service(60), from: holiday, to: holiday }), holiday).toEqual([]);
    }
    expect(generateSlots({ office: lax, service: service(60), from: '2026-09-15', to: '2026-09-17' }).map((s) => s.localDate))
      .not.toContain('2026-09-16');
  });

  it('treats from and to as local dates: a Sydney Monday starts on Sunday in UTC', () => {
    const syd = withHolidays(officeById('CON-SYD')!);
    const slots = generateSlots({ office: syd, service: service(60), from: '2026-06-01', to: '2026-06-01' });
    expect(slots[0]).toMatchObject({ localDate: '2026-06-01', localStartTime: '08:00', utcOffset: '+10:00' });
    expect(slots[0]?.startsAt.toISOString()).toBe('2026-05-31T22:00:00.000Z');
  });
});

describe('slots and the current time', () => {
  const lax = withHolidays(officeById('CON-LAX')!);
  const advice = { code: 'GENERAL_ADVICE', durationMinutes: 20 };
  const day = { from: '2026-03-09', to: '2026-03-09' };

  it('leaves out slots starting before now + the default 60-minute lead time', () => {
    // 08:30 PDT; earliest start 09:30; the 20-minute grid has 09:20 and 09:40.
    const slots = generateSlots({ office: lax, service: advice, ...day, now: new Date('2026-03-09T15:30:00Z') });
    expect(slots[0]?.localStartTime).toBe('09:40');
  });

  it('keeps a slot starting exactly at now + lead time', () => {
    const slots = generateSlots({ office: lax, service: advice, ...day, now: new Date('2026-03-09T16:00:00Z'), leadTimeMinutes: 0 });
    expect(slots[0]?.localStartTime).toBe('09:00');
  });

  it('honours a configured lead time', () => {
    const slots = generateSlots({ office: lax, service: advice, ...day, now: new Date('2026-03-09T15:00:00Z'), leadTimeMinutes: 180 });
    expect(slots[0]?.localStartTime).toBe('11:00');
  });

  it('without now, includes past slots', () => {
    expect(generateSlots({ office: lax, service: advice, ...day })[0]?.localStartTime).toBe('08:00');
  });
});

describe('slot input errors', () => {
  const lax = withHolidays(officeById('CON-LAX')!);
  const advice = { code: 'GENERAL_ADVICE', durationMinutes: 20 };

  it.each([
    [{ from: '2026-02-30', to: '2026-03-01' }, 'SLOT_RANGE_INVALID'],
    [{ from: '2026-03-10', to: '2026-03-09' }, 'SLOT_RANGE_INVALID'],
    [{ from: '2026-01-01', to: '2026-04-03' }, 'SLOT_RANGE_TOO_LONG'],
    [{ from: '2027-12-20', to: '2028-01-05' }, 'SLOT_RANGE_BEYOND_HOLIDAY_CALENDAR'],
  ])('%o is refused with %s', (range, code) => {
    expect(thrown(() => generateSlots({ office: lax, service: advice, ...range })).code).toBe(code);
  });

  it('accepts the longest allowed range, 92 days', () => {
    expect(generateSlots({ office: lax, service: advice, from: '2026-01-01', to: '2026-04-02' }).length).toBeGreaterThan(0);
  });

  it('names the invalid zone, hours, duration, windows and lead time', () => {
    const run = (o: Partial<SlotOffice>, durationMinutes = 20, leadTimeMinutes?: number) => thrown(() => generateSlots({
      office: { ...lax, ...o }, service: { code: 'X', durationMinutes }, from: '2026-03-09', to: '2026-03-09',
      now: new Date(0), ...(leadTimeMinutes !== undefined && { leadTimeMinutes }),
    }));
    expect(run({ timeZone: 'Mars/Olympus' })).toMatchObject({ code: 'OFFICE_TIME_ZONE_INVALID', details: { timeZone: 'Mars/Olympus' } });
    expect(run({ openingHours: { 1: [{ opens: '14:00', closes: '08:00' }] } }).code).toBe('OFFICE_HOURS_INVALID');
    expect(run({ openingHours: { 1: [{ opens: '8:00', closes: '14:00' }] } }).code).toBe('OFFICE_HOURS_INVALID');
    expect(run({ openingHours: { 1: [{ opens: '08:00', closes: '12:00' }, { opens: '11:00', closes: '14:00' }] } }).code).toBe('OFFICE_HOURS_INVALID');
    expect(run({}, 0).code).toBe('SERVICE_DURATION_INVALID');
    expect(run({}, 12.5).code).toBe('SERVICE_DURATION_INVALID');
    expect(run({ advisoryWindows: 0 }).code).toBe('OFFICE_WINDOWS_INVALID');
    expect(run({}, 20, -5).code).toBe('SLOT_LEAD_TIME_INVALID');
  });

  it('allows a split day with a lunch break', () => {
    const split = { ...lax, openingHours: { 2: [{ opens: '13:00', closes: '14:00' }, { opens: '08:00', closes: '09:00' }] } };
    expect(generateSlots({ office: split, service: { code: 'X', durationMinutes: 30 }, from: '2026-03-10', to: '2026-03-10' }).map((s) => s.localStartTime))
      .toEqual(['08:00', '08:30', '13:00', '13:30']);
  });

  it('uses the catalogue hours as given (Mon–Fri 08:00–14:00 template)', () => {
    expect(CONSULAR_HOURS[1]).toEqual([{ opens: '08:00', closes: '14:00' }]);
  });
});

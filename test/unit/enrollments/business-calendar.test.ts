/** Business-day calendar: LFT art. 74 rest days, weekends and injected closures (docs/domain.md §6, §7). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createBusinessCalendar, federalRestDays, InvalidDateError,
} from '../../../subgraphs/enrollments/rules/calendar/index.ts';

const calendar = createBusinessCalendar();

// Expected dates worked out independently of the implementation (checked against a printed calendar).
const MOVABLE_REST_DAYS: Record<number, [string, string, string]> = {
  2025: ['2025-02-03', '2025-03-17', '2025-11-17'],
  2026: ['2026-02-02', '2026-03-16', '2026-11-16'],
  2027: ['2027-02-01', '2027-03-15', '2027-11-15'],
  2028: ['2028-02-07', '2028-03-20', '2028-11-20'],
  2029: ['2029-02-05', '2029-03-19', '2029-11-19'],
  2030: ['2030-02-04', '2030-03-18', '2030-11-18'],
  2031: ['2031-02-03', '2031-03-17', '2031-11-17'],
};

describe('LFT art. 74 rest days', () => {
  it.each(Object.entries(MOVABLE_REST_DAYS))('in %s the first Monday of February and the third Mondays of March and November are rest days', (year, days) => {
    for (const day of days) expect(calendar.isBusinessDay(day), day).toBe(false);
    expect(federalRestDays(Number(year)).map((d) => d.date)).toEqual(expect.arrayContaining(days));
  });

  it('the third Monday of March 2026 is 16 March, and the Tuesday after it is a business day', () => {
    expect(calendar.nonBusinessReason('2026-03-16')).toMatch(/third Monday of March/);
    expect(calendar.isBusinessDay('2026-03-17')).toBe(true);
  });

  it('the commemorated dates themselves are working days when the Monday rule moves the rest day', () => {
    expect(calendar.isBusinessDay('2028-03-21')).toBe(true); // Tuesday; the rest day was Monday 20 March
    expect(calendar.isBusinessDay('2029-02-05')).toBe(false); // 5 February 2029 is itself the first Monday
    expect(calendar.isBusinessDay('2030-11-20')).toBe(true); // Wednesday; the rest day was 18 November
  });

  it.each([2025, 2026, 2027, 2028, 2029, 2030, 2031])('in %i, 1 January, 1 May, 16 September and 25 December are rest days', (year) => {
    const dates = federalRestDays(year).map((d) => d.date);
    expect(dates).toEqual(expect.arrayContaining([`${year}-01-01`, `${year}-05-01`, `${year}-09-16`, `${year}-12-25`]));
  });

  it('fixed rest days on a weekday are not business days', () => {
    for (const day of ['2025-01-01', '2026-05-01', '2025-09-16', '2029-12-25', '2031-01-01']) expect(calendar.isBusinessDay(day), day).toBe(false);
  });

  it('a rest day on a weekend is not moved to the Friday or Monday', () => {
    expect(calendar.nonBusinessReason('2027-05-01')).toBe('Saturday');
    expect(calendar.isBusinessDay('2027-04-30')).toBe(true);
    expect(calendar.isBusinessDay('2027-05-03')).toBe(true);
    expect(calendar.isBusinessDay('2027-12-24')).toBe(true);
    expect(calendar.isBusinessDay('2027-12-27')).toBe(true);
  });

  it('1 October is a rest day in the hand-over years 2024 and 2030 only', () => {
    expect(calendar.isBusinessDay('2024-10-01')).toBe(false);
    expect(calendar.isBusinessDay('2030-10-01')).toBe(false);
    for (const day of ['2025-10-01', '2026-10-01', '2027-10-01', '2029-10-01', '2031-10-01']) expect(calendar.isBusinessDay(day), day).toBe(true);
  });

  it('before the 2024 reform the hand-over day was 1 December (2018), and it no longer is', () => {
    expect(federalRestDays(2018).map((d) => d.date)).toContain('2018-12-01');
    expect(federalRestDays(2018).map((d) => d.date)).not.toContain('2018-10-01');
    expect(federalRestDays(2024).map((d) => d.date)).not.toContain('2024-12-01');
    expect(calendar.isBusinessDay('2030-12-02')).toBe(true);
  });

  it('lists eight days in a hand-over year and seven otherwise, in date order', () => {
    expect(federalRestDays(2030)).toHaveLength(8);
    expect(federalRestDays(2031)).toHaveLength(7);
    const dates = federalRestDays(2030).map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('counts a year of business days as weekdays minus rest days on weekdays', () => {
    // 2026: 261 weekdays, all 7 rest days on weekdays; 2030: 261 weekdays, 8 rest days on weekdays.
    expect(calendar.businessDaysBetween('2025-12-31', '2026-12-31')).toBe(254);
    expect(calendar.businessDaysBetween('2029-12-31', '2030-12-31')).toBe(253);
  });
});

describe('weekends and stepping', () => {
  it('Saturdays and Sundays are not business days', () => {
    expect(calendar.nonBusinessReason('2026-03-14')).toBe('Saturday');
    expect(calendar.nonBusinessReason('2026-03-15')).toBe('Sunday');
    expect(calendar.nonBusinessReason('2026-03-13')).toBeNull();
  });

  it('the next business day after a weekend followed by a rest day is the Tuesday', () => {
    expect(calendar.nextBusinessDayOnOrAfter('2026-03-14')).toBe('2026-03-17');
    expect(calendar.nextBusinessDayOnOrAfter('2026-03-17')).toBe('2026-03-17');
  });

  it('adds business days across the year end, skipping Christmas and New Year', () => {
    expect(calendar.addBusinessDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(calendar.addBusinessDays('2026-12-24', 5)).toBe('2027-01-04');
    expect(calendar.addBusinessDays('2027-01-04', -1)).toBe('2026-12-31');
    expect(calendar.addBusinessDays('2027-01-04', -5)).toBe('2026-12-24');
  });

  it('adding zero business days returns the date itself, even on a Sunday', () => {
    expect(calendar.addBusinessDays('2026-03-15', 0)).toBe('2026-03-15');
  });

  it('counts the business days stepped onto, the start excluded', () => {
    expect(calendar.businessDaysBetween('2026-12-24', '2027-01-04')).toBe(5);
    expect(calendar.businessDaysBetween('2027-01-04', '2026-12-24')).toBe(-5);
    expect(calendar.businessDaysBetween('2026-03-13', '2026-03-16')).toBe(0);
    expect(calendar.businessDaysBetween('2026-03-13', '2026-03-13')).toBe(0);
  });

  it('businessDaysBetween undoes addBusinessDays for any date and count', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 7 * 366 }), fc.integer({ min: -60, max: 60 }),
      (offset, n) => {
        const start = new Date(Date.UTC(2025, 0, 1 + offset)).toISOString().slice(0, 10);
        const end = calendar.addBusinessDays(start, n);
        expect(calendar.businessDaysBetween(start, end)).toBe(n);
        if (n !== 0) expect(calendar.isBusinessDay(end)).toBe(true);
        if (n > 0) expect(end > start).toBe(true);
        if (n < 0) expect(end < start).toBe(true);
      },
    ), { numRuns: 300 });
  });

  it('a business day is always Monday to Friday', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 7 * 366 }), (offset) => {
      const date = new Date(Date.UTC(2025, 0, 1 + offset));
      const day = date.toISOString().slice(0, 10);
      if (calendar.isBusinessDay(day)) expect([1, 2, 3, 4, 5]).toContain(date.getUTCDay());
    }), { numRuns: 300 });
  });
});

describe('injected days', () => {
  const closures = createBusinessCalendar({ extraNonBusinessDays: ['2026-04-02', '2026-04-03'], electionDays: ['2030-06-03'], checkedOn: '2026-12-01' });

  it('extra days declared by the institute are not business days, and they move deadlines', () => {
    expect(closures.isBusinessDay('2026-04-02')).toBe(false);
    expect(closures.nonBusinessReason('2026-04-03')).toMatch(/declared/);
    expect(calendar.isBusinessDay('2026-04-02')).toBe(true);
    expect(closures.addBusinessDays('2026-04-01', 1)).toBe('2026-04-06');
  });

  it('election days come from configuration', () => {
    expect(closures.nonBusinessReason('2030-06-03')).toBe('Election day');
    expect(calendar.isBusinessDay('2030-06-03')).toBe(true);
  });

  it('exposes when the injected days were last checked', () => {
    expect(closures.checkedOn).toBe('2026-12-01');
    expect(calendar.checkedOn).toBeNull();
  });

  it('refuses malformed or impossible dates with INVALID_DATE', () => {
    expect(() => createBusinessCalendar({ extraNonBusinessDays: ['2026-02-30'] })).toThrow(InvalidDateError);
    expect(() => calendar.isBusinessDay('2026-3-16')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => calendar.addBusinessDays('2026-03-16', 1.5)).toThrow(RangeError);
  });
});

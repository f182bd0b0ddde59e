/** The queue's day, open cases and the time each step took. */
import { describe, expect, it } from 'vitest';
import {
  checkQueueDay, findSlot, isOpenCase, localClockOf, serviceMinutes, waitingMinutes,
} from '../../../subgraphs/appointments/rules/index.ts';
import { SERVICES, officeById, withHolidays } from '../../../subgraphs/appointments/reference/index.ts';

describe('checkQueueDay', () => {
  it('lets queue steps happen on the appointment’s own local date', () => {
    expect(checkQueueDay('2026-03-09', '2026-03-09', 'CHECK_IN')).toEqual([]);
  });

  it('refuses a check-in of tomorrow’s booking with QUEUE_NOT_TODAY', () => {
    expect(checkQueueDay('2026-03-10', '2026-03-09', 'CHECK_IN')).toMatchObject([{ code: 'QUEUE_NOT_TODAY' }]);
    expect(checkQueueDay('2026-03-08', '2026-03-09', 'CALL')).toMatchObject([{ code: 'QUEUE_NOT_TODAY' }]);
  });

  it('lets a past booking be marked a no-show on a later day', () => {
    expect(checkQueueDay('2026-03-06', '2026-03-09', 'MARK_NO_SHOW')).toEqual([]);
  });
});

describe('isOpenCase', () => {
  it('is open while checked in or called today', () => {
    expect(isOpenCase({ status: 'CHECKED_IN', localDate: '2026-03-09' }, '2026-03-09')).toBe(true);
    expect(isOpenCase({ status: 'CALLED', localDate: '2026-03-09' }, '2026-03-09')).toBe(true);
  });

  it('is not open when only booked, once served, or on another day', () => {
    expect(isOpenCase({ status: 'BOOKED', localDate: '2026-03-09' }, '2026-03-09')).toBe(false);
    expect(isOpenCase({ status: 'SERVED', localDate: '2026-03-09' }, '2026-03-09')).toBe(false);
    expect(isOpenCase({ status: 'CHECKED_IN', localDate: '2026-03-08' }, '2026-03-09')).toBe(false);
  });
});

describe('step minutes', () => {
  const t = (hhmm: string) => new Date(`2026-03-09T${hhmm}:00Z`);

  it('measures check-in to call and call to served', () => {
    const entry = { checkedInAt: t('16:00'), calledAt: t('16:12'), servedAt: t('16:30') };
    expect(waitingMinutes(entry)).toBe(12);
    expect(serviceMinutes(entry)).toBe(18);
  });

  it('is null until the later step happened, and for a pair out of order', () => {
    expect(waitingMinutes({ checkedInAt: t('16:00'), calledAt: null })).toBeNull();
    expect(serviceMinutes({ calledAt: t('16:30'), servedAt: t('16:00') })).toBeNull();
  });
});

describe('localClockOf', () => {
  it('reads an instant as office wall-clock time on both sides of a DST change', () => {
    expect(localClockOf(new Date('2026-03-07T16:00:00Z'), 'America/Los_Angeles')).toBe('08:00');
    expect(localClockOf(new Date('2026-03-09T15:00:00Z'), 'America/Los_Angeles')).toBe('08:00');
    expect(localClockOf(new Date('2026-03-09T15:00:00Z'), 'Asia/Tokyo')).toBe('00:00');
  });
});

describe('findSlot', () => {
  const lax = withHolidays(officeById('CON-LAX')!);
  const service = { code: 'PROOF_OF_LIFE', durationMinutes: SERVICES.PROOF_OF_LIFE.durationMinutes };

  it('finds the slot a booking names, after a DST change (08:00 PDT = 15:00 UTC)', () => {
    expect(findSlot({ office: lax, service, startsAt: new Date('2026-03-09T15:00:00Z') })).toMatchObject({ localDate: '2026-03-09', localStartTime: '08:00' });
  });

  it('names a slot by its instant: 16:00 UTC is the 09:00 slot after the change, and an instant off the grid is no slot', () => {
    expect(findSlot({ office: lax, service, startsAt: new Date('2026-03-09T16:00:00Z') })?.localStartTime).toBe('09:00');
    expect(findSlot({ office: lax, service, startsAt: new Date('2026-03-09T15:05:00Z') })).toBeNull();
  });

  it('finds nothing on a holiday, on a closed day, within the lead time or past the holiday calendar', () => {
    expect(findSlot({ office: lax, service, startsAt: new Date('2026-09-16T15:00:00Z') })).toBeNull();
    expect(findSlot({ office: lax, service, startsAt: new Date('2026-03-08T16:00:00Z') })).toBeNull(); // Sunday
    expect(findSlot({ office: lax, service, startsAt: new Date('2026-03-09T15:00:00Z'), now: new Date('2026-03-09T14:30:00Z') })).toBeNull();
    expect(findSlot({ office: lax, service, startsAt: new Date('2028-01-10T16:00:00Z') })).toBeNull();
  });
});

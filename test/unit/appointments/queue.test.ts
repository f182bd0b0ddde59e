/** Appointment lifecycle in the advisory-window queue. */
import { describe, expect, it } from 'vitest';
import {
  QUEUE_TRANSITIONS, applyQueueEvent, isNoShowDue, nextStatus, walkIn,
} from '../../../subgraphs/appointments/rules/index.ts';
import type { AppointmentStatus, QueueEntry, QueueEvent } from '../../../subgraphs/appointments/rules/index.ts';

const STATUSES: AppointmentStatus[] = ['BOOKED', 'CHECKED_IN', 'CALLED', 'SERVED', 'CANCELLED', 'NO_SHOW'];
const EVENTS: QueueEvent[] = ['CHECK_IN', 'CALL', 'SERVE', 'CANCEL', 'MARK_NO_SHOW'];
const ALLOWED: Record<string, AppointmentStatus> = {
  'BOOKED CHECK_IN': 'CHECKED_IN',
  'BOOKED CANCEL': 'CANCELLED',
  'BOOKED MARK_NO_SHOW': 'NO_SHOW',
  'CHECKED_IN CALL': 'CALLED',
  'CALLED SERVE': 'SERVED',
};
const at = (hhmm: string) => new Date(`2026-03-09T${hhmm}:00Z`);
const booked = (start = '16:00'): QueueEntry => ({ status: 'BOOKED', bookedFor: at(start), checkedInAt: null, calledAt: null, servedAt: null });

describe('nextStatus', () => {
  const pairs = STATUSES.flatMap((s) => EVENTS.map((e) => [s, e] as const));

  it.each(pairs.filter(([s, e]) => ALLOWED[`${s} ${e}`]))('%s + %s is allowed', (status, event) => {
    expect(nextStatus(status, event)).toEqual({ ok: true, status: ALLOWED[`${status} ${event}`] });
  });

  it.each(pairs.filter(([s, e]) => !ALLOWED[`${s} ${e}`]))('%s + %s is QUEUE_INVALID_TRANSITION naming both', (status, event) => {
    const result = nextStatus(status, event);
    expect(result).toMatchObject({ ok: false, issues: [{ code: 'QUEUE_INVALID_TRANSITION' }] });
    const message = result.ok ? '' : result.issues[0]?.message ?? '';
    expect(message).toContain(status);
    expect(message).toContain(event);
  });

  it('has exactly the five documented transitions and three final statuses', () => {
    expect(Object.values(QUEUE_TRANSITIONS).reduce((n, row) => n + Object.keys(row).length, 0)).toBe(5);
    expect(STATUSES.filter((s) => Object.keys(QUEUE_TRANSITIONS[s]).length === 0)).toEqual(['SERVED', 'CANCELLED', 'NO_SHOW']);
  });

  it('says a final status allows nothing', () => {
    const result = nextStatus('SERVED', 'CALL');
    expect(result.ok ? '' : result.issues[0]?.message).toMatch(/none \(final status\)/);
  });
});

describe('applyQueueEvent', () => {
  it('stamps check-in, call and service times along the happy path', () => {
    const checkedIn = applyQueueEvent(booked(), 'CHECK_IN', { now: at('15:50') });
    if (!checkedIn.ok) throw new Error('check-in refused');
    const called = applyQueueEvent(checkedIn.entry, 'CALL', { now: at('16:05') });
    if (!called.ok) throw new Error('call refused');
    const served = applyQueueEvent(called.entry, 'SERVE', { now: at('16:25') });
    expect(served).toEqual({
      ok: true,
      entry: { status: 'SERVED', bookedFor: at('16:00'), checkedInAt: at('15:50'), calledAt: at('16:05'), servedAt: at('16:25') },
    });
  });

  it('keeps the caller’s extra fields', () => {
    const result = applyQueueEvent({ ...booked(), id: 'a-1' }, 'CANCEL', { now: at('10:00') });
    expect(result).toMatchObject({ ok: true, entry: { id: 'a-1', status: 'CANCELLED' } });
  });

  it('refuses to cancel after check-in', () => {
    const checkedIn = { ...booked(), status: 'CHECKED_IN' as const, checkedInAt: at('15:55') };
    expect(applyQueueEvent(checkedIn, 'CANCEL', { now: at('16:00') })).toMatchObject({ ok: false, issues: [{ code: 'QUEUE_INVALID_TRANSITION' }] });
  });

  it('marks a no-show only once the grace after the start has passed (15 minutes by default)', () => {
    expect(applyQueueEvent(booked(), 'MARK_NO_SHOW', { now: at('16:14') })).toMatchObject({ ok: false, issues: [{ code: 'QUEUE_NO_SHOW_BEFORE_GRACE' }] });
    expect(applyQueueEvent(booked(), 'MARK_NO_SHOW', { now: at('16:15') })).toMatchObject({ ok: true, entry: { status: 'NO_SHOW' } });
  });

  it('honours a configured grace and names it in the refusal', () => {
    const early = applyQueueEvent(booked(), 'MARK_NO_SHOW', { now: at('16:20'), noShowGraceMinutes: 30 });
    expect(early.ok ? '' : early.issues[0]?.message).toContain('30 minutes after its start, at 2026-03-09T16:30:00.000Z');
    expect(applyQueueEvent(booked(), 'MARK_NO_SHOW', { now: at('16:30'), noShowGraceMinutes: 30 }).ok).toBe(true);
  });
});

describe('walk-ins and no-shows', () => {
  it('creates a walk-in already checked in, without a booking', () => {
    expect(walkIn(at('17:00'))).toEqual({ status: 'CHECKED_IN', bookedFor: null, checkedInAt: at('17:00'), calledAt: null, servedAt: null });
  });

  it('lets a walk-in be called and served but never marked no-show', () => {
    expect(applyQueueEvent(walkIn(at('17:00')), 'CALL', { now: at('17:10') })).toMatchObject({ ok: true, entry: { status: 'CALLED' } });
    expect(isNoShowDue(walkIn(at('17:00')), at('23:00'))).toBe(false);
  });

  it('flags a booking as a due no-show at start + grace, and not after check-in', () => {
    expect(isNoShowDue(booked(), at('16:14'))).toBe(false);
    expect(isNoShowDue(booked(), at('16:15'))).toBe(true);
    expect(isNoShowDue({ ...booked(), status: 'CHECKED_IN', checkedInAt: at('16:10') }, at('17:00'))).toBe(false);
  });
});

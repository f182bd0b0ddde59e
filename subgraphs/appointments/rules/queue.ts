/**
 * The advisory-window queue: an appointment's lifecycle as a transition table.
 *
 *   BOOKED ──CHECK_IN──▶ CHECKED_IN ──CALL──▶ CALLED ──SERVE──▶ SERVED
 *     │ └──CANCEL──▶ CANCELLED
 *     └──MARK_NO_SHOW──▶ NO_SHOW   (only once the grace after the booked start has passed)
 *
 * A walk-in has no booking and enters the queue already CHECKED_IN. Cancelling is possible only
 * before check-in; SERVED, CANCELLED and NO_SHOW are final.
 */
import type { Validated, ValidationIssue } from '../../../schema/scalars/identifiers/issues.ts';

export type AppointmentStatus = 'BOOKED' | 'CHECKED_IN' | 'CALLED' | 'SERVED' | 'CANCELLED' | 'NO_SHOW';
export type QueueEvent = 'CHECK_IN' | 'CALL' | 'SERVE' | 'CANCEL' | 'MARK_NO_SHOW';

/** Minutes after the booked start before a booking that has not checked in may be marked NO_SHOW (policy default). */
export const DEFAULT_NO_SHOW_GRACE_MINUTES = 15;

export const QUEUE_TRANSITIONS: Readonly<Record<AppointmentStatus, Readonly<Partial<Record<QueueEvent, AppointmentStatus>>>>> = {
  BOOKED: { CHECK_IN: 'CHECKED_IN', CANCEL: 'CANCELLED', MARK_NO_SHOW: 'NO_SHOW' },
  CHECKED_IN: { CALL: 'CALLED' },
  CALLED: { SERVE: 'SERVED' },
  SERVED: {},
  CANCELLED: {},
  NO_SHOW: {},
};

/** One appointment as the queue sees it. `bookedFor` is null for a walk-in. */
export interface QueueEntry {
  status: AppointmentStatus;
  bookedFor: Date | null;
  checkedInAt: Date | null;
  calledAt: Date | null;
  servedAt: Date | null;
}

function invalidTransition(current: string, event: string): ValidationIssue {
  const allowed = Object.hasOwn(QUEUE_TRANSITIONS, current) ? Object.keys(QUEUE_TRANSITIONS[current as AppointmentStatus]) : [];
  return {
    code: 'QUEUE_INVALID_TRANSITION',
    message: `Cannot apply ${event} to an appointment in status ${current}; allowed from ${current}: ${allowed.length > 0 ? allowed.join(', ') : 'none (final status)'}`,
  };
}

/** The status `event` leads to from `current`, or QUEUE_INVALID_TRANSITION naming both. */
export function nextStatus(current: AppointmentStatus, event: QueueEvent): Validated<{ status: AppointmentStatus }> {
  const row = Object.hasOwn(QUEUE_TRANSITIONS, current) ? QUEUE_TRANSITIONS[current] : undefined;
  const status = row !== undefined && Object.hasOwn(row, event) ? row[event] : undefined;
  return status === undefined ? { ok: false, issues: [invalidTransition(current, event)] } : { ok: true, status };
}

/** A walk-in: no booking, checked in at `now`. */
export function walkIn(now: Date): QueueEntry {
  return { status: 'CHECKED_IN', bookedFor: null, checkedInAt: now, calledAt: null, servedAt: null };
}

/** True when a booking is still not checked in `graceMinutes` after its start. */
export function isNoShowDue(entry: QueueEntry, now: Date, graceMinutes = DEFAULT_NO_SHOW_GRACE_MINUTES): boolean {
  return entry.status === 'BOOKED' && entry.bookedFor !== null
    && now.getTime() >= entry.bookedFor.getTime() + graceMinutes * 60_000;
}

/**
 * Applies `event` at `now`: the new status plus the timestamp it records (checkedInAt, calledAt,
 * servedAt). MARK_NO_SHOW before the grace has passed is QUEUE_NO_SHOW_BEFORE_GRACE.
 */
export function applyQueueEvent<T extends QueueEntry>(
  entry: T,
  event: QueueEvent,
  options: { now: Date; noShowGraceMinutes?: number },
): Validated<{ entry: T }> {
  const next = nextStatus(entry.status, event);
  if (!next.ok) return next;
  const { now } = options;
  const grace = options.noShowGraceMinutes ?? DEFAULT_NO_SHOW_GRACE_MINUTES;
  if (event === 'MARK_NO_SHOW' && !isNoShowDue(entry, now, grace)) {
    const due = entry.bookedFor === null ? 'never (walk-in)' : new Date(entry.bookedFor.getTime() + grace * 60_000).toISOString();
    return { ok: false, issues: [{ code: 'QUEUE_NO_SHOW_BEFORE_GRACE', message: `A booking may be marked NO_SHOW only ${grace} minutes after its start, at ${due}` }] };
  }
  const stamped: Partial<QueueEntry> = event === 'CHECK_IN' ? { checkedInAt: now }
    : event === 'CALL' ? { calledAt: now }
      : event === 'SERVE' ? { servedAt: now }
        : {};
  return { ok: true, entry: { ...entry, ...stamped, status: next.status } };
}

/** The statuses of an appointment a person is still in the middle of (one per person and service). */
export const ACTIVE_STATUSES: readonly AppointmentStatus[] = ['BOOKED', 'CHECKED_IN', 'CALLED'];

/**
 * Queue steps (check-in, call, serve) happen on the appointment's own day in the office's time
 * zone: a booking for tomorrow cannot be checked in today. `officeToday` is today's local date
 * at the office. Marking a no-show is not bound to the day (a missed booking stays missed).
 */
export function checkQueueDay(appointmentDate: string, officeToday: string, event: QueueEvent): ValidationIssue[] {
  if (event === 'MARK_NO_SHOW' || event === 'CANCEL' || appointmentDate === officeToday) return [];
  return [{ code: 'QUEUE_NOT_TODAY', message: `Cannot apply ${event} on ${officeToday} to an appointment of ${appointmentDate} (office-local dates)` }];
}

/**
 * An open case: the person is at the office now — checked in or called, today in the office's
 * time zone. Staff access to a person's data is bound to such a case.
 */
export function isOpenCase(entry: { status: AppointmentStatus; localDate: string }, officeToday: string): boolean {
  return (entry.status === 'CHECKED_IN' || entry.status === 'CALLED') && entry.localDate === officeToday;
}

/** Appointments rules: slots in office time, slot keys, seats, the advisory-window queue. */
export { AppointmentRuleError } from './errors.ts';
export {
  assertTimeZone, formatClock, formatUtcOffset, isSameLocalDay, localClockOf, localDateOf, localDayResolver, parseClock,
  resolveLocalTime, utcOffsetMinutes,
} from './local-time.ts';
export { MAX_SERVICE_MINUTES, MAX_SLOT_RANGE_DAYS } from './slot-input.ts';
export { parseSlotKey, slotKey } from './slot-key.ts';
export { DEFAULT_LEAD_TIME_MINUTES, generateSlots } from './slots.ts';
export type { GenerateSlotsInput, Slot, SlotOffice, SlotService } from './slots.ts';
export { findSlot } from './slot-lookup.ts';
export { SEAT_UNIT_MINUTES, freeSeats, seatChanges, seatUnits } from './seats.ts';
export type { SeatChange, TimeInterval, UnitCount } from './seats.ts';
export type { ResolvedLocalTime } from './local-time.ts';
export {
  ACTIVE_STATUSES, DEFAULT_NO_SHOW_GRACE_MINUTES, QUEUE_TRANSITIONS, applyQueueEvent, checkQueueDay, isNoShowDue, isOpenCase,
  nextStatus, walkIn,
} from './queue.ts';
export type { AppointmentStatus, QueueEntry, QueueEvent } from './queue.ts';
export { dailySummary, nearestRankPercentile, serviceMinutes, waitingMinutes } from './queue-summary.ts';
export type { DailyQueueSummary } from './queue-summary.ts';
export { matchesSearch, searchKey } from './office-search.ts';

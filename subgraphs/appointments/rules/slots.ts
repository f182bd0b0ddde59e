/**
 * Bookable slots of one service at one office over a range of local dates.
 *
 * Slots are laid back to back from each opening time, `durationMinutes` apart, in the office's
 * wall-clock time, so a 09:00 slot is at 09:00 local on both sides of a DST change (its UTC
 * instant moves by the change instead). Rules at the edges:
 * - a slot ends at or before the interval's closing time, never across it;
 * - closed weekdays and holidays (`office.holidays`, local dates) have no slots;
 * - a start or end time that does not exist locally (spring-forward gap) drops the slot;
 * - a time that exists twice (fall-back overlap) means its first occurrence; a slot whose real
 *   length would then differ from `durationMinutes` (it straddles the change) is dropped;
 * - with `now`, slots starting before now + `leadTimeMinutes` are left out.
 * Capacity is the number of advisory windows. Windows are shared by every service, and slots of
 * services with different durations overlap, so the seats still free in a slot are counted per
 * 5-minute unit across services (seats.ts), not per slot.
 */
import { addDays, weekday } from '../../shared/dates.ts';
import type { IsoWeekday, WeeklyOpeningHours } from '../reference/types.ts';
import { assertTimeZone, formatClock, formatUtcOffset, localDayResolver } from './local-time.ts';
import { checkDuration, checkLeadTime, checkRange, checkWindows, parseOpeningHours } from './slot-input.ts';
import { slotKey } from './slot-key.ts';

/** Minimum notice for a booking when the caller passes `now` and no lead time (policy default). */
export const DEFAULT_LEAD_TIME_MINUTES = 60;

/** The office fields slot generation needs. */
export interface SlotOffice {
  id: string;
  timeZone: string;
  openingHours: WeeklyOpeningHours;
  advisoryWindows: number;
  /** Local dates ('YYYY-MM-DD') the office is closed. */
  holidays: readonly string[];
  /** When set, ranges ending after this date are refused: the closures beyond it are unknown. */
  holidaysKnownThrough?: string;
}

export interface SlotService {
  code: string;
  durationMinutes: number;
}

export interface GenerateSlotsInput {
  office: SlotOffice;
  service: SlotService;
  /** First local date, inclusive. */
  from: string;
  /** Last local date, inclusive. */
  to: string;
  /** The current instant; without it no slot is filtered as past. */
  now?: Date;
  /** Minimum minutes between `now` and a slot's start; default DEFAULT_LEAD_TIME_MINUTES. */
  leadTimeMinutes?: number;
}

export interface Slot {
  /** Stable id from (office, service, startsAt); see slotKey. */
  key: string;
  officeId: string;
  service: string;
  startsAt: Date;
  endsAt: Date;
  localDate: string;
  localStartTime: string;
  localEndTime: string;
  /** The office's UTC offset at the start, '+HH:MM'. */
  utcOffset: string;
  capacity: number;
}

const MINUTE_MS = 60_000;

/** Every slot of `service` at `office` from `from` to `to` (local dates), in start order. */
export function generateSlots(input: GenerateSlotsInput): Slot[] {
  const { office, service, from, to } = input;
  checkRange(from, to, office.holidaysKnownThrough);
  checkDuration(service.durationMinutes);
  checkWindows(office.advisoryWindows);
  assertTimeZone(office.timeZone);
  const hours = parseOpeningHours(office.openingHours);
  const leadTime = input.leadTimeMinutes ?? DEFAULT_LEAD_TIME_MINUTES;
  checkLeadTime(leadTime);
  const holidays = new Set(office.holidays);
  const earliest = input.now === undefined ? null : input.now.getTime() + leadTime * MINUTE_MS;
  const duration = service.durationMinutes;

  const slots: Slot[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (holidays.has(date)) continue;
    const day = weekday(date);
    const intervals = hours.get((day === 0 ? 7 : day) as IsoWeekday) ?? [];
    if (intervals.length === 0) continue;
    const resolve = localDayResolver(date, office.timeZone);
    for (const interval of intervals) {
      for (let start = interval.opens; start + duration <= interval.closes; start += duration) {
        const begins = resolve(start);
        const ends = resolve(start + duration);
        if (begins === null || ends === null) continue;
        const startsAt = begins.instant;
        const endsAt = ends.instant;
        if (endsAt.getTime() - startsAt.getTime() !== duration * MINUTE_MS) continue;
        if (earliest !== null && startsAt.getTime() < earliest) continue;
        slots.push({
          key: slotKey(office.id, service.code, startsAt),
          officeId: office.id,
          service: service.code,
          startsAt,
          endsAt,
          localDate: date,
          localStartTime: formatClock(start),
          localEndTime: formatClock(start + duration),
          utcOffset: formatUtcOffset(begins.offsetMinutes),
          capacity: office.advisoryWindows,
        });
      }
    }
  }
  return slots;
}

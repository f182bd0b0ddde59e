/**
 * Seats in 5-minute units (see db/schema/appointments.ts, slot_units): a booking holds one seat
 * in every unit from its start to its end, and an office has as many seats per unit as windows.
 * Every IANA offset in use is a whole number of quarter hours, so a local time on a 5-minute
 * boundary is on a 5-minute boundary of UTC too, and units can be counted on UTC instants.
 */
import { AppointmentRuleError } from './errors.ts';

export const SEAT_UNIT_MINUTES = 5;
const UNIT_MS = SEAT_UNIT_MINUTES * 60_000;

export interface TimeInterval {
  startsAt: Date;
  endsAt: Date;
}

/** A change of one seat in one unit: +1 takes it, -1 gives it back. */
export interface SeatChange {
  unit: Date;
  delta: 1 | -1;
}

/** How many seats of one unit are taken, and of how many. */
export interface UnitCount {
  capacity: number;
  booked: number;
}

/** The units an interval covers, in order; SLOT_UNIT_MISALIGNED unless both ends fall on a unit boundary. */
export function seatUnits({ startsAt, endsAt }: TimeInterval): Date[] {
  const start = startsAt.getTime();
  const end = endsAt.getTime();
  if (start % UNIT_MS !== 0 || end % UNIT_MS !== 0 || end <= start) {
    throw new AppointmentRuleError('SLOT_UNIT_MISALIGNED', `A slot must start and end on a ${SEAT_UNIT_MINUTES}-minute boundary, after it starts`, {
      startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(),
    });
  }
  const units: Date[] = [];
  for (let at = start; at < end; at += UNIT_MS) units.push(new Date(at));
  return units;
}

/**
 * The seat changes of giving back `release` and taking `take` (a reschedule does both, a
 * booking only takes, a cancellation only gives back), netted per unit and in ascending order:
 * the order every transaction locks unit rows in, so two of them never wait on each other.
 */
export function seatChanges(change: { release?: TimeInterval; take?: TimeInterval }): SeatChange[] {
  const net = new Map<number, number>();
  for (const unit of change.release ? seatUnits(change.release) : []) net.set(unit.getTime(), (net.get(unit.getTime()) ?? 0) - 1);
  for (const unit of change.take ? seatUnits(change.take) : []) net.set(unit.getTime(), (net.get(unit.getTime()) ?? 0) + 1);
  return [...net.entries()]
    .filter(([, delta]) => delta !== 0)
    .sort(([a], [b]) => a - b)
    .map(([at, delta]) => ({ unit: new Date(at), delta: delta > 0 ? 1 : -1 }));
}

/**
 * Seats still free for `slot`: the fewest free over its units. A unit nobody has booked yet has
 * `windows` seats; a unit already counted keeps the capacity it was created with.
 */
export function freeSeats(slot: TimeInterval, counts: ReadonlyMap<number, UnitCount>, windows: number): number {
  let free = Number.POSITIVE_INFINITY;
  for (const unit of seatUnits(slot)) {
    const count = counts.get(unit.getTime());
    free = Math.min(free, count ? count.capacity - count.booked : windows);
  }
  return Math.max(0, free);
}

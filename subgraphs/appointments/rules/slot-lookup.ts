/**
 * Finding the slot a booking names: it must be one `generateSlots` offers for that office and
 * service on that local date, now (opening hours, holidays, DST, lead time), or it is not offered.
 */
import { localDateOf } from './local-time.ts';
import { generateSlots, type GenerateSlotsInput, type Slot } from './slots.ts';

/** The slot of `service` at `office` starting exactly at `startsAt`, or null when none is offered. */
export function findSlot(input: Omit<GenerateSlotsInput, 'from' | 'to'> & { startsAt: Date }): Slot | null {
  const { startsAt, ...rest } = input;
  const localDate = localDateOf(startsAt, input.office.timeZone);
  if (input.office.holidaysKnownThrough !== undefined && localDate > input.office.holidaysKnownThrough) return null;
  const slots = generateSlots({ ...rest, from: localDate, to: localDate });
  return slots.find((slot) => slot.startsAt.getTime() === startsAt.getTime()) ?? null;
}

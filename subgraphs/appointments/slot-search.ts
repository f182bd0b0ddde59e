/**
 * The public slot search: slots the rules generate for an office and service over local dates,
 * each with the seats still free (one statement reads the seat counts of the whole range).
 */
import type { QuerySlotsArgs } from './__generated__/resolvers-types.ts';
import type { AppointmentsContext } from './context.ts';
import type { AppointmentSlotModel } from './mappers.ts';
import { assertOffers, rethrowRuleError, slotOffice } from './offices.ts';
import { SERVICES } from './reference/index.ts';
import { freeSeats, generateSlots, type Slot } from './rules/index.ts';


export async function searchSlots({ officeId, service, from, to }: QuerySlotsArgs, ctx: AppointmentsContext): Promise<AppointmentSlotModel[]> {
  const office = await slotOffice(ctx, officeId);
  await assertOffers(ctx, office, service);
  let slots: Slot[];
  try {
    slots = generateSlots({ office, service: SERVICES[service], from, to, now: ctx.clock.now() });
  } catch (error) {
    rethrowRuleError(error);
  }
  const first = slots[0];
  const last = slots.at(-1);
  if (!first || !last) return [];
  const counts = await ctx.repository.unitCounts(office.id, first.startsAt, last.endsAt);
  return slots.map((slot) => ({ ...slot, available: freeSeats(slot, counts, office.advisoryWindows) }));
}

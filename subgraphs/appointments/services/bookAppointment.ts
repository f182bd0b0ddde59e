/**
 * Books a slot, in one transaction: a missed earlier booking of the person for the service
 * lapses to NO_SHOW; the appointment is inserted unless one is active (the partial unique index
 * decides); then one seat is taken in every 5-minute unit of the slot (repository.changeSeats:
 * a conditional upsert, so concurrent requests for the last seat give one booking). Anything
 * short rolls the whole booking back.
 */
import { badInput } from '../../../schema/errors/client-errors.ts';
import { authorize } from '../../shared/access/index.ts';
import type { MutationBookAppointmentArgs } from '../__generated__/resolvers-types.ts';
import type { AppointmentsContext } from '../context.ts';
import type { AppointmentModel } from '../mappers.ts';
import { assertOffers, parseSlotId, slotOffice } from '../offices.ts';
import { bookFor, handleAppointments } from '../permissions.ts';
import { SERVICES } from '../reference/index.ts';
import { txQueries } from '../repository.ts';
import { DEFAULT_NO_SHOW_GRACE_MINUTES, findSlot, seatChanges } from '../rules/index.ts';
import { releaseChanged } from './appointment-of.ts';
import { alreadyActive, slotFull, slotNotOffered } from './booking-errors.ts';

export async function bookAppointment({ input }: MutationBookAppointmentArgs, ctx: AppointmentsContext): Promise<AppointmentModel> {
  await authorize(ctx, handleAppointments(ctx), { subjectCurp: null, what: 'bookAppointment' });
  const named = parseSlotId(input.slotId);
  // Insured persons book for themselves; staff name the person.
  const curp = input.curp ?? ctx.viewer?.curp ?? null;
  if (!curp) throw badInput('APPOINTMENT_CURP_REQUIRED', 'Staff booking for a person must give their curp');
  await authorize(ctx, bookFor(ctx, { officeId: named.officeId, curp }), { subjectCurp: curp, what: 'bookAppointment' });

  const office = await slotOffice(ctx, named.officeId);
  await assertOffers(ctx, office, named.service);
  const now = ctx.clock.now();
  const slot = findSlot({ office, service: SERVICES[named.service], startsAt: named.startsAt, now });
  if (!slot) throw slotNotOffered(input.slotId);

  const row = await ctx.repository.transaction(async (tx) => {
    await txQueries.lapseMissedBookings(tx, curp, named.service, new Date(now.getTime() - DEFAULT_NO_SHOW_GRACE_MINUTES * 60_000));
    const inserted = await txQueries.insertUnlessActive(tx, {
      officeId: office.id, curp, service: named.service, status: 'BOOKED',
      startsAt: slot.startsAt, endsAt: slot.endsAt, localDate: slot.localDate,
    });
    if (!inserted) throw alreadyActive(named.service);
    const changes = seatChanges({ take: slot });
    if ((await txQueries.changeSeats(tx, office.id, office.advisoryWindows, changes)) < changes.length) throw slotFull(slot);
    await ctx.audit.append([{ action: 'WRITE', subjectCurp: curp, what: 'bookAppointment', fields: ['appointment'] }], tx);
    return inserted;
  });
  return releaseChanged(ctx, row);
}

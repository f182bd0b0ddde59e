/**
 * Moves a booked appointment to another slot of the same office and service, in one
 * transaction: the seats of the old slot are given back and those of the new one taken in the
 * same ordered statement, so a full new slot leaves the appointment where it was.
 */
import { badInput, ruleViolation } from '../../../schema/errors/client-errors.ts';
import type { MutationRescheduleAppointmentArgs } from '../__generated__/resolvers-types.ts';
import type { AppointmentsContext } from '../context.ts';
import type { AppointmentModel } from '../mappers.ts';
import { parseSlotId, slotOffice } from '../offices.ts';
import { changeAppointment, handleAppointments } from '../permissions.ts';
import { SERVICES } from '../reference/index.ts';
import { txQueries } from '../repository.ts';
import { findSlot, seatChanges } from '../rules/index.ts';
import { appointmentOf, releaseChanged } from './appointment-of.ts';
import { slotFull, slotNotOffered } from './booking-errors.ts';

export async function rescheduleAppointment({ input }: MutationRescheduleAppointmentArgs, ctx: AppointmentsContext): Promise<AppointmentModel> {
  const current = await appointmentOf(input.id, 'rescheduleAppointment', { roles: handleAppointments, row: changeAppointment }, ctx);
  const named = parseSlotId(input.slotId);
  if (named.officeId !== current.officeId || named.service !== current.service) {
    throw badInput('RESCHEDULE_OTHER_OFFICE_OR_SERVICE', `A reschedule keeps the office (${current.officeId}) and service (${current.service}); book a new appointment for another`);
  }
  const office = await slotOffice(ctx, current.officeId);
  const slot = findSlot({ office, service: SERVICES[current.service], startsAt: named.startsAt, now: ctx.clock.now() });
  if (!slot) throw slotNotOffered(input.slotId);

  const row = await ctx.repository.transaction(async (tx) => {
    const locked = await txQueries.lockAppointment(tx, current.id);
    if (!locked || locked.status !== 'BOOKED' || !locked.startsAt || !locked.endsAt) {
      throw ruleViolation([{ code: 'APPOINTMENT_NOT_RESCHEDULABLE', message: `Only a booked appointment can be rescheduled; this one is ${locked?.status ?? 'gone'}` }]);
    }
    const changes = seatChanges({ release: { startsAt: locked.startsAt, endsAt: locked.endsAt }, take: slot });
    if ((await txQueries.changeSeats(tx, office.id, office.advisoryWindows, changes)) < changes.length) throw slotFull(slot);
    const moved = await txQueries.moveSlot(tx, current.id, { startsAt: slot.startsAt, endsAt: slot.endsAt, localDate: slot.localDate });
    await ctx.audit.append([{ action: 'WRITE', subjectCurp: current.curp, what: 'rescheduleAppointment', fields: ['startsAt'] }], tx);
    return moved;
  });
  return releaseChanged(ctx, row);
}

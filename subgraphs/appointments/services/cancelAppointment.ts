/** Cancels a booked appointment (not once the person has checked in); its seats are free again. */
import { ruleViolation } from '../../../schema/errors/client-errors.ts';
import type { MutationCancelAppointmentArgs } from '../__generated__/resolvers-types.ts';
import type { AppointmentsContext } from '../context.ts';
import type { AppointmentModel } from '../mappers.ts';
import { slotOffice } from '../offices.ts';
import { changeAppointment, handleAppointments } from '../permissions.ts';
import { txQueries } from '../repository.ts';
import { nextStatus, seatChanges } from '../rules/index.ts';
import { appointmentOf, releaseChanged } from './appointment-of.ts';

export async function cancelAppointment({ id }: MutationCancelAppointmentArgs, ctx: AppointmentsContext): Promise<AppointmentModel> {
  const current = await appointmentOf(id, 'cancelAppointment', { roles: handleAppointments, row: changeAppointment }, ctx);
  const office = await slotOffice(ctx, current.officeId);
  const row = await ctx.repository.transaction(async (tx) => {
    const locked = (await txQueries.lockAppointment(tx, current.id))!;
    const next = nextStatus(locked.status, 'CANCEL');
    if (!next.ok) {
      throw ruleViolation([{ code: 'APPOINTMENT_NOT_CANCELLABLE', message: `Only a booked appointment can be cancelled; this one is ${locked.status}` }]);
    }
    if (locked.startsAt && locked.endsAt) {
      await txQueries.changeSeats(tx, office.id, office.advisoryWindows, seatChanges({ release: { startsAt: locked.startsAt, endsAt: locked.endsAt } }));
    }
    const cancelled = await txQueries.setStatus(tx, current.id, { status: next.status });
    await ctx.audit.append([{ action: 'WRITE', subjectCurp: current.curp, what: 'cancelAppointment', fields: ['status'] }], tx);
    return cancelled;
  });
  return releaseChanged(ctx, row);
}

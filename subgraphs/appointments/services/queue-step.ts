/**
 * One step of the queue (check-in, call, serve, no-show) by staff of the appointment's office,
 * in one transaction on the locked row: the transition table and the no-show grace decide
 * (rules/queue.ts), the step's timestamp is recorded, and the change is audited.
 */
import { ruleViolation } from '../../../schema/errors/client-errors.ts';
import type { AppointmentsContext } from '../context.ts';
import type { AppointmentModel } from '../mappers.ts';
import { slotOffice } from '../offices.ts';
import { runQueueOf, runQueues, type AppointmentsWrite } from '../permissions.ts';
import { txQueries } from '../repository.ts';
import { applyQueueEvent, checkQueueDay, localDateOf, type QueueEvent } from '../rules/index.ts';
import { appointmentOf, releaseChanged } from './appointment-of.ts';

const STAMPED: Partial<Record<QueueEvent, 'checkedInAt' | 'calledAt' | 'servedAt'>> = {
  CHECK_IN: 'checkedInAt', CALL: 'calledAt', SERVE: 'servedAt',
};

export async function queueStep(id: string, event: QueueEvent, what: AppointmentsWrite, ctx: AppointmentsContext): Promise<AppointmentModel> {
  const current = await appointmentOf(id, what, { roles: runQueues, row: runQueueOf }, ctx);
  const office = await slotOffice(ctx, current.officeId);
  const now = ctx.clock.now();
  const row = await ctx.repository.transaction(async (tx) => {
    const locked = (await txQueries.lockAppointment(tx, current.id))!;
    const dayIssues = checkQueueDay(locked.localDate, localDateOf(now, office.timeZone), event);
    if (dayIssues.length > 0) throw ruleViolation(dayIssues);
    const applied = applyQueueEvent({ ...locked, bookedFor: locked.startsAt }, event, { now });
    if (!applied.ok) throw ruleViolation(applied.issues);
    const { status, checkedInAt, calledAt, servedAt } = applied.entry;
    const updated = await txQueries.setStatus(tx, current.id, { status, checkedInAt, calledAt, servedAt });
    const stamped = STAMPED[event];
    await ctx.audit.append([{ action: 'WRITE', subjectCurp: current.curp, what, fields: stamped ? ['status', stamped] : ['status'] }], tx);
    return updated;
  });
  return releaseChanged(ctx, row);
}

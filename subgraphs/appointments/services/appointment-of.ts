/**
 * Finding the appointment a mutation is about: first the caller's role (explained, whatever the
 * id), then the row and the policy for it (silent: another person's or another office's
 * appointment is NOT_FOUND, exactly like one that does not exist).
 */
import { notFound } from '../../../schema/errors/client-errors.ts';
import { authorize, type Access, type Decision } from '../../shared/access/index.ts';
import { isUuid } from '../../shared/batching.ts';
import type { AppointmentsContext } from '../context.ts';
import type { AppointmentModel } from '../mappers.ts';
import type { AppointmentsWrite } from '../permissions.ts';

export async function appointmentOf(
  id: string,
  what: AppointmentsWrite,
  policies: { roles: (access: Access) => Decision; row: (access: Access, row: AppointmentModel) => Decision },
  ctx: AppointmentsContext,
): Promise<AppointmentModel> {
  await authorize(ctx, policies.roles(ctx), { subjectCurp: null, what });
  const [row] = isUuid(id) ? await ctx.repository.appointmentsById([id]) : [];
  if (!row) throw notFound('Appointment');
  await authorize(ctx, policies.row(ctx, row), { subjectCurp: row.curp, what, notFoundAs: 'Appointment' });
  return row;
}

/** Hands a changed appointment back: released to the shield and fresh in the request's loader. */
export function releaseChanged(ctx: AppointmentsContext, row: AppointmentModel): AppointmentModel {
  ctx.loaders.appointmentById.clear(row.id).prime(row.id, row);
  ctx.released.release('Appointment', row.id);
  return row;
}

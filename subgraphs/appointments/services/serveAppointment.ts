/** Queue step by the office's staff: the person was served. */
import type { MutationServeAppointmentArgs } from '../__generated__/resolvers-types.ts';
import type { AppointmentsContext } from '../context.ts';
import type { AppointmentModel } from '../mappers.ts';
import { queueStep } from './queue-step.ts';

export function serveAppointment({ id }: MutationServeAppointmentArgs, ctx: AppointmentsContext): Promise<AppointmentModel> {
  return queueStep(id, 'SERVE', 'serveAppointment', ctx);
}

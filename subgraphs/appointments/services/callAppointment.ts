/** Queue step by the office's staff: the person is called to a window. */
import type { MutationCallAppointmentArgs } from '../__generated__/resolvers-types.ts';
import type { AppointmentsContext } from '../context.ts';
import type { AppointmentModel } from '../mappers.ts';
import { queueStep } from './queue-step.ts';

export function callAppointment({ id }: MutationCallAppointmentArgs, ctx: AppointmentsContext): Promise<AppointmentModel> {
  return queueStep(id, 'CALL', 'callAppointment', ctx);
}

/** Queue step by the office's staff: the person arrived, on the appointment's own day. */
import type { MutationCheckInAppointmentArgs } from '../__generated__/resolvers-types.ts';
import type { AppointmentsContext } from '../context.ts';
import type { AppointmentModel } from '../mappers.ts';
import { queueStep } from './queue-step.ts';

export function checkInAppointment({ id }: MutationCheckInAppointmentArgs, ctx: AppointmentsContext): Promise<AppointmentModel> {
  return queueStep(id, 'CHECK_IN', 'checkInAppointment', ctx);
}

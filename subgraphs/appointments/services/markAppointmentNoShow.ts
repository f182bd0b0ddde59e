/** Queue step by the office's staff: a booking not checked in within the grace after its start. */
import type { MutationMarkAppointmentNoShowArgs } from '../__generated__/resolvers-types.ts';
import type { AppointmentsContext } from '../context.ts';
import type { AppointmentModel } from '../mappers.ts';
import { queueStep } from './queue-step.ts';

export function markAppointmentNoShow({ id }: MutationMarkAppointmentNoShowArgs, ctx: AppointmentsContext): Promise<AppointmentModel> {
  return queueStep(id, 'MARK_NO_SHOW', 'markAppointmentNoShow', ctx);
}

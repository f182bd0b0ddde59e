/** The open employment a baja or a salary change applies to, read under the (registration, worker) lock. */
import type { Tx } from '../../../db/client.ts';
import { badInput } from '../../../schema/errors/client-errors.ts';
import type { EnrollmentModel } from '../mappers.ts';
import { txQueries } from '../repository.ts';
import type { AuthorizedMovement } from './movement-filing.ts';

export async function lockOpenEmployment(tx: Tx, movement: AuthorizedMovement, eventDate: string): Promise<EnrollmentModel> {
  await txQueries.lock(tx, `employment:${movement.registration}:${movement.curp}`);
  const open = (await txQueries.employmentsOf(tx, movement.curp, movement.registration)).find((row) => row.endDate === null);
  if (!open) {
    throw badInput('EMPLOYMENT_NOT_OPEN', `The worker has no open employment under registration ${movement.registration}: file an alta first.`, { registration: movement.registration });
  }
  if (eventDate < open.startDate) {
    throw badInput('MOVEMENT_BEFORE_EMPLOYMENT_START', `The movement's date ${eventDate} is before the employment started on ${open.startDate}.`, { startDate: open.startDate });
  }
  return open;
}

/**
 * IDSE baja (movement 02) with its cause: closes the worker's open employment. On time (5
 * business days from the day after termination) it takes effect on the termination date; late,
 * only from the day after IMSS receives it, unless the cause is death (RACERF art. 57).
 */
import { badInput } from '../../../schema/errors/client-errors.ts';
import type { MutationFileBajaArgs } from '../__generated__/resolvers-types.ts';
import type { EnrollmentsContext } from '../context.ts';
import { movementReceipt } from './procedure-receipts.ts';
import type { EmployerMovementModel } from '../mappers.ts';
import { txQueries } from '../repository.ts';
import { findBajaCause } from '../rules/movements/index.ts';
import { authorizeMovement, evaluateMovement, movementRow, releaseMovement } from './movement-filing.ts';
import { lockOpenEmployment } from './open-employment.ts';

export async function fileBaja({ input }: MutationFileBajaArgs, ctx: EnrollmentsContext): Promise<EmployerMovementModel> {
  const movement = await authorizeMovement(input, 'fileBaja', ctx);
  const cause = input.cause.trim().toUpperCase();
  if (cause === '') throw badInput('BAJA_CAUSE_REQUIRED', 'A baja needs its cause code (1 término de contrato, 2 separación voluntaria, ..., A pensión).');
  const evaluation = await evaluateMovement({ kind: 'BAJA', eventDate: input.terminationDate, bajaCause: cause, filedOn: movement.filedOn }, ctx);

  const filed = await ctx.repository.transaction(async (tx) => {
    const open = await lockOpenEmployment(tx, movement, input.terminationDate);
    await txQueries.endEnrollment(tx, open.id, evaluation.effectiveDate);
    const row = await txQueries.insertMovement(tx, movementRow(movement, 'BAJA', evaluation, {
      enrollmentId: open.id, eventDate: input.terminationDate, bajaCause: findBajaCause(cause)!.code,
    }, ctx));
    await ctx.audit.append([{ action: 'WRITE', subjectCurp: movement.curp, what: 'fileBaja', fields: ['enrollments', 'movements'] }], tx);
    await movementReceipt(ctx, tx, row);
    return row;
  });
  return releaseMovement(ctx, filed);
}

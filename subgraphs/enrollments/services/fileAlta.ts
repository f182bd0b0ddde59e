/**
 * IDSE alta / reingreso (movement 08): opens the worker's employment under the registration from
 * the first day of work. One open employment per worker and registration, however many altas
 * arrive at once: the transaction takes an advisory lock on (registration, worker) before it
 * reads, and the partial unique index enrollments_one_open_employment backs it up.
 */
import type { MutationFileAltaArgs } from '../__generated__/resolvers-types.ts';
import type { EnrollmentsContext } from '../context.ts';
import { movementReceipt } from './procedure-receipts.ts';
import type { EmployerMovementModel } from '../mappers.ts';
import { txQueries } from '../repository.ts';
import { badInput } from '../../../schema/errors/client-errors.ts';
import { openEmploymentConflict } from '../rules/movements/index.ts';
import { authorizeMovement, checkSalaryOn, evaluateMovement, movementRow, onEmploymentConflict, releaseMovement } from './movement-filing.ts';

export async function fileAlta({ input }: MutationFileAltaArgs, ctx: EnrollmentsContext): Promise<EmployerMovementModel> {
  const movement = await authorizeMovement(input, 'fileAlta', ctx);
  await checkSalaryOn(input.startDate, input.dailyBaseSalaryCentavos, input.wageZone, ctx);
  const evaluation = await evaluateMovement({ kind: 'ALTA', eventDate: input.startDate, filedOn: movement.filedOn }, ctx);

  const filed = await ctx.repository.transaction(async (tx) => {
    await txQueries.lock(tx, `employment:${movement.registration}:${movement.curp}`);
    const employments = await txQueries.employmentsOf(tx, movement.curp, movement.registration);
    const conflict = openEmploymentConflict(employments, { curp: movement.curp, employerRegistration: movement.registration, startDate: evaluation.effectiveDate });
    if (conflict) throw badInput(conflict.code, conflict.message, { registration: movement.registration });
    const enrollment = await txQueries.insertEnrollment(tx, {
      curp: movement.curp, kind: 'EMPLOYMENT', modality: movement.modality, employerRegistration: movement.registration, startDate: evaluation.effectiveDate,
    });
    const row = await txQueries.insertMovement(tx, movementRow(movement, 'ALTA', evaluation, {
      enrollmentId: enrollment.id, eventDate: input.startDate, dailyBaseSalaryCentavos: input.dailyBaseSalaryCentavos, salaryType: 'FIXED', wageZone: input.wageZone,
    }, ctx));
    await ctx.audit.append([{ action: 'WRITE', subjectCurp: movement.curp, what: 'fileAlta', fields: ['enrollments', 'movements', 'dailyBaseSalary'] }], tx);
    await movementReceipt(ctx, tx, row);
    return row;
  }).catch(onEmploymentConflict(movement.registration));
  return releaseMovement(ctx, filed);
}

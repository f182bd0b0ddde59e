/**
 * IDSE salary change (movement 07) of an open employment (LSS art. 34): a fixed salary within 5
 * business days of the change, a variable one in the first 5 business days of the month after
 * its bimester (effective from that month's first day), a collective-contract revision within 30
 * calendar days. The new salary must lie within the bounds in force on the day it takes effect.
 */
import type { MutationFileSalaryChangeArgs } from '../__generated__/resolvers-types.ts';
import type { EnrollmentsContext } from '../context.ts';
import { movementReceipt } from './procedure-receipts.ts';
import type { EmployerMovementModel } from '../mappers.ts';
import { txQueries } from '../repository.ts';
import { authorizeMovement, checkSalaryOn, evaluateMovement, movementRow, releaseMovement } from './movement-filing.ts';
import { lockOpenEmployment } from './open-employment.ts';

export async function fileSalaryChange({ input }: MutationFileSalaryChangeArgs, ctx: EnrollmentsContext): Promise<EmployerMovementModel> {
  const movement = await authorizeMovement(input, 'fileSalaryChange', ctx);
  const salaryType = input.salaryType ?? 'FIXED';
  const evaluation = await evaluateMovement({
    kind: 'SALARY_CHANGE', eventDate: input.changeDate, salaryType, collectiveContractRevision: input.collectiveContractRevision ?? false, filedOn: movement.filedOn,
  }, ctx);
  await checkSalaryOn(evaluation.effectiveDate, input.dailyBaseSalaryCentavos, input.wageZone, ctx);

  const filed = await ctx.repository.transaction(async (tx) => {
    const open = await lockOpenEmployment(tx, movement, input.changeDate);
    const row = await txQueries.insertMovement(tx, movementRow(movement, 'SALARY_CHANGE', evaluation, {
      enrollmentId: open.id, eventDate: input.changeDate, dailyBaseSalaryCentavos: input.dailyBaseSalaryCentavos, salaryType, wageZone: input.wageZone,
    }, ctx));
    await ctx.audit.append([{ action: 'WRITE', subjectCurp: movement.curp, what: 'fileSalaryChange', fields: ['movements', 'dailyBaseSalary'] }], tx);
    await movementReceipt(ctx, tx, row);
    return row;
  });
  return releaseMovement(ctx, filed);
}

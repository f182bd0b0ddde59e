/**
 * Voluntary enrollment of a persona trabajadora independiente (docs/domain.md §5, §10): the
 * insured person for themself, or staff with a declared purpose — at a consulate window the
 * consulate is the staff member's own (from the token), never an argument. One transaction,
 * serialised per person, so two requests cannot both open a PTI enrollment.
 */
import { badInput, notFound } from '../../../schema/errors/client-errors.ts';
import { authorize, hasRole } from '../../shared/access/index.ts';
import type { MutationEnrollIndependentWorkerArgs } from '../__generated__/resolvers-types.ts';
import type { EnrollmentsContext } from '../context.ts';
import type { EnrollmentModel } from '../mappers.ts';
import { mexicoCityToday } from '../mexico-today.ts';
import { enrollVoluntarily } from '../permissions.ts';
import { pgErrorOf, txQueries } from '../repository.ts';
import { withRuleErrors } from '../rule-errors.ts';
import { countryOf } from './country.ts';
import { enrollmentReceipt } from './procedure-receipts.ts';
import { independentWorkerTerms } from './independent-worker-terms.ts';

const alreadyOpen = (curp: string, since: string | null) =>
  badInput('PTI_ENROLLMENT_ALREADY_OPEN', `The person already has an open independent-worker enrollment${since ? ` since ${since}` : ''}; it must end before another starts.`, { curp });

export async function enrollIndependentWorker({ input }: MutationEnrollIndependentWorkerArgs, ctx: EnrollmentsContext): Promise<EnrollmentModel> {
  const curp = input.curp ?? ctx.viewer?.curp ?? null;
  if (!curp) throw notFound('Person');
  await authorize(ctx, enrollVoluntarily(ctx, curp), { subjectCurp: curp, what: 'enrollIndependentWorker' });
  const country = countryOf(input.country);
  const today = mexicoCityToday(ctx.clock);
  const terms = await withRuleErrors(() => independentWorkerTerms({
    declaredMonthlyIncomeCentavos: input.declaredMonthlyIncomeCentavos,
    paymentPeriod: input.paymentPeriod,
    wageZone: input.wageZone ?? 'GENERAL',
    coverageStart: input.coverageStart ?? null,
  }, today, ctx));
  const consulateId = hasRole(ctx, 'CONSULATE_STAFF') ? ctx.viewer!.consulateId : null;

  const enrollment = await ctx.repository.transaction(async (tx) => {
    await txQueries.lock(tx, `pti:${curp}`);
    const open = await txQueries.openIndependentWorker(tx, curp);
    if (open) throw alreadyOpen(curp, open.startDate);
    const row = await txQueries.insertEnrollment(tx, {
      curp, kind: 'INDEPENDENT_WORKER', modality: terms.modality, startDate: terms.coverageStart, country, consulateId,
    });
    await txQueries.insertIndependentWorker(tx, {
      enrollmentId: row.id,
      declaredMonthlyIncomeCentavos: input.declaredMonthlyIncomeCentavos,
      paymentPeriod: input.paymentPeriod,
      wageZone: input.wageZone ?? 'GENERAL',
      firstPaymentDeadline: terms.paymentDeadline,
    });
    await ctx.audit.append([{ action: 'WRITE', subjectCurp: curp, what: 'enrollIndependentWorker', fields: ['enrollments', 'declaredMonthlyIncome'] }], tx);
    await enrollmentReceipt(ctx, tx, row, { declaredMonthlyIncomeCentavos: input.declaredMonthlyIncomeCentavos, paymentPeriod: input.paymentPeriod, firstPaymentDeadline: terms.paymentDeadline });
    return row;
  }).catch((error: unknown) => {
    // The partial unique index is the last word if a writer ever skipped the lock.
    if (pgErrorOf(error).constraint_name === 'enrollments_one_open_independent_worker') throw alreadyOpen(curp, null);
    throw error;
  });
  ctx.released.release('Enrollment', enrollment.id);
  return enrollment;
}

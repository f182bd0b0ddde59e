/**
 * Writes are decided like reads, with the same policies: a mutation's service asks the policy
 * about the record it is about to change, before its transaction starts. A refusal is appended to
 * the audit trail on its own (the mutation's transaction never begins) and thrown: explained
 * refusals as FORBIDDEN / PURPOSE_REQUIRED, silent ones as NOT_FOUND, like an absent record.
 */
import { notFound } from '../../../schema/errors/client-errors.ts';
import type { BaseContext } from '../context.ts';
import { refusalError, type Decision } from './decisions.ts';

export async function authorize<Write extends string>(
  ctx: Pick<BaseContext<string, Write>, 'audit'>,
  decision: Decision,
  attempt: { subjectCurp: string | null; what: Write; notFoundAs?: string },
): Promise<void> {
  if (decision.allowed) return;
  if (attempt.subjectCurp) {
    await ctx.audit.append([{ action: 'REFUSED', subjectCurp: attempt.subjectCurp, what: attempt.what, reason: decision.reason }]);
  }
  throw decision.explained ? refusalError(decision.reason) : notFound(attempt.notFoundAs ?? 'Person');
}

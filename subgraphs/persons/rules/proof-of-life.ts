/**
 * Proof of life for pensioners abroad (docs/domain.md §8): a consular survival certificate every 6
 * months; missing it suspends payment. The "due soon" window and the grace period before
 * suspension are UNCONFIRMED (no IMSS calendar found, 2026-11-23): configuration, not law.
 */
import { addDays, addMonths } from '../../shared/dates.ts';

export const PROOF_OF_LIFE_RULES = Object.freeze({
  intervalMonths: 6,
  dueSoonDays: 30,
  graceDays: 30,
});

export type ProofOfLifeState = 'CURRENT' | 'DUE' | 'OVERDUE' | 'SUSPENDED';

export function proofOfLifeStatus(
  facts: { lastProof: string | null; pensionStart: string | null },
  { asOf }: { asOf: string },
  rules = PROOF_OF_LIFE_RULES,
): { state: ProofOfLifeState; nextDeadline: string } {
  const reference = facts.lastProof ?? facts.pensionStart;
  if (!reference) return { state: 'OVERDUE', nextDeadline: asOf };
  const deadline = addMonths(reference, rules.intervalMonths);
  if (asOf > addDays(deadline, rules.graceDays)) return { state: 'SUSPENDED', nextDeadline: deadline };
  if (asOf > deadline) return { state: 'OVERDUE', nextDeadline: deadline };
  if (asOf >= addDays(deadline, -rules.dueSoonDays)) return { state: 'DUE', nextDeadline: deadline };
  return { state: 'CURRENT', nextDeadline: deadline };
}

/**
 * The pension as a source of coverage (docs/domain.md §8): paid from its start; for a pensioner
 * abroad, suspended from the day after the grace period once the proof of life is missing.
 */
export function pensionInPayment(
  facts: { pensionStart: string | null; livesAbroad: boolean; lastProof: string | null },
  { asOf }: { asOf: string },
  rules = PROOF_OF_LIFE_RULES,
): { start: string; suspendedFrom: string | null } | null {
  if (!facts.pensionStart) return null;
  if (!facts.livesAbroad) return { start: facts.pensionStart, suspendedFrom: null };
  const status = proofOfLifeStatus({ lastProof: facts.lastProof, pensionStart: facts.pensionStart }, { asOf }, rules);
  return { start: facts.pensionStart, suspendedFrom: status.state === 'SUSPENDED' ? addDays(status.nextDeadline, rules.graceDays + 1) : null };
}

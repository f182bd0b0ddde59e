/**
 * Coverage validity (vigencia de derechos, docs/domain.md §8) from coverage periods. After a baja, a
 * worker with at least 8 uninterrupted weekly contributions keeps medical rights, with their
 * beneficiaries, for 8 more weeks (LSS art. 109). Both numbers are configuration.
 */
import { addDays, daysBetween } from '../../shared/dates.ts';
import { evaluateBeneficiary, type BeneficiaryFacts } from './beneficiaries.ts';

export const COVERAGE_RULES = Object.freeze({
  preservationDays: 56,
  minimumContinuousDays: 56,
  /** Art. 109 protects workers of the obligatory regime, not the voluntary health insurance. */
  preservingKinds: ['EMPLOYMENT', 'INDEPENDENT_WORKER'] as readonly string[],
});

export interface CoveragePeriodFacts {
  start: string;
  end: string | null;
  kind: string;
}

export interface CoverageResult {
  status: 'ACTIVE' | 'PRESERVED' | 'EXPIRED' | 'NONE';
  validUntil: string | null;
  reason: string;
}

export function computeCoverage(periods: readonly CoveragePeriodFacts[], { asOf }: { asOf: string }, rules = COVERAGE_RULES): CoverageResult {
  const started = periods.filter((p) => p.start <= asOf);
  if (started.length === 0) return { status: 'NONE', validUntil: null, reason: 'No coverage period has started' };

  const current = started.filter((p) => p.end === null || p.end >= asOf);
  if (current.length > 0) {
    const open = current.some((p) => p.end === null);
    const until = open ? null : current.map((p) => p.end!).sort().at(-1)!;
    return { status: 'ACTIVE', validUntil: until, reason: `Covered by a current ${current[0]!.kind.toLowerCase().replace(/_/g, ' ')} period` };
  }

  const ended = [...started].sort((a, b) => (a.end! < b.end! ? -1 : 1));
  const last = ended.at(-1)!;
  const lastEnd = last.end!;
  if (!rules.preservingKinds.includes(last.kind)) {
    return { status: 'EXPIRED', validUntil: lastEnd, reason: `The last period (${last.kind}) ended on ${lastEnd}; it carries no preservation` };
  }
  const continuousDays = daysBetween(continuousStart(ended, lastEnd), lastEnd) + 1;
  const preservedUntil = addDays(lastEnd, rules.preservationDays);
  if (continuousDays < rules.minimumContinuousDays) {
    return { status: 'EXPIRED', validUntil: lastEnd, reason: `Fewer than ${rules.minimumContinuousDays / 7} uninterrupted weeks before the baja of ${lastEnd}: no preservation` };
  }
  if (asOf <= preservedUntil) {
    return { status: 'PRESERVED', validUntil: preservedUntil, reason: `Rights preserved for ${rules.preservationDays / 7} weeks after the baja of ${lastEnd} (LSS art. 109)` };
  }
  return { status: 'EXPIRED', validUntil: preservedUntil, reason: `The ${rules.preservationDays / 7}-week preservation after the baja of ${lastEnd} ended on ${preservedUntil}` };
}

/** Start of the uninterrupted stretch that ends on `end` (periods touching or overlapping join). */
function continuousStart(sortedByEnd: readonly CoveragePeriodFacts[], end: string): string {
  let start = end;
  let changed = true;
  while (changed) {
    changed = false;
    for (const p of sortedByEnd) {
      if (p.start < start && p.end !== null && addDays(p.end, 1) >= start && p.end <= end) {
        start = p.start;
        changed = true;
      }
    }
  }
  return start;
}

export interface BeneficiaryCoverage<B> {
  beneficiary: B;
  status: CoverageResult['status'];
  validUntil: string | null;
  reason: string;
}

/**
 * Coverage validity of a holder and their beneficiaries: a beneficiary is covered while the holder
 * is, and only while the beneficiary rules (age, student extension, household) hold.
 */
export function coverageValidity<B extends BeneficiaryFacts>(
  periods: readonly CoveragePeriodFacts[],
  beneficiaries: readonly B[],
  { asOf }: { asOf: string },
): CoverageResult & { beneficiaries: BeneficiaryCoverage<B>[] } {
  const holder = computeCoverage(periods, { asOf });
  return {
    ...holder,
    beneficiaries: beneficiaries.map((beneficiary) => {
      if (holder.status !== 'ACTIVE' && holder.status !== 'PRESERVED') {
        return { beneficiary, status: holder.status, validUntil: holder.validUntil, reason: `The holder is not covered: ${holder.reason}` };
      }
      const eligibility = evaluateBeneficiary(beneficiary, { asOf });
      if (!eligibility.eligible) {
        const reason = eligibility.issues.map((i) => i.message).join('; ') || 'Not eligible as a beneficiary';
        return { beneficiary, status: 'EXPIRED' as const, validUntil: eligibility.until ?? null, reason };
      }
      const until = earlier(holder.validUntil, eligibility.until ?? null);
      return { beneficiary, status: holder.status, validUntil: until, reason: `Covered through the holder: ${holder.reason}` };
    }),
  };
}

/** The earlier of two optional dates (null = no end). */
function earlier(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

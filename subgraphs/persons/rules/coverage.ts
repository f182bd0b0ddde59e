/**
 * Coverage validity (vigencia de derechos, docs/domain.md §8): whether a person — and through them
 * their beneficiaries — has in-kind medical rights on a day, computed over ALL their coverage
 * sources, not the last one:
 * - employment and independent work (régimen obligatorio) cover the holder and beneficiaries; each
 *   baja after at least 8 uninterrupted weeks opens its own 8-week preservation window (LSS art. 109);
 * - family health insurance (modalidad 33) covers only the person enrolled in it: each member is
 *   enrolled, and covered, under their own CURP;
 * - continuación voluntaria (modalidad 40, LSS art. 218) gives no in-kind medical benefits;
 * - a pension being paid covers the pensioner and beneficiaries (LSS art. 84).
 * The person is covered on a day if any source or window covers it. Every date here is inclusive:
 * `validUntil` is always the last covered day (null: no end in sight).
 */
import { addDays, daysBetween } from '../../shared/dates.ts';
import { evaluateBeneficiary, type BeneficiaryFacts } from './beneficiaries.ts';

export const COVERAGE_RULES = Object.freeze({
  preservationDays: 56,
  minimumContinuousDays: 56,
});

export type PeriodKind = 'EMPLOYMENT' | 'INDEPENDENT_WORKER' | 'FAMILY_HEALTH' | 'VOLUNTARY_CONTINUATION';
export type SourceKind = 'EMPLOYMENT' | 'INDEPENDENT_WORKER' | 'FAMILY_HEALTH' | 'PENSION' | 'PRESERVATION';
export type CoverageStatus = 'ACTIVE' | 'PRESERVED' | 'EXPIRED' | 'NONE';

export interface CoveragePeriodFacts {
  start: string;
  end: string | null;
  kind: PeriodKind;
}

/** A pension in payment: from its start, until it is suspended (a missing proof of life abroad). */
export interface PensionFacts {
  start: string;
  /** First day the pension is not paid, when suspended; null while paid. */
  suspendedFrom: string | null;
}

/** One interval of in-kind medical rights, and whether the holder's beneficiaries share it. */
export interface CoverageSource {
  kind: SourceKind;
  from: string;
  /** Last covered day; null while open. */
  until: string | null;
  coversBeneficiaries: boolean;
}

export interface CoverageResult {
  status: CoverageStatus;
  /** The last covered day of the stretch covering `asOf` (or of the last one, when expired). */
  validUntil: string | null;
  reason: string;
  sources: CoverageSource[];
}

const OBLIGATORY: readonly PeriodKind[] = ['EMPLOYMENT', 'INDEPENDENT_WORKER'];

/** Every interval of medical rights the periods and the pension give, preservation windows included. */
export function coverageSources(periods: readonly CoveragePeriodFacts[], pension: PensionFacts | null = null, rules = COVERAGE_RULES): CoverageSource[] {
  const sources: CoverageSource[] = [];
  for (const p of periods) {
    if (p.kind === 'VOLUNTARY_CONTINUATION') continue; // LSS art. 218: no in-kind medical benefits
    sources.push({ kind: p.kind, from: p.start, until: p.end, coversBeneficiaries: p.kind !== 'FAMILY_HEALTH' });
  }
  const obligatory = periods.filter((p) => OBLIGATORY.includes(p.kind));
  for (const p of obligatory) {
    if (p.end === null) continue;
    // A baja only if the person did not simply carry on in another obligatory period.
    const continued = obligatory.some((q) => q !== p && q.start <= addDays(p.end!, 1) && (q.end === null || q.end > p.end!));
    if (continued) continue;
    if (daysBetween(continuousStart(obligatory, p.end), p.end) + 1 < rules.minimumContinuousDays) continue;
    sources.push({ kind: 'PRESERVATION', from: addDays(p.end, 1), until: addDays(p.end, rules.preservationDays), coversBeneficiaries: true });
  }
  if (pension && (pension.suspendedFrom === null || pension.suspendedFrom > pension.start)) {
    sources.push({ kind: 'PENSION', from: pension.start, until: pension.suspendedFrom ? addDays(pension.suspendedFrom, -1) : null, coversBeneficiaries: true });
  }
  return sources.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** Coverage of the holder on `asOf` from their sources. */
export function computeCoverage(
  periods: readonly CoveragePeriodFacts[],
  { asOf, pension = null }: { asOf: string; pension?: PensionFacts | null },
  rules = COVERAGE_RULES,
): CoverageResult {
  const sources = coverageSources(periods, pension, rules);
  const anyStarted = periods.some((p) => p.start <= asOf) || (pension !== null && pension.start <= asOf);
  return { ...statusFrom(sources, asOf, anyStarted), sources };
}

export interface BeneficiaryCoverage<B> {
  beneficiary: B;
  status: CoverageStatus;
  validUntil: string | null;
  reason: string;
}

/**
 * Coverage validity of a holder and their beneficiaries: a beneficiary is covered while a source
 * that extends to beneficiaries covers the holder, and only while the beneficiary rules (age,
 * student extension, household) hold.
 */
export function coverageValidity<B extends BeneficiaryFacts>(
  periods: readonly CoveragePeriodFacts[],
  beneficiaries: readonly B[],
  { asOf, pension = null }: { asOf: string; pension?: PensionFacts | null },
  rules = COVERAGE_RULES,
): CoverageResult & { beneficiaries: BeneficiaryCoverage<B>[] } {
  const holder = computeCoverage(periods, { asOf, pension }, rules);
  const shared = holder.sources.filter((s) => s.coversBeneficiaries);
  const throughHolder = statusFrom(shared, asOf, holder.status !== 'NONE');
  return {
    ...holder,
    beneficiaries: beneficiaries.map((beneficiary) => {
      if (throughHolder.status !== 'ACTIVE' && throughHolder.status !== 'PRESERVED') {
        const onlyOwn = holder.status === 'ACTIVE' && shared.length < holder.sources.length;
        const reason = onlyOwn
          ? 'The holder is covered only by family health insurance, which covers each enrolled member under their own record'
          : `The holder is not covered: ${holder.reason}`;
        return { beneficiary, status: throughHolder.status, validUntil: throughHolder.validUntil, reason };
      }
      const eligibility = evaluateBeneficiary(beneficiary, { asOf });
      // Eligibility ends the day before `until` (a 16th birthday is the first day not covered).
      const lastEligibleDay = eligibility.until ? addDays(eligibility.until, -1) : null;
      if (!eligibility.eligible) {
        const reason = eligibility.issues.map((i) => i.message).join('; ') || 'Not eligible as a beneficiary';
        return { beneficiary, status: 'EXPIRED' as const, validUntil: lastEligibleDay, reason };
      }
      return {
        beneficiary,
        status: throughHolder.status,
        validUntil: earlier(throughHolder.validUntil, lastEligibleDay),
        reason: `Covered through the holder: ${throughHolder.reason}`,
      };
    }),
  };
}

/** The status on `asOf` from intervals: the merged stretch that covers it, or the last one before. */
function statusFrom(sources: readonly CoverageSource[], asOf: string, anyStarted: boolean): Omit<CoverageResult, 'sources'> {
  const started = sources.filter((s) => s.from <= asOf);
  if (!anyStarted || started.length === 0) {
    return anyStarted
      ? { status: 'EXPIRED', validUntil: null, reason: 'No period gives in-kind medical benefits (continuación voluntaria gives none)' }
      : { status: 'NONE', validUntil: null, reason: 'No coverage period has started' };
  }
  const covering = started.filter((s) => s.until === null || s.until >= asOf);
  if (covering.length > 0) {
    const until = stretchEnd(sources, asOf);
    const real = covering.filter((s) => s.kind !== 'PRESERVATION');
    if (real.length > 0) return { status: 'ACTIVE', validUntil: until, reason: `Covered by ${describe(real[0]!)}` };
    const window = covering[0]!;
    return { status: 'PRESERVED', validUntil: until, reason: `Rights preserved for 8 weeks after the baja of ${addDays(window.from, -1)} (LSS art. 109)` };
  }
  const last = [...started].sort((a, b) => (a.until! < b.until! ? -1 : 1)).at(-1)!;
  return { status: 'EXPIRED', validUntil: last.until, reason: `The last coverage (${describe(last)}) ended on ${last.until}` };
}

/** The last day of the uninterrupted stretch of intervals that contains `day` (null if open). */
function stretchEnd(sources: readonly CoverageSource[], day: string): string | null {
  let end: string | null = day;
  let changed = true;
  while (changed && end !== null) {
    changed = false;
    for (const s of sources) {
      if (s.from > addDays(end, 1)) continue; // starts after a gap: another stretch
      if (s.until === null) return null;
      if (s.until > end) {
        end = s.until;
        changed = true;
      }
    }
  }
  return end;
}

/** Start of the uninterrupted obligatory stretch that ends on `end` (touching or overlapping periods join). */
function continuousStart(periods: readonly CoveragePeriodFacts[], end: string): string {
  let start = periods.filter((p) => p.end === end).reduce((min, p) => (p.start < min ? p.start : min), end);
  let changed = true;
  while (changed) {
    changed = false;
    for (const p of periods) {
      if (p.start < start && p.end !== null && addDays(p.end, 1) >= start && p.end <= end) {
        start = p.start;
        changed = true;
      }
    }
  }
  return start;
}

function describe(source: CoverageSource): string {
  switch (source.kind) {
    case 'EMPLOYMENT':
      return 'employment';
    case 'INDEPENDENT_WORKER':
      return 'enrollment as an independent worker';
    case 'FAMILY_HEALTH':
      return 'family health insurance';
    case 'PENSION':
      return 'a pension in payment';
    case 'PRESERVATION':
      return 'the 8-week preservation';
  }
}

function earlier(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

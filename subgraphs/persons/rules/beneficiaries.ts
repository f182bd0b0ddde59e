/**
 * Beneficiary rules (docs/domain.md §5 and §8): spouse or concubine (one of them, once), children under
 * 16, or under 25 while studying with an extension that has an expiry, and parents living in the
 * insured person's household. The age limits are configuration, not code.
 */
import { birthday } from '../../shared/dates.ts';

export const BENEFICIARY_RULES = Object.freeze({
  childAgeLimit: 16,
  studentAgeLimit: 25,
  maxParents: 2,
});

export type Relationship = 'SPOUSE' | 'CONCUBINE' | 'CHILD' | 'PARENT';

export interface BeneficiaryFacts {
  curp?: string | null;
  relationship: Relationship | string;
  birthDate: string;
  livesInHousehold: boolean;
  studentExtensionUntil?: string | null;
}

export interface RuleIssue {
  code: string;
  message: string;
}

export interface BeneficiaryEvaluation {
  eligible: boolean;
  /** Last day of eligibility when it ends by rule (exclusive bound: eligible while asOf < until). */
  until?: string;
  issues: RuleIssue[];
}

export function evaluateBeneficiary(b: BeneficiaryFacts, { asOf }: { asOf: string }, rules = BENEFICIARY_RULES): BeneficiaryEvaluation {
  if (b.birthDate > asOf) return { eligible: false, issues: [{ code: 'BENEFICIARY_BIRTH_DATE_FUTURE', message: 'The birth date is in the future' }] };
  switch (b.relationship) {
    case 'SPOUSE':
    case 'CONCUBINE':
      return { eligible: true, issues: [] };
    case 'PARENT':
      return b.livesInHousehold
        ? { eligible: true, issues: [] }
        : { eligible: false, issues: [{ code: 'BENEFICIARY_PARENT_NOT_IN_HOUSEHOLD', message: "Parents qualify only while living in the insured person's household" }] };
    case 'CHILD': {
      const childLimit = birthday(b.birthDate, rules.childAgeLimit);
      if (asOf < childLimit) return { eligible: true, until: childLimit, issues: [] };
      const studentLimit = birthday(b.birthDate, rules.studentAgeLimit);
      if (asOf >= studentLimit) {
        return { eligible: false, until: studentLimit, issues: [{ code: 'BENEFICIARY_CHILD_TOO_OLD', message: `Children qualify until age ${rules.studentAgeLimit} at most` }] };
      }
      if (!b.studentExtensionUntil) {
        return { eligible: false, until: childLimit, issues: [{ code: 'BENEFICIARY_STUDENT_EXTENSION_REQUIRED', message: `From age ${rules.childAgeLimit} a child qualifies only with a student extension` }] };
      }
      if (b.studentExtensionUntil <= asOf) {
        return { eligible: false, until: b.studentExtensionUntil, issues: [{ code: 'BENEFICIARY_EXTENSION_EXPIRED', message: `The student extension expired on ${b.studentExtensionUntil}` }] };
      }
      return { eligible: true, until: b.studentExtensionUntil < studentLimit ? b.studentExtensionUntil : studentLimit, issues: [] };
    }
    default:
      return { eligible: false, issues: [{ code: 'BENEFICIARY_RELATIONSHIP', message: `Unknown relationship ${b.relationship}` }] };
  }
}

export interface NamedBeneficiary extends BeneficiaryFacts {
  givenNames: string;
  firstSurname: string;
  secondSurname?: string | null;
}

/**
 * Rules over the whole set and against the holder: one partner (spouse or concubine), at most two
 * parents, no one twice (by CURP, or by names and birth date when there is none), not the holder
 * themself, parents older and children younger than the holder.
 */
export function validateBeneficiarySet(
  existing: readonly NamedBeneficiary[],
  candidate: NamedBeneficiary,
  holder: { curp: string; birthDate: string },
  rules = BENEFICIARY_RULES,
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (candidate.curp && candidate.curp === holder.curp) {
    issues.push({ code: 'BENEFICIARY_IS_HOLDER', message: 'The holder cannot be their own beneficiary' });
  }
  if (candidate.relationship === 'PARENT' && candidate.birthDate >= holder.birthDate) {
    issues.push({ code: 'BENEFICIARY_PARENT_TOO_YOUNG', message: `A parent must be older than the holder (born ${holder.birthDate})` });
  }
  if (candidate.relationship === 'CHILD' && candidate.birthDate <= holder.birthDate) {
    issues.push({ code: 'BENEFICIARY_CHILD_TOO_OLD_FOR_HOLDER', message: `A child must be younger than the holder (born ${holder.birthDate})` });
  }
  const samePerson = (b: NamedBeneficiary) =>
    !b.curp || !candidate.curp
      ? b.birthDate === candidate.birthDate && b.givenNames === candidate.givenNames && b.firstSurname === candidate.firstSurname && (b.secondSurname ?? null) === (candidate.secondSurname ?? null)
      : false;
  if (existing.some(samePerson)) {
    issues.push({ code: 'BENEFICIARY_DUPLICATE', message: 'A beneficiary with these names and birth date is already registered' });
  }
  const isPartner = (r: string) => r === 'SPOUSE' || r === 'CONCUBINE';
  if (isPartner(candidate.relationship) && existing.some((b) => isPartner(b.relationship))) {
    issues.push({ code: 'BENEFICIARY_PARTNER_EXISTS', message: 'A spouse or concubine is already registered; only one may be' });
  }
  if (candidate.relationship === 'PARENT' && existing.filter((b) => b.relationship === 'PARENT').length >= rules.maxParents) {
    issues.push({ code: 'BENEFICIARY_PARENTS_LIMIT', message: `At most ${rules.maxParents} parents may be registered` });
  }
  if (candidate.curp && existing.some((b) => b.curp === candidate.curp)) {
    issues.push({ code: 'BENEFICIARY_DUPLICATE', message: 'This person is already a beneficiary' });
  }
  return issues;
}

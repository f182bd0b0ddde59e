/**
 * Seguro de Salud para la Familia (modalidad 33, docs/domain.md §5, §8): the holder enrolls the
 * persons listed (the holder too, as HOLDER), each with the fee of their age band on the date of
 * payment and their medical questionnaire. Under RACERF art. 82 a member who declares an excluded
 * pre-existing condition is not enrolled (the others are); only the persons enrolled are covered.
 * Paid annually in advance: the payment date is on or before the first day of the paid year.
 * One transaction, serialised per person named, so nobody is covered twice over the same days.
 */
import { badInput, notFound, ruleViolation } from '../../../schema/errors/client-errors.ts';
import { validateCurp } from '../../../schema/scalars/identifiers/index.ts';
import { authorize, hasRole } from '../../shared/access/index.ts';
import { firstOfNextMonth } from '../../shared/dates.ts';
import type { MutationEnrollFamilyHealthArgs, RefusedMember } from '../__generated__/resolvers-types.ts';
import type { EnrollmentsContext } from '../context.ts';
import type { EnrollmentModel, ReceiptModel } from '../mappers.ts';
import { mexicoCityToday } from '../mexico-today.ts';
import { enrollVoluntarily } from '../permissions.ts';
import { txQueries } from '../repository.ts';
import { withRuleErrors } from '../rule-errors.ts';
import { assessQuestionnaires, familyHealthQuote, paidYearEnd } from '../rules/family-health/index.ts';
import { checkFamilyHealthPayment } from '../rules/payments/index.ts';
import { valueInForce } from '../rules/reference/index.ts';
import { countryOf } from './country.ts';
import { enrollmentReceipt } from './procedure-receipts.ts';

export interface EnrollFamilyHealthResult {
  enrollment: EnrollmentModel;
  /** The acuse of the enrollment. */
  receipt: ReceiptModel;
  refusedMembers: RefusedMember[];
}

/** A bound on one request's work (each member is a row, a lock and an audit row), not a legal limit. */
export const MAX_FAMILY_MEMBERS = 20;

type MemberInput = MutationEnrollFamilyHealthArgs['input']['members'][number];

/** The members as entered, each with the birth date its CURP encodes (positions 5–10 and 17). */
function membersOf(holderCurp: string, members: readonly MemberInput[]) {
  if (members.length > MAX_FAMILY_MEMBERS) throw badInput('FAMILY_HEALTH_TOO_MANY_MEMBERS', `A family health enrollment lists at most ${MAX_FAMILY_MEMBERS} members, got ${members.length}.`, { max: MAX_FAMILY_MEMBERS });
  const seen = new Set<string>();
  return members.map((member, i) => {
    const parsed = validateCurp(member.curp);
    if (!parsed.ok) throw ruleViolation(parsed.issues.map((issue) => ({ ...issue, message: `Member ${i + 1}: ${issue.message}` })));
    if (seen.has(parsed.value)) throw badInput('FAMILY_HEALTH_DUPLICATE_MEMBER', `Member ${i + 1} (${parsed.value}) is listed twice.`, { position: i + 1 });
    seen.add(parsed.value);
    if ((member.relationship === 'HOLDER') !== (parsed.value === holderCurp)) {
      throw badInput('FAMILY_HEALTH_HOLDER_MISMATCH', `Member ${i + 1}: the holder (${holderCurp}) is listed with relationship HOLDER, and only the holder is.`, { position: i + 1 });
    }
    return { curp: parsed.value, birthDate: parsed.birthDate, relationship: member.relationship, declaredConditions: [...member.declaredConditions] };
  });
}

export async function enrollFamilyHealth({ input }: MutationEnrollFamilyHealthArgs, ctx: EnrollmentsContext): Promise<EnrollFamilyHealthResult> {
  const holderCurp = input.holderCurp ?? ctx.viewer?.curp ?? null;
  if (!holderCurp) throw notFound('Person');
  await authorize(ctx, enrollVoluntarily(ctx, holderCurp), { subjectCurp: holderCurp, what: 'enrollFamilyHealth' });
  const country = countryOf(input.country);
  const today = mexicoCityToday(ctx.clock);
  const paymentDate = input.paymentDate ?? today;
  if (paymentDate < today) throw badInput('FAMILY_HEALTH_PAYMENT_DATE_PAST', `The payment date ${paymentDate} has passed (today is ${today}).`, { paymentDate, today });
  const coverageStart = input.coverageStart ?? firstOfNextMonth(paymentDate);
  const paymentIssues = checkFamilyHealthPayment({ paidOn: paymentDate, coverageStart });
  if (paymentIssues.length > 0) throw ruleViolation(paymentIssues);
  const coverageEnd = paidYearEnd(coverageStart);
  const members = membersOf(holderCurp, input.members);

  const { quote, assessments } = await withRuleErrors(async () => {
    const [fees, conditions, waiting] = await Promise.all([ctx.reference.familyHealthFees(), ctx.reference.excludedConditions(), ctx.reference.waitingPeriods()]);
    const quoted = familyHealthQuote(members.map((m) => ({ birthDate: m.birthDate, ref: m.curp })), paymentDate, fees);
    if (!quoted.ok) throw ruleViolation(quoted.issues);
    valueInForce(waiting, coverageStart); // the waiting periods shown on the enrollment must exist
    const assessed = assessQuestionnaires(members.map((m) => ({ ref: m.curp, declaredConditions: m.declaredConditions })), { conditions: valueInForce(conditions, today).value });
    return { quote: quoted, assessments: assessed };
  });
  const unknown = assessments.flatMap((a) => a.issues.filter((i) => i.code === 'CONDITION_CODE_UNKNOWN'));
  if (unknown.length > 0) throw ruleViolation(unknown);
  const enrolled = members.map((member, i) => ({ member, fee: quote.members[i]!, assessment: assessments[i]! })).filter((m) => m.assessment.insurable);
  const refusedMembers = assessments.filter((a) => !a.insurable).map((a) => ({ curp: a.ref, issues: a.issues.map(({ code, message }) => ({ code, message })) }));
  if (enrolled.length === 0) {
    throw badInput('FAMILY_HEALTH_NO_INSURABLE_MEMBER', 'No member listed can be enrolled: each declared a pre-existing condition that prevents it (RACERF art. 82).', { refusedMembers });
  }
  const consulateId = hasRole(ctx, 'CONSULATE_STAFF') ? ctx.viewer!.consulateId : null;
  const everyone = [...new Set([holderCurp, ...enrolled.map((m) => m.member.curp)])].sort();

  const enrollment = await ctx.repository.transaction(async (tx) => {
    for (const curp of everyone) await txQueries.lock(tx, `family-health:${curp}`);
    const overlapping = await txQueries.familyHealthOverlapping(tx, everyone, coverageStart, coverageEnd);
    const holderRow = overlapping.find((row) => row.holderCurp === holderCurp);
    if (holderRow) {
      throw badInput('FAMILY_HEALTH_ALREADY_ENROLLED', `The holder already has a family health insurance from ${holderRow.startDate} to ${holderRow.endDate}, overlapping ${coverageStart}–${coverageEnd}.`, { holderCurp });
    }
    const covered = overlapping.find((row) => row.curp !== null && enrolled.some((m) => m.member.curp === row.curp));
    if (covered) {
      throw badInput('FAMILY_HEALTH_MEMBER_ALREADY_COVERED', `Member ${covered.curp} is already covered by another family health insurance from ${covered.startDate} to ${covered.endDate}.`, { curp: covered.curp });
    }
    const row = await txQueries.insertEnrollment(tx, { curp: holderCurp, kind: 'FAMILY_HEALTH', modality: '33', startDate: coverageStart, endDate: coverageEnd, country, consulateId });
    await txQueries.insertFamilyHealth(tx, {
      enrollmentId: row.id, paymentDate, totalAnnualFeeCentavos: enrolled.reduce((sum, m) => sum + m.fee.fee, 0), feesConfirmed: quote.confirmed,
    });
    await txQueries.insertMembers(tx, enrolled.map(({ member, fee, assessment }) => ({
      enrollmentId: row.id, curp: member.curp, relationship: member.relationship, ageOnPayment: fee.ageOnPayment, ageBand: fee.band,
      annualFeeCentavos: fee.fee, declaredConditions: member.declaredConditions, exclusions: assessment.exclusions,
    })));
    await ctx.audit.append(everyone.map((curp) => ({
      action: 'WRITE' as const, subjectCurp: curp, what: 'enrollFamilyHealth' as const, fields: curp === holderCurp ? ['enrollments'] : ['familyHealthMembership', 'medicalQuestionnaire'],
    })), tx);
    const receipt = await enrollmentReceipt(ctx, tx, row, { members: enrolled.map(({ member }) => ({ curp: member.curp, relationship: member.relationship })), paymentDate });
    return { row, receipt };
  });
  ctx.released.release('Enrollment', enrollment.row.id);
  ctx.released.release('Receipt', enrollment.receipt.folio);
  return { enrollment: enrollment.row, receipt: enrollment.receipt, refusedMembers };
}

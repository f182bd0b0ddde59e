/**
 * Adds a beneficiary in one transaction that locks the holder's beneficiary set, so the
 * one-partner and two-parent limits hold under concurrent requests (docs/domain.md §5, §8).
 */
import { badInput, notFound, ruleViolation } from '../../../schema/errors/client-errors.ts';
import { authorize } from '../../shared/access/index.ts';
import type { MutationAddBeneficiaryArgs } from '../__generated__/resolvers-types.ts';
import type { PersonsContext } from '../context.ts';
import type { BeneficiaryModel } from '../mappers.ts';
import { managePerson } from '../permissions.ts';
import { txQueries } from '../repository.ts';
import { beneficiaryIdentity, evaluateBeneficiary, validateBeneficiarySet } from '../rules/index.ts';

export async function addBeneficiary({ input }: MutationAddBeneficiaryArgs, ctx: PersonsContext): Promise<BeneficiaryModel> {
  // The holder is the caller for insured persons; staff name the holder explicitly.
  const holderCurp = input.holderCurp ?? ctx.viewer?.curp ?? null;
  if (!holderCurp) throw notFound('Person');
  await authorize(ctx, managePerson(ctx, holderCurp), { subjectCurp: holderCurp, what: 'addBeneficiary' });
  const asOf = ctx.clock.today();
  const identity = beneficiaryIdentity(input, { asOf });
  if (!identity.ok) throw badInput(identity.code, identity.message, identity.mismatches ? { mismatches: identity.mismatches } : {});
  if (identity.curp === holderCurp) throw badInput('BENEFICIARY_IS_HOLDER', 'The holder cannot be their own beneficiary');
  const candidate = {
    curp: identity.curp,
    givenNames: input.givenNames.trim().toUpperCase(),
    firstSurname: input.firstSurname.trim().toUpperCase(),
    secondSurname: input.secondSurname?.trim().toUpperCase() || null,
    birthDate: identity.birthDate,
    relationship: input.relationship,
    livesInHousehold: input.livesInHousehold,
    studentExtensionUntil: input.studentExtensionUntil ?? null,
  };
  if (!candidate.givenNames || !candidate.firstSurname) throw badInput('BENEFICIARY_NAME_REQUIRED', 'givenNames and firstSurname are required');
  const evaluation = evaluateBeneficiary(candidate, { asOf });
  if (!evaluation.eligible) throw ruleViolation(evaluation.issues, 'BENEFICIARY_NOT_ELIGIBLE');

  return ctx.repository.transaction(async (tx) => {
    const holder = await txQueries.lockPerson(tx, holderCurp);
    if (!holder) throw notFound('Person');
    const existing = await txQueries.beneficiariesOf(tx, holderCurp);
    const setIssues = validateBeneficiarySet(existing, candidate, holder);
    if (setIssues.length > 0) throw ruleViolation(setIssues);
    const [row] = await txQueries.insertBeneficiary(tx, { holderCurp, ...candidate });
    await ctx.audit.append([{ action: 'WRITE', subjectCurp: holderCurp, what: 'addBeneficiary', fields: ['beneficiaries'] }], tx);
    return row!;
  });
}

/**
 * Beneficiary changes, each in one transaction that locks the holder's beneficiary set, so the
 * one-spouse-or-concubine rule holds under concurrent requests.
 */
import { isUuid } from '../../shared/batching.ts';
import { badInput, notFound } from '../../../schema/errors/client-errors.ts';
import { evaluateBeneficiary, validateBeneficiarySet } from '../rules/index.ts';
import { canManagePerson } from '../access.ts';
import type { PersonsContext } from '../context.ts';
import type { BeneficiaryModel } from '../mappers.ts';
import { txQueries } from '../repository.ts';
import { isoDate } from '../../shared/dates.ts';

export interface AddBeneficiaryInput {
  holderCurp?: string | null;
  curp?: string | null;
  givenNames: string;
  firstSurname: string;
  secondSurname?: string | null;
  birthDate: string;
  relationship: 'SPOUSE' | 'CONCUBINE' | 'CHILD' | 'PARENT';
  livesInHousehold: boolean;
  studentExtensionUntil?: string | null;
}

/** The holder is the caller for insured persons; staff name the holder explicitly. */
export function holderFor(requested: string | null | undefined, ctx: PersonsContext): string {
  const holder = requested ?? ctx.viewer?.curp ?? null;
  if (!holder || !canManagePerson(ctx.viewer, ctx.purpose, holder)) throw notFound('Person');
  return holder;
}

export async function addBeneficiary(input: AddBeneficiaryInput, ctx: PersonsContext): Promise<BeneficiaryModel> {
  const holderCurp = holderFor(input.holderCurp, ctx);
  const asOf = isoDate(ctx.services.now());
  const candidate = {
    curp: input.curp ?? null,
    givenNames: input.givenNames.trim().toUpperCase(),
    firstSurname: input.firstSurname.trim().toUpperCase(),
    secondSurname: input.secondSurname?.trim().toUpperCase() || null,
    birthDate: input.birthDate,
    relationship: input.relationship,
    livesInHousehold: input.livesInHousehold,
    studentExtensionUntil: input.studentExtensionUntil ?? null,
  };
  if (!candidate.givenNames || !candidate.firstSurname) throw badInput('BENEFICIARY_NAME_REQUIRED', 'givenNames and firstSurname are required');
  const evaluation = evaluateBeneficiary(candidate, { asOf });
  if (!evaluation.eligible) throw rejection(evaluation.issues);

  return ctx.repository.transaction(async (tx) => {
    if (!(await txQueries.lockPerson(tx, holderCurp))) throw notFound('Person');
    const existing = await txQueries.beneficiariesOf(tx, holderCurp);
    const setIssues = validateBeneficiarySet(existing, candidate);
    if (setIssues.length > 0) throw rejection(setIssues);
    const [row] = await txQueries.insertBeneficiary(tx, { holderCurp, ...candidate });
    await ctx.audit.recordReads([holderCurp], 'addBeneficiary', ['beneficiaries'], tx);
    return row!;
  });
}

export async function updateBeneficiary(
  input: { id: string; livesInHousehold?: boolean | null; studentExtensionUntil?: string | null },
  ctx: PersonsContext,
): Promise<BeneficiaryModel> {
  return ctx.repository.transaction(async (tx) => {
    const current = await ownedBeneficiary(input.id, ctx);
    const next = {
      ...current,
      livesInHousehold: input.livesInHousehold ?? current.livesInHousehold,
      studentExtensionUntil: input.studentExtensionUntil === undefined ? current.studentExtensionUntil : input.studentExtensionUntil,
    };
    const evaluation = evaluateBeneficiary(next, { asOf: isoDate(ctx.services.now()) });
    if (!evaluation.eligible) throw rejection(evaluation.issues);
    const [row] = await txQueries.updateBeneficiary(tx, input.id, {
      livesInHousehold: next.livesInHousehold,
      studentExtensionUntil: next.studentExtensionUntil,
    });
    await ctx.audit.recordReads([current.holderCurp], 'updateBeneficiary', ['beneficiaries'], tx);
    return row!;
  });
}

export async function removeBeneficiary(id: string, ctx: PersonsContext): Promise<{ id: string; removed: boolean }> {
  return ctx.repository.transaction(async (tx) => {
    const current = await ownedBeneficiary(id, ctx);
    await txQueries.deleteBeneficiary(tx, id);
    await ctx.audit.recordReads([current.holderCurp], 'removeBeneficiary', ['beneficiaries'], tx);
    return { id, removed: true };
  });
}

/** A beneficiary of someone the caller may not manage is "not found", never "forbidden". */
async function ownedBeneficiary(id: string, ctx: PersonsContext): Promise<BeneficiaryModel> {
  if (!isUuid(id)) throw notFound('Beneficiary');
  const row = await ctx.repository.beneficiaryById(id);
  if (!row || !canManagePerson(ctx.viewer, ctx.purpose, row.holderCurp)) throw notFound('Beneficiary');
  return row;
}

function rejection(issues: ReadonlyArray<{ code: string; message: string }>) {
  const [first] = issues;
  return badInput(first?.code ?? 'BENEFICIARY_NOT_ELIGIBLE', issues.map((i) => i.message).join('; '), { issues });
}


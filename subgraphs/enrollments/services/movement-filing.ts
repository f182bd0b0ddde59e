/**
 * What every IDSE movement (docs/domain.md §6) goes through before its transaction, in this
 * order: the caller is an employer holding the registration (else FORBIDDEN / NOT_FOUND, audited),
 * the registration's format (positions 9–10 give the modalidad), the employer's verified identity
 * (EMPLOYER_IDENTITY_NOT_VERIFIED), the salary bounds in force on the movement's date, and the
 * filing window: 5 business days (LSS art. 15-I), late filings accepted and flagged.
 */
import { badInput, ruleViolation } from '../../../schema/errors/client-errors.ts';
import { authorize } from '../../shared/access/index.ts';
import type { WageZone } from '../__generated__/resolvers-types.ts';
import type { EnrollmentsContext } from '../context.ts';
import type { EmployerMovementModel } from '../mappers.ts';
import { mexicoCityToday } from '../mexico-today.ts';
import { fileMovementUnder, type EnrollmentsWrite } from '../permissions.ts';
import { pgErrorOf, type NewMovement } from '../repository.ts';
import { withRuleErrors } from '../rule-errors.ts';
import {
  checkDailyBaseSalary, evaluateFiling, IDSE_MOVEMENT_CODES, normalizeEmployerRegistration, validateEmployerRegistration,
  type FilingEvaluation, type FilingFacts, type MovementKind,
} from '../rules/movements/index.ts';
import { valueInForce } from '../rules/reference/index.ts';
import { verifyEmployerIdentity, type VerifiedEmployer } from './employer-identity.ts';

export interface MovementRequest {
  employerRegistration: string;
  curp: string;
  identityAssertion: string;
}

export interface AuthorizedMovement {
  /** Normalised, 11 characters. */
  registration: string;
  /** Positions 9–10 of the registration. */
  modality: string;
  curp: string;
  identity: VerifiedEmployer;
  /** The day IMSS receives it: today in Mexico City. */
  filedOn: string;
}

/** Authorizes the caller for the registration, checks its format and verifies the employer's identity. */
export async function authorizeMovement(request: MovementRequest, what: EnrollmentsWrite, ctx: EnrollmentsContext): Promise<AuthorizedMovement> {
  const registration = normalizeEmployerRegistration(request.employerRegistration);
  await authorize(ctx, fileMovementUnder(ctx, registration), { subjectCurp: request.curp, what });
  const parsed = validateEmployerRegistration(registration);
  if (!parsed.ok) throw ruleViolation(parsed.issues);
  const identity = await verifyEmployerIdentity(request.identityAssertion, parsed.value, ctx);
  return { registration: parsed.value, modality: parsed.modality, curp: request.curp, identity, filedOn: mexicoCityToday(ctx.clock) };
}

/** SALARY_BELOW_MINIMUM_WAGE / SALARY_ABOVE_CEILING with the zone's minimum wage and 25 UMA in force on `date`. */
export async function checkSalaryOn(date: string, dailyBaseSalaryCentavos: number, zone: WageZone, ctx: EnrollmentsContext): Promise<void> {
  if (!Number.isSafeInteger(dailyBaseSalaryCentavos) || dailyBaseSalaryCentavos <= 0) {
    throw badInput('SALARY_INVALID', `A daily base salary is a positive whole number of centavos, got ${dailyBaseSalaryCentavos}.`);
  }
  const issues = await withRuleErrors(async () => {
    const [wages, uma] = await Promise.all([ctx.reference.minimumWage(), ctx.reference.uma()]);
    return checkDailyBaseSalary(dailyBaseSalaryCentavos, {
      minimumWageCentavos: valueInForce(wages, date).value[zone],
      umaDailyCentavos: valueInForce(uma, date).value.daily,
    });
  });
  if (issues.length > 0) throw ruleViolation(issues.map((issue) => ({ ...issue, message: `${issue.message} (${zone} zone, on ${date})` })));
}

/** The filing window, lateness and effective date; MOVEMENT_TOO_EARLY or an unknown baja cause refuse it. */
export async function evaluateMovement(facts: FilingFacts, ctx: EnrollmentsContext): Promise<FilingEvaluation & { deadline: string; effectiveDate: string }> {
  const evaluation = evaluateFiling(facts, await ctx.reference.calendar());
  if (!evaluation.accepted || evaluation.deadline === null || evaluation.effectiveDate === null) throw ruleViolation(evaluation.issues);
  return { ...evaluation, deadline: evaluation.deadline, effectiveDate: evaluation.effectiveDate };
}

/** The movement row for what was authorized and evaluated. */
export function movementRow(
  movement: AuthorizedMovement,
  kind: MovementKind,
  evaluation: { deadline: string; effectiveDate: string; late: boolean },
  fields: Pick<NewMovement, 'enrollmentId' | 'eventDate'> & Partial<Pick<NewMovement, 'bajaCause' | 'dailyBaseSalaryCentavos' | 'salaryType' | 'wageZone'>>,
  ctx: EnrollmentsContext,
): NewMovement {
  return {
    ...fields,
    curp: movement.curp,
    employerRegistration: movement.registration,
    kind,
    idseCode: IDSE_MOVEMENT_CODES[kind],
    filedOn: movement.filedOn,
    deadline: evaluation.deadline,
    effectiveDate: evaluation.effectiveDate,
    late: evaluation.late,
    identityMethod: movement.identity.method,
    identityAssertionId: movement.identity.assertionId,
    filedBy: ctx.viewer!.subject,
  };
}

export const employmentAlreadyOpen = (registration: string, since: string | null) =>
  badInput('EMPLOYMENT_ALREADY_OPEN', `The worker already has an open employment under registration ${registration}${since ? ` since ${since}` : ''}; file its baja first.`, { registration });

/** Maps the one-open-employment index (the last word under concurrency) to its stable code. */
export function onEmploymentConflict(registration: string) {
  return (error: unknown): never => {
    if (pgErrorOf(error).constraint_name === 'enrollments_one_open_employment') throw employmentAlreadyOpen(registration, null);
    throw error;
  };
}

/** Releases a filed movement and its enrollment to the shield (the payload carries both). */
export function releaseMovement(ctx: EnrollmentsContext, movement: EmployerMovementModel): EmployerMovementModel {
  ctx.released.release('EmployerMovement', movement.id);
  ctx.released.release('Enrollment', movement.enrollmentId);
  return movement;
}

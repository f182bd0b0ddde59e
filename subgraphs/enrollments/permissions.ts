/**
 * Who may do what in the enrollments subgraph (docs/security.md). The policies decide one record;
 * the scoped loaders (loaders.ts) run them and audit, the services (services/) run them before a
 * mutation's transaction; the shield map below only gates identities and lets through the rows a
 * loader or a service released.
 */
import { allow, and } from 'graphql-shield';
import {
  ALLOW, STAFF_ROLES, allowIf, coveredByParent, asStaff, hasRole, isEmployerOf, isInsured, isSelf, isSignedIn, isStaff, refuse, releasedAs, roleRefusal,
  type Access, type Decision,
} from '../shared/access/index.ts';
import type { Mutation } from './__generated__/resolvers-types.ts';
import type {
  EmployerMovementModel, EnrollmentModel, FamilyHealthEnrollmentModel, FamilyHealthMemberModel, IndependentWorkerEnrollmentModel, PaymentModel,
  PaymentReferenceModel, ReceiptModel,
} from './mappers.ts';

/** The labels this subgraph writes to the audit trail: what was read, and which mutation wrote. */
export type EnrollmentsRead =
  | 'Person.enrollments' | 'Person.coveragePeriods' | 'Enrollment' | 'Query.employerEnrollments'
  | 'Enrollment.movements' | 'Enrollment.independentWorker' | 'Enrollment.familyHealth'
  | 'Query.paymentReference' | 'Query.debtStatement';
export type EnrollmentsWrite = Exclude<keyof Mutation, '__typename'>;

/** A person's enrollments: the person; staff with a declared purpose and a case (or an exception); employers, narrowed to their own rows. */
export function readEnrollmentsOf(access: Access, curp: string): Decision {
  if (isSelf(access, curp)) return ALLOW;
  if (isStaff(access)) return asStaff(access, STAFF_ROLES, curp);
  if (hasRole(access, 'EMPLOYER')) return ALLOW; // narrowed by isOwnEmployment
  return isInsured(access) ? refuse('OUTSIDE_SCOPE') : roleRefusal(access);
}

/** Employers see the enrollments filed under their own registros patronales, nothing else. */
export function isOwnEmployment(access: Access, row: Pick<EnrollmentModel, 'curp' | 'employerRegistration'>): boolean {
  if (!hasRole(access, 'EMPLOYER') || isSelf(access, row.curp) || isStaff(access)) return true;
  return row.employerRegistration !== null && isEmployerOf(access, row.employerRegistration);
}

/**
 * The periods coverage is computed from (all employers' and programmes'): the person and staff
 * with a declared purpose only — an employer must not learn its worker's other jobs.
 */
export function readCoveragePeriodsOf(access: Access, curp: string): Decision {
  if (isSelf(access, curp)) return ALLOW;
  if (isStaff(access)) return asStaff(access, STAFF_ROLES, curp);
  return isInsured(access) ? refuse('OUTSIDE_SCOPE') : roleRefusal(access);
}

/**
 * One enrollment (an entity reference), or a detail of it (its movements, its PTI or family
 * health record): whoever may read it among the person's enrollments.
 */
export function readEnrollment(access: Access, row: Pick<EnrollmentModel, 'curp' | 'employerRegistration'>): Decision {
  const decision = readEnrollmentsOf(access, row.curp);
  if (!decision.allowed) return decision;
  return isOwnEmployment(access, row) ? ALLOW : refuse('OUTSIDE_SCOPE');
}

/** An employer's list of workers by registration: only registrations in its token. */
export function readRegistration(access: Access, registration: string): Decision {
  if (isEmployerOf(access, registration)) return ALLOW;
  return hasRole(access, 'EMPLOYER') ? refuse('OUTSIDE_SCOPE') : roleRefusal(access);
}

/**
 * A voluntary enrollment (PTI, family health): the insured person for themself; consulate staff
 * and IMSS officers with a declared purpose for the person they serve. Another insured person's
 * CURP is answered like an unknown one.
 */
export function enrollVoluntarily(access: Access, curp: string): Decision {
  if (isSelf(access, curp)) return ALLOW;
  if (isStaff(access)) return asStaff(access, STAFF_ROLES, curp);
  return isInsured(access) ? refuse('OUTSIDE_SCOPE') : roleRefusal(access);
}

/**
 * An IDSE movement: only an employer, and only under a registro patronal of its token (another
 * employer's registration is NOT_FOUND). Its identity is verified separately, by the assertion
 * each movement carries (services/employer-identity.ts).
 */
export function fileMovementUnder(access: Access, registration: string): Decision {
  if (isEmployerOf(access, registration)) return ALLOW;
  return hasRole(access, 'EMPLOYER') ? refuse('OUTSIDE_SCOPE') : roleRefusal(access);
}

/**
 * A payment reference, looked up by its written form. A partner bank may look any reference up
 * (it must know what it collects), but sees neither whose obligation it is nor another bank's
 * payment (field rules below); the obligor — the person, the employer holding the registration —
 * and staff with a purpose and case for the person see all of it; IMSS officers see employers'.
 */
export function readPaymentReference(access: Access, row: { curp: string | null; employerRegistration: string | null }): Decision {
  if (row.employerRegistration !== null) {
    if (isEmployerOf(access, row.employerRegistration) || hasRole(access, 'IMSS_OFFICER', 'BANK')) return ALLOW;
    return hasRole(access, 'EMPLOYER') ? refuse('OUTSIDE_SCOPE') : roleRefusal(access);
  }
  if (hasRole(access, 'BANK')) return ALLOW;
  return enrollVoluntarily(access, row.curp!);
}

/** Banks record payments, nobody else; which bank is the token's, never an argument. */
export function recordPaymentAsBank(access: Access): Decision {
  return hasRole(access, 'BANK') && access.viewer!.bankId !== null ? ALLOW : roleRefusal(access);
}

/** A bank's own reconciliation; IMSS officers any bank's. Another bank's is refused like a forbidden role (the bank id is not secret). */
export function readBankReconciliation(access: Access, bankId: string): Decision {
  if (hasRole(access, 'IMSS_OFFICER')) return ALLOW;
  if (hasRole(access, 'BANK')) return access.viewer!.bankId === bankId ? ALLOW : refuse('OUTSIDE_SCOPE', true);
  return roleRefusal(access);
}

/** A debt statement: an employer for its own registrations, IMSS officers for any registration; a person's as for their enrollments. */
export function readDebtStatementOf(access: Access, obligor: { curp: string } | { employerRegistration: string }): Decision {
  if ('employerRegistration' in obligor) {
    if (isEmployerOf(access, obligor.employerRegistration) || hasRole(access, 'IMSS_OFFICER')) return ALLOW;
    return hasRole(access, 'EMPLOYER') ? refuse('OUTSIDE_SCOPE') : roleRefusal(access);
  }
  return enrollVoluntarily(access, obligor.curp);
}

/** A caller whose only role is BANK: sees no obligor, and only its own payments. */
export function isOnlyABank(access: Access): boolean {
  return access.viewer !== null && access.viewer.roles.every((role) => role === 'BANK');
}

/** Parts of a reference or payment that name the obligor: not for a caller who is only a bank. */
const notOnlyABank = allowIf((access) => isSignedIn(access) && !isOnlyABank(access));
const releasedReference = releasedAs<PaymentReferenceModel>('PaymentReference', (row) => row.id);

const analysts = allowIf((access) => hasRole(access, 'ANALYST'));

export const permissions = {
  Query: {
    enrollmentStatistics: analysts,
    enrollmentStatisticsTable: analysts,
    employerEnrollments: allowIf((access) => hasRole(access, 'EMPLOYER')),
    // Public reference data and calculations on the caller's own input.
    referenceValues: allow,
    independentWorkerQuote: allow,
    familyHealthQuote: allow,
    // Decided per record by the payment services (readPaymentReference, readDebtStatementOf, readBankReconciliation).
    paymentReference: allowIf(isSignedIn),
    debtStatement: allowIf((access) => hasRole(access, 'INSURED', 'EMPLOYER', ...STAFF_ROLES)),
    bankReconciliation: allowIf((access) => hasRole(access, 'BANK', 'IMSS_OFFICER')),
    // Folios are unguessable and the answer carries no personal data (docs/security.md, "Receipts").
    verifyReceipt: allowIf(isSignedIn),
  },
  // Every service authorizes with the policies above before its transaction (and audits refusals).
  Mutation: { '*': allowIf(isSignedIn) },
  Person: {
    // The key the caller sent (or an enrollment they may read) names the person; nothing more.
    curp: allowIf(isSignedIn),
    enrollments: allowIf(isSignedIn),
    coveragePeriods: allowIf(isSignedIn),
  },
  // Rows a scoped loader (or a mutation's service) released in this request, nothing else.
  Enrollment: releasedAs<EnrollmentModel>('Enrollment', (row) => row.id),
  EmployerMovement: releasedAs<EmployerMovementModel>('EmployerMovement', (row) => row.id),
  IndependentWorkerEnrollment: releasedAs<IndependentWorkerEnrollmentModel>('IndependentWorkerEnrollment', (row) => row.enrollmentId),
  FamilyHealthEnrollment: releasedAs<FamilyHealthEnrollmentModel>('FamilyHealthEnrollment', (row) => row.enrollmentId),
  FamilyHealthMember: releasedAs<FamilyHealthMemberModel>('FamilyHealthMember', (row) => row.id),
  // Payments: rows the payment services released in this request; what names the obligor is never for a bank.
  PaymentReference: {
    '*': releasedReference,
    employerRegistration: and(releasedReference, notOnlyABank),
    enrollment: and(releasedReference, notOnlyABank),
  },
  Payment: releasedAs<PaymentModel>('Payment', (row) => row.id),
  Receipt: releasedAs<ReceiptModel>('Receipt', (row) => row.folio),
  RecordPaymentPayload: allow,
  DebtStatement: allow,
  DebtObligation: allow,
  BankReconciliation: allow,
  ReconciliationLine: allow,
  ReceiptVerification: allow,
  ReceiptActor: allow,
  // Values computed for a released row, a mutation's payload or a public calculation.
  CoveragePeriod: allow,
  BajaCause: allow,
  IndependentWorkerContribution: allow,
  ContributionBase: allow,
  ContributionLine: allow,
  MonthContribution: allow,
  WaitingPeriod: allow,
  EnrollFamilyHealthPayload: allow,
  RefusedMember: allow,
  RuleIssue: allow,
  IndependentWorkerQuote: allow,
  FamilyHealthQuote: allow,
  FamilyHealthMemberFee: allow,
  // Public reference data.
  ReferenceValues: allow,
  ReferenceValidity: allow,
  UmaValue: allow,
  MinimumWageValue: allow,
  FamilyHealthFeeSchedule: allow,
  FamilyHealthFeeBand: allow,
  PtiRateSet: allow,
  PtiRate: allow,
  PtiProgramme: allow,
  WaitingPeriodCatalogue: allow,
  WaitingPeriodRule: allow,
  ExcludedConditionCatalogue: allow,
  ExcludedCondition: allow,
  // Aggregates for analysts only (and suppressed: see statistics/).
  EnrollmentStatistic: analysts,
  StatisticsTable: analysts,
  // The table's cells and their coordinates exist only inside a StatisticsTable (analysts' rule
  // above): checked once there, not again on each of a large table's thousands of fields.
  StatisticsEntry: coveredByParent,
  StatisticsCoordinate: coveredByParent,
};

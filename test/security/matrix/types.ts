/** The shape of a row of the security matrix (see matrix.int.test.ts). */
import type { SeededSystem } from '../../support/seeded-system.ts';
import type { ProcedureCode } from '../../../schema/identity/procedures.ts';
import type { AppointmentState } from './appointment-fixtures.ts';

/**
 * Who calls. Staff (CONSULATE_STAFF of CON-LAX, IMSS_OFFICER of subdelegation 01) declare the
 * row's procedure as purpose and, on rows about a person, act on that person's case at their
 * office; CONSULATE_STAFF_NO_PURPOSE declares nothing; CONSULATE_STAFF_NO_CASE declares the
 * purpose but has no case (docs/security.md, "Cases").
 */
export type Actor = 'ANONYMOUS' | 'INSURED' | 'CONSULATE_STAFF' | 'CONSULATE_STAFF_NO_PURPOSE' | 'EMPLOYER' | 'BANK' | 'ANALYST' | 'IMSS_OFFICER' | 'CONSULATE_STAFF_NO_CASE';
export const ACTORS: readonly Actor[] = ['ANONYMOUS', 'INSURED', 'CONSULATE_STAFF', 'CONSULATE_STAFF_NO_PURPOSE', 'EMPLOYER', 'BANK', 'ANALYST', 'IMSS_OFFICER', 'CONSULATE_STAFF_NO_CASE'];
export const SIGNED_IN: readonly Actor[] = ACTORS.filter((a) => a !== 'ANONYMOUS');

export interface MatrixSystem extends SeededSystem {
  insuredNss: string;
  /** A beneficiary of the demo insured person created for this actor alone (rows that change or remove one). */
  beneficiaryOf(actor: Actor): string;
  /** An appointment created for this actor alone, in the state a row acts on (appointment-fixtures.ts). */
  appointmentOf(actor: Actor, state: AppointmentState): string;
  /** Fixtures of the enrollments rows (matrix/enrollments.ts: prepareEnrollmentsMatrix). */
  enrollments: EnrollmentsMatrixFixtures;
}

export interface EnrollmentsMatrixFixtures {
  /** An identity assertion for the dev EMPLOYER (subject dev-employer, registration Y1234567101). */
  employerAssertion: string;
  /** Workers with an open employment under Y1234567101: one for the salary-change row, one for the baja row. */
  salaryChangeWorker: string;
  bajaWorker: string;
  payments: PaymentsMatrixFixtures;
}

export interface PaymentsMatrixFixtures {
  /** A pending PTI reference of the demo insured person (written form). */
  personReference: string;
  /** A pending reference for the dev employer's cuotas (Y1234567101). */
  employerReference: string;
  /** The insured's reference paid by BANK-002: BANK-001 must not see the payment. */
  paidByOtherBank: string;
  /** A pending reference only the BANK row pays. */
  payable: { reference: string; amountCentavos: number };
  /** Per actor: a PTI and a family health enrollment of the actor's row person (the insured's own for INSURED) to issue references for. */
  ptiEnrollmentOf(actor: Actor): string;
  familyHealthEnrollmentOf(actor: Actor): string;
  /** The first month payable for those enrollments (YYYY-MM), and this month (employer cuotas). */
  ptiPeriod: string;
  thisMonth: string;
  /** Mexico City today, for the reconciliation rows. */
  today: string;
  /** A registered receipt's folio. */
  folio: string;
}

export interface Operation {
  name: string;
  /** The root fields (Query.x / Mutation.x) this row exercises: every root field needs a row. */
  covers: readonly string[];
  query: (s: MatrixSystem, actor: Actor) => string;
  /** Whose data the row is about: staff act on this person's case (opened for them before the row). */
  subject?: (s: MatrixSystem, actor: Actor) => string;
  /** The procedure staff declare (and their case is for). @default 'NSS_ASSISTANCE' */
  procedure?: ProcedureCode;
  /** Other request headers this row sends (an Idempotency-Key). */
  headers?: (s: MatrixSystem, actor: Actor) => Record<string, string>;
  /** What counts as access: the data the caller got. */
  granted: (data: any) => boolean;
  allowed: readonly Actor[];
}

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
  /** What counts as access: the data the caller got. */
  granted: (data: any) => boolean;
  allowed: readonly Actor[];
}

/**
 * What the enrollments resolvers receive as parents: database rows (and the few facts a loader
 * joins to them), not GraphQL types. codegen.ts maps the GraphQL types to these.
 */
import type {
  employerMovements, enrollments, familyHealthEnrollments, familyHealthMembers, independentWorkerEnrollments, paymentReferences, payments,
} from '../../db/schema/enrollments.ts';
import type { RECEIPT_PROCEDURES } from '../../db/schema/audit.ts';

export type { PersonRefModel } from '../shared/person-ref.ts';
export type EnrollmentModel = typeof enrollments.$inferSelect;
export type EmployerMovementModel = typeof employerMovements.$inferSelect;
export type FamilyHealthMemberModel = typeof familyHealthMembers.$inferSelect & {
  /** The holder of the enrollment (the person whose enrollment this member belongs to). */
  holderCurp: string;
};

/** Who an enrollment's detail belongs to, joined from the enrollment: every detail row is decided with it. */
export interface EnrollmentOwner {
  curp: string;
  employerRegistration: string | null;
  startDate: string;
  endDate: string | null;
}

export type IndependentWorkerEnrollmentModel = typeof independentWorkerEnrollments.$inferSelect & EnrollmentOwner;
export type FamilyHealthEnrollmentModel = typeof familyHealthEnrollments.$inferSelect & EnrollmentOwner;

/** `referenceValues(date)`: each field reads the table in force on the date on its own. */
export interface ReferenceValuesModel {
  date: string;
}

/** A coverage period of a person: an enrollment, or a family health membership naming them. */
export interface CoveragePeriodRow {
  curp: string;
  start: string;
  end: string | null;
  kind: EnrollmentModel['kind'];
}

/** A payment reference with the payment that settled it, if any. */
export type PaymentReferenceRow = typeof paymentReferences.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
export type PaymentReferenceModel = PaymentReferenceRow & {
  /** Whether it is paid (by whichever bank). */
  paid: boolean;
  /** The payment, when the caller may see it (a bank: only its own). */
  payment: PaymentRow | null;
};
/** A payment with the reference it paid (concept, period, the written reference, the obligor). */
export type PaymentModel = PaymentRow & { ref: PaymentReferenceRow };
/** A receipt as the register holds it. */
export interface ReceiptModel {
  folio: string;
  procedure: (typeof RECEIPT_PROCEDURES)[number];
  recordedAt: Date;
  document: string;
}

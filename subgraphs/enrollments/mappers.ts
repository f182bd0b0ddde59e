/**
 * What the enrollments resolvers receive as parents: database rows (and the few facts a loader
 * joins to them), not GraphQL types. codegen.ts maps the GraphQL types to these.
 */
import type {
  employerMovements, enrollments, familyHealthEnrollments, familyHealthMembers, independentWorkerEnrollments,
} from '../../db/schema/enrollments.ts';

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

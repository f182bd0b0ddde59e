/**
 * What the persons resolvers receive as parents: database rows (plus what federation adds), not
 * GraphQL types. codegen.ts maps the GraphQL types to these.
 */
import { z } from 'zod';
import type { accessEvents } from '../../db/schema/audit.ts';
import { ENROLLMENT_KINDS } from '../../db/schema/enrollments.ts';
import type { addresses, beneficiaries, clinics, persons, proofsOfLife } from '../../db/schema/persons.ts';
import type { BeneficiaryCoverage, CoverageResult } from './rules/index.ts';

export type PersonRow = typeof persons.$inferSelect;
export type AddressModel = typeof addresses.$inferSelect;
export type ClinicModel = typeof clinics.$inferSelect;
export type BeneficiaryModel = typeof beneficiaries.$inferSelect;
export type ProofOfLifeModel = typeof proofsOfLife.$inferSelect & {
  /** The acuse, when the proof was just recorded (recordProofOfLife's answer). */
  receipt?: import('../shared/documents/receipts.ts').IssuedReceipt;
};
export type AccessLogEntryModel = typeof accessEvents.$inferSelect;

/**
 * The coverage periods the gateway fetches from enrollments for `Person.coverage` (@requires).
 * They arrive in an entity representation, so they are parsed, not trusted. An open period's
 * `end` is null; a planner may leave a null field out of the representation (Hive's Rust planner
 * does), so a missing `end` is an open period too.
 */
export const coveragePeriodsSchema = z.array(
  z.object({ start: z.iso.date(), end: z.iso.date().nullable().default(null), kind: z.enum(ENROLLMENT_KINDS) }),
);
export type CoveragePeriodFacts = z.infer<typeof coveragePeriodsSchema>[number];

/** A person row; `coveragePeriods` is present when the gateway resolved @requires for `coverage`. */
export type PersonModel = PersonRow & { coveragePeriods?: CoveragePeriodFacts[] };

export interface ProofOfLifeStatusModel {
  curp: string;
  state: 'CURRENT' | 'DUE' | 'OVERDUE' | 'SUSPENDED';
  lastProvedOn: string | null;
  nextDeadline: string;
}

export type BeneficiaryCoverageModel = BeneficiaryCoverage<BeneficiaryModel>;
export type CoverageValidityModel = CoverageResult & { beneficiaries: BeneficiaryCoverageModel[] };

/**
 * What the persons resolvers receive as parents: database rows (plus what federation adds), not
 * GraphQL types. codegen.ts maps the GraphQL types to these.
 */
import type { addresses, beneficiaries, clinics, persons, proofsOfLife } from '../../db/schema/persons.ts';
import type { accessEvents } from '../../db/schema/audit.ts';

export type PersonRow = typeof persons.$inferSelect;
export type AddressModel = typeof addresses.$inferSelect;
export type ClinicModel = typeof clinics.$inferSelect;
export type BeneficiaryModel = typeof beneficiaries.$inferSelect;
export type ProofOfLifeModel = typeof proofsOfLife.$inferSelect;
export type AccessLogEntryModel = typeof accessEvents.$inferSelect;

export interface CoveragePeriodInput {
  start: string;
  end: string | null;
  kind: string;
}

/** A person row; `coveragePeriods` is present when the gateway resolved @requires for `coverage`. */
export type PersonModel = PersonRow & { coveragePeriods?: CoveragePeriodInput[] | null };

export interface ProofOfLifeStatusModel {
  curp: string;
  state: 'CURRENT' | 'DUE' | 'OVERDUE' | 'SUSPENDED';
  lastProvedOn: string | null;
  nextDeadline: string;
}

export interface BeneficiaryCoverageModel {
  beneficiary: BeneficiaryModel;
  status: 'ACTIVE' | 'PRESERVED' | 'EXPIRED' | 'NONE';
  validUntil: string | null;
  reason: string;
}

export interface CoverageValidityModel {
  status: 'ACTIVE' | 'PRESERVED' | 'EXPIRED' | 'NONE';
  validUntil: string | null;
  reason: string;
  beneficiaries: BeneficiaryCoverageModel[];
}

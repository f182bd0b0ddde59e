/**
 * Who may do what in the persons subgraph (ARCHITECTURE.md). Deny by default: every type and field
 * that a caller can reach is listed here. Entity types carry type-level rules so `_entities` meets
 * the same checks as root fields; row scoping (which person) happens in the loaders (access.ts).
 */
import { allow, and, or, rule } from 'graphql-shield';
import { hasRole, isAuthenticated, isInsured, isStaffWithPurpose, isConsulateStaffWithPurpose } from '../shared/rules.ts';
import { canReadPerson, isSelf } from './access.ts';
import type { PersonsContext } from './context.ts';
import type { PersonModel } from './mappers.ts';

const canReadThisPerson = rule({ cache: 'no_cache' })(
  (person: PersonModel, _a, ctx: PersonsContext) => canReadPerson(ctx.viewer, ctx.purpose, person.curp),
);

/** Only the person themself lists who accessed their data. */
const isThisPerson = rule({ cache: 'no_cache' })((person: PersonModel, _a, ctx: PersonsContext) => isSelf(ctx.viewer, person.curp));

const insuredOrStaff = or(isInsured, isStaffWithPurpose);
/** Lookups let staff through without a purpose so the refusal is audited and explained (resolver). */
const insuredOrAnyStaff = or(isInsured, hasRole('CONSULATE_STAFF', 'IMSS_OFFICER'));

export const permissions = {
  Query: {
    me: isInsured,
    person: insuredOrAnyStaff,
    personByNss: insuredOrAnyStaff,
    curpConsistency: isAuthenticated,
    identifierCheck: isAuthenticated,
    // Public reference data and a pure calculation on the caller's own answers.
    clinics: allow,
    voluntaryEnrollmentEligibility: allow,
  },
  Mutation: {
    assignNss: insuredOrStaff,
    issueNssCertificate: insuredOrStaff,
    updateContactData: insuredOrStaff,
    addBeneficiary: insuredOrStaff,
    updateBeneficiary: insuredOrStaff,
    removeBeneficiary: insuredOrStaff,
    recordProofOfLife: isConsulateStaffWithPurpose,
  },
  Person: {
    '*': canReadThisPerson,
    accessLog: and(canReadThisPerson, isThisPerson),
  },
  // Reachable only through a Person (guarded above) or a mutation the caller was allowed to run.
  Address: allow,
  Beneficiary: allow,
  CoverageValidity: allow,
  BeneficiaryCoverage: allow,
  CoveragePeriod: allow,
  ProofOfLifeStatus: allow,
  ProofOfLife: allow,
  AccessLogEntry: allow,
  AssignNssPayload: allow,
  NssCertificate: allow,
  RemoveBeneficiaryPayload: allow,
  CurpConsistency: allow,
  CurpMismatch: allow,
  ValidationIssue: allow,
  IdentifierCheck: allow,
  IdentifierResult: allow,
  Eligibility: allow,
  // Public reference data (also an entity other subgraphs may reference).
  Clinic: allow,
};

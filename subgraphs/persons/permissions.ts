/**
 * Who may do what in the persons subgraph (docs/security.md has the whole roles matrix). Two
 * halves, both here so one file answers "who may read Person.nss":
 * - the policies: one function per kind of record, deciding for one record. The scoped loaders
 *   (loaders.ts) run them once per record per request for reads, the services (services/) before
 *   a mutation's transaction; both audit what they decide.
 * - the shield map: deny by default; identity gates; and `releasedAs`, which lets a Person's
 *   fields through only for a person a policy released in this request. It never re-decides.
 *
 * Person.nss (and every other Person field): readable by the person themself, and by consulate
 * staff and IMSS officers who declared a purpose and act on a verified case of that person at their
 * office, or by a declared exception (each read audited, refusals too); nobody else.
 */
import { allow } from 'graphql-shield';
import {
  ALLOW, STAFF_ROLES, allowIf, asStaff, hasRole, isInsured, isSelf, isSignedIn, isStaff, policyRule, refuse, releasedAs, roleRefusal,
  type Access, type Decision,
} from '../shared/access/index.ts';
import type { Mutation } from './__generated__/resolvers-types.ts';
import type { PersonModel } from './mappers.ts';

/** The labels this subgraph writes to the audit trail: what was read, and which mutation wrote. */
export type PersonsRead = 'Person';
export type PersonsWrite = Exclude<keyof Mutation, '__typename'>;

/**
 * A person's record: the person; staff with a declared purpose and a verified case of that person
 * at their office (or a declared exception, flagged in the audit); nobody else (silently, for insured).
 */
export function readPerson(access: Access, curp: string): Decision {
  if (isSelf(access, curp)) return ALLOW;
  if (isStaff(access)) return asStaff(access, STAFF_ROLES, curp);
  return isInsured(access) ? refuse('OUTSIDE_SCOPE') : roleRefusal(access);
}

/** Looking a person up by another key (NSS) before knowing whose it is: the roles that could read. */
export function lookUpPersons(access: Access): Decision {
  if (isInsured(access)) return ALLOW; // narrowed to their own record after the read
  return asStaff(access);
}

/**
 * Changing a person's record (contact data, beneficiaries), assigning or locating their NSS, and
 * issuing their certificate: the same people who may read it.
 */
export const managePerson = readPerson;

/** Proof of life abroad is recorded at a consulate: consulate staff with a declared purpose and the pensioner's case. */
export function recordProofOfLifeFor(access: Access, curp: string): Decision {
  return asStaff(access, ['CONSULATE_STAFF'], curp);
}

/** Who read my data: the person themself only. */
export function readAccessLog(access: Access, curp: string): Decision {
  return isSelf(access, curp) ? ALLOW : roleRefusal(access);
}

const personReleased = releasedAs<PersonModel>('Person', (person) => person.curp);

export const permissions = {
  Query: {
    me: allowIf(isInsured),
    // The loaders decide with readPerson / lookUpPersons and audit refusals.
    person: allowIf(isSignedIn),
    personByNss: allowIf(isSignedIn),
    curpConsistency: allowIf(isSignedIn),
    identifierCheck: allowIf(isSignedIn),
    // Review of staff accesses made without a case: IMSS officers (docs/security.md, "Cases").
    accessExceptions: allowIf((access) => hasRole(access, 'IMSS_OFFICER')),
    // Public reference data and a pure calculation on the caller's own answers.
    clinics: allow,
    voluntaryEnrollmentEligibility: allow,
  },
  // Every service authorizes with the policies above before its transaction (and audits refusals).
  Mutation: { '*': allowIf(isSignedIn) },
  Person: {
    '*': personReleased,
    accessLog: policyRule<PersonModel>(readAccessLog, (person) => person.curp),
  },
  // Reachable only through a released Person or a mutation its service authorized.
  Address: allow,
  Beneficiary: allow,
  CoverageValidity: allow,
  CoverageSource: allow,
  BeneficiaryCoverage: allow,
  CoveragePeriod: allow,
  ProofOfLifeStatus: allow,
  ProofOfLife: allow,
  AccessLogEntry: allow,
  AccessException: allowIf((access) => hasRole(access, 'IMSS_OFFICER')),
  AssignNssPayload: allow,
  // Only in the answer to the caller's own procedure (assignNss, recordProofOfLife).
  Receipt: allow,
  NssCertificate: allow,
  RemoveBeneficiaryPayload: allow,
  // Results of pure checks on the caller's own input.
  CurpConsistency: allow,
  CurpMismatch: allow,
  ValidationIssue: allow,
  IdentifierCheck: allow,
  IdentifierResult: allow,
  Eligibility: allow,
  EligibilityRequirement: allow,
  // Public reference data (also an entity other subgraphs may reference).
  Clinic: allow,
};

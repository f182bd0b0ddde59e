/**
 * Who may do what in the biometrics subgraph (docs/security.md). Templates are never readable by
 * anyone: no field serves them, whatever the role or path (`_entities` included).
 * - Consent, capture and verification happen in person: IMSS officers with a declared purpose.
 * - The status: the person themself, and IMSS officers with a declared purpose.
 * - What is stored (consents, captures, verification attempts, as metadata): the person only.
 * - Revoking consent: the person, or an IMSS officer with a declared purpose at their request.
 * - Employer identity: officers record it in person; an employer obtains assertions for its own
 *   registrations only.
 * Consulate staff, employers, banks and analysts never see biometric data: refused (FORBIDDEN),
 * and the refusal is in the person's access log.
 */
import { allow } from 'graphql-shield';
import {
  ALLOW, allowIf, asStaff, hasRole, isEmployerOf, isInsured, isSelf, isSignedIn, isStaff, refuse, releasedAs, roleRefusal,
  type Access, type Decision,
} from '../shared/access/index.ts';
import type { Mutation } from './__generated__/resolvers-types.ts';
import type { BiometricDataModel, BiometricStatusModel } from './mappers.ts';

export type BiometricsRead = 'Person.biometricStatus' | 'Person.biometricData';
export type BiometricsWrite = Exclude<keyof Mutation, '__typename'>;

const OFFICERS = ['IMSS_OFFICER'] as const;

/** A person's status: the person; IMSS officers with a purpose; another insured person silently not. */
export function readBiometricStatus(access: Access, curp: string): Decision {
  if (isSelf(access, curp)) return ALLOW;
  if (isStaff(access, OFFICERS)) return asStaff(access, OFFICERS, curp);
  return isInsured(access) ? refuse('OUTSIDE_SCOPE') : roleRefusal(access);
}

/** What is stored about a person: the person themself only. */
export function readBiometricData(access: Access, curp: string): Decision {
  if (isSelf(access, curp)) return ALLOW;
  return isInsured(access) ? refuse('OUTSIDE_SCOPE') : roleRefusal(access);
}

/** Recording consent, capturing and verifying: in person, by an IMSS officer with a declared purpose and the person's case. */
export function actInPerson(access: Access, curp: string | null): Decision {
  // An employer's e.firma check concerns no person's data: then the purpose alone is checked.
  return asStaff(access, OFFICERS, curp ?? undefined);
}

/** Revoking a person's consent: the person, or an officer acting for them. */
export function revokeConsentOf(access: Access, curp: string): Decision {
  if (isSelf(access, curp)) return ALLOW;
  if (isStaff(access, OFFICERS)) return asStaff(access, OFFICERS, curp);
  return isInsured(access) ? refuse('OUTSIDE_SCOPE') : roleRefusal(access);
}

/** An identity assertion for a registration: an employer holding it; another employer's, silently not. */
export function assertEmployerIdentity(access: Access, registration: string): Decision {
  if (isEmployerOf(access, registration)) return ALLOW;
  return hasRole(access, 'EMPLOYER') ? refuse('OUTSIDE_SCOPE') : roleRefusal(access);
}

export const permissions = {
  // The service decides with assertEmployerIdentity (no personal data of an insured person).
  Query: { employerIdentityAssertion: allowIf(isSignedIn) },
  // Every service authorizes with the policies above before its transaction (and audits refusals).
  Mutation: { '*': allowIf(isSignedIn) },
  Person: {
    curp: allowIf(isSignedIn),
    // The scoped loaders decide with readBiometricStatus / readBiometricData and audit refusals.
    biometricStatus: allowIf(isSignedIn),
    biometricData: allowIf(isSignedIn),
  },
  BiometricStatus: releasedAs<BiometricStatusModel>('BiometricStatus', (status) => status.curp),
  BiometricData: releasedAs<BiometricDataModel>('BiometricData', (data) => data.curp),
  // Reachable only through a released parent or a mutation its service authorized.
  VerificationSummary: allow,
  BiometricConsent: allow,
  BiometricCapture: allow,
  BiometricVerification: allow,
  RevokeBiometricConsentPayload: allow,
  EmployerIdentityVerification: allow,
  IdentityAssertion: allow,
};

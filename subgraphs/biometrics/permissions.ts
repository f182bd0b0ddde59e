/**
 * Who may do what in the biometrics subgraph (docs/security.md). Templates are never readable by
 * anyone (no field serves them). The enrollment status: the person themself, and IMSS officers
 * (who capture biometrics in person) with a declared purpose. Nobody else.
 */
import {
  ALLOW, allowIf, asStaff, isInsured, isSelf, isSignedIn, isStaff, refuse, releasedAs, roleRefusal,
  type Access, type Decision,
} from '../shared/access/index.ts';
import type { BiometricStatusModel } from './mappers.ts';

export type BiometricsRead = 'Person.biometricStatus';
export type BiometricsWrite = never;

export function readBiometricStatus(access: Access, curp: string): Decision {
  if (isSelf(access, curp)) return ALLOW;
  if (isStaff(access, ['IMSS_OFFICER'])) return asStaff(access, ['IMSS_OFFICER']);
  return isInsured(access) ? refuse('OUTSIDE_SCOPE') : roleRefusal(access);
}

export const permissions = {
  Person: {
    curp: allowIf(isSignedIn),
    biometricStatus: allowIf(isSignedIn),
  },
  BiometricStatus: releasedAs<BiometricStatusModel>('BiometricStatus', (status) => status.curp),
};

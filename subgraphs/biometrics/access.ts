/**
 * Biometric enrollment status: the person themself, and IMSS officers (who capture biometrics in
 * person) with a declared purpose. Consulate staff, employers, banks and analysts: never.
 */
import { hasRole } from '../shared/context.ts';
import type { Viewer } from '../../schema/identity/viewer.ts';

export function canReadBiometricStatus(viewer: Viewer | null, purpose: string | null, curp: string): boolean {
  if (!viewer) return false;
  if (hasRole(viewer, 'INSURED') && viewer.curp === curp) return true;
  return hasRole(viewer, 'IMSS_OFFICER') && purpose !== null;
}

export type { PersonRefModel } from '../shared/person-ref.ts';

/** What Person.biometricStatus returns: derived facts, never template bytes. */
export interface BiometricStatusModel {
  curp: string;
  enrolledModalities: Array<'FINGERPRINT' | 'FACE'>;
  consentInForce: boolean;
  lastVerifiedAt: Date | null;
}

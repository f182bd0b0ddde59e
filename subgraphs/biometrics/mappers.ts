/**
 * What the biometrics resolvers receive as parents: metadata rows and derived facts. None of these
 * types has a field for template bytes or keys: the sealed columns are selected only by the
 * verification service and the key rotation (repository.ts, `sealed*` statements).
 */
import type {
  consentRecords, employerIdentityVerifications, templateRecords, verificationAttempts,
} from '../../db/schema/biometrics.ts';
import type { BiometricStatus } from './rules/status.ts';

export type { PersonRefModel } from '../shared/person-ref.ts';

export type ConsentModel = typeof consentRecords.$inferSelect;
/** A template record without its envelope. */
export type CaptureModel = Omit<
  typeof templateRecords.$inferSelect,
  'ciphertext' | 'iv' | 'authTag' | 'wrappedKey' | 'wrapIv' | 'wrapTag'
>;
export type VerificationAttemptModel = typeof verificationAttempts.$inferSelect;
export type EmployerIdentityVerificationModel = typeof employerIdentityVerifications.$inferSelect;

/** What Person.biometricStatus returns: derived facts, never template bytes. */
export interface BiometricStatusModel extends BiometricStatus {
  curp: string;
}

/** What Person.biometricData returns: the person's consents and captures (verifications load on demand). */
export interface BiometricDataModel {
  curp: string;
  consents: ConsentModel[];
  captures: CaptureModel[];
}

export interface RevokeConsentPayloadModel {
  consent: ConsentModel;
  shreddedTemplates: number;
}

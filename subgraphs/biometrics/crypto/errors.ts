/**
 * Typed failures of the template envelope. None of them ever carries key material or plaintext:
 * a key id, a field name and a reason are all a log or an operator needs.
 */
import type { ValidationIssue } from '../../../schema/scalars/identifiers/issues.ts';

/** Why a sealed template could not be opened; all of them mean "do not trust this record". */
export type TemplateIntegrityReason =
  | 'UNSUPPORTED_SEAL_VERSION'
  | 'MALFORMED_SEALED_TEMPLATE'
  | 'UNKNOWN_MASTER_KEY'
  | 'DATA_KEY_UNWRAP_FAILED'
  | 'TEMPLATE_AUTHENTICATION_FAILED';

/** The record was altered, bound to another identity, or its master key is not in the ring. */
export class TemplateIntegrityError extends Error {
  readonly code = 'TEMPLATE_INTEGRITY_FAILED';
  constructor(
    message: string,
    readonly details: { reason: TemplateIntegrityReason; masterKeyId: string },
  ) {
    super(message);
    this.name = 'TemplateIntegrityError';
  }
}

/** The record's data key was destroyed on purpose (crypto-shredding): it can never be read again. */
export class TemplateShreddedError extends Error {
  readonly code = 'TEMPLATE_SHREDDED';
  readonly details = {};
  constructor() {
    super('The biometric template was crypto-shredded: its data key no longer exists, so it cannot be decrypted');
    this.name = 'TemplateShreddedError';
  }
}

/** BIOMETRIC_MASTER_KEYS / BIOMETRIC_MASTER_KEY_ID are unusable; `issues` say which entry and why. */
export class KeyRingConfigError extends Error {
  readonly code = 'BIOMETRIC_KEY_RING_INVALID';
  constructor(readonly details: { issues: readonly ValidationIssue[] }) {
    super(`Biometric master key ring: ${details.issues.map((issue) => issue.message).join('; ')}`);
    this.name = 'KeyRingConfigError';
  }
}

/** A caller asked for a master key (e.g. a rotation target) that the ring does not hold. */
export class MasterKeyNotFoundError extends Error {
  readonly code = 'MASTER_KEY_NOT_FOUND';
  constructor(readonly details: { masterKeyId: string }) {
    super(`Master key "${details.masterKeyId}" is not in the biometric key ring`);
    this.name = 'MasterKeyNotFoundError';
  }
}

/** The record identity used as AAD is incomplete or not encodable unambiguously. */
export class TemplateBindingError extends Error {
  readonly code = 'TEMPLATE_BINDING_INVALID';
  constructor(readonly details: { field: string }) {
    super(`Template binding field "${details.field}" must be a non-empty, well-formed string`);
    this.name = 'TemplateBindingError';
  }
}

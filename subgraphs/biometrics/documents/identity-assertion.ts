/**
 * The identity assertion (schema/documents/document-types.ts, IDENTITY_ASSERTION): "this employer
 * user's identity was verified in person, by this method, for these registrations", signed with
 * the biometrics subgraph's document key. The enrollments subgraph verifies it offline
 * (`verifier.verify(jws, { type: IDENTITY_ASSERTION, issuer: 'biometrics', now })`) before it
 * accepts employer movements; it never calls back here.
 */
import { DOCUMENT_TYPES } from '../../../schema/documents/document-types.ts';
import type { DocumentSigner, SignedDocument } from '../../shared/documents/document-signer.ts';
import type { IdentityMethod } from '../rules/employer-identity.ts';

export interface IdentityAssertionClaims {
  /** The employer user (their token's `sub`). */
  subject: string;
  registration: string;
  method: IdentityMethod;
}

export function signIdentityAssertion(signer: DocumentSigner, claims: IdentityAssertionClaims, options: { now: Date; expiresAt: Date }): Promise<SignedDocument> {
  return signer.sign(
    DOCUMENT_TYPES.IDENTITY_ASSERTION,
    { sub: claims.subject, employer_registrations: [claims.registration], method: claims.method },
    options,
  );
}

/**
 * Verifies a document another subgraph (or this one) signed, exactly as a third party would with
 * the published JWKS: algorithm pinned to ES256, the key chosen by `kid`, the `typ` and the issuing
 * subgraph checked, expiry enforced.
 */
import type { KeyObject } from 'node:crypto';
import { createLocalJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { documentIssuer, type DocumentType } from '../../../schema/documents/document-types.ts';
import { documentPublicJwk } from '../../../schema/documents/public-jwk.ts';
import type { SubgraphName } from '../../../schema/subgraphs.ts';

export class DocumentInvalidError extends Error {
  readonly code = 'DOCUMENT_INVALID';
}

export interface DocumentVerifier {
  verify(jws: string, expected: { type: DocumentType; issuer: SubgraphName; now: Date }): Promise<JWTPayload & { sub: string; jti: string }>;
}

export async function createDocumentVerifier(publicKeys: readonly KeyObject[]): Promise<DocumentVerifier> {
  const jwks = createLocalJWKSet({ keys: await Promise.all(publicKeys.map((key) => documentPublicJwk(key))) });
  return {
    async verify(jws, expected) {
      try {
        const { payload } = await jwtVerify(jws, jwks, {
          algorithms: ['ES256'],
          typ: expected.type,
          issuer: documentIssuer(expected.issuer),
          requiredClaims: ['sub', 'jti', 'iat'],
          currentDate: expected.now,
        });
        return payload as JWTPayload & { sub: string; jti: string };
      } catch (error) {
        throw new DocumentInvalidError(error instanceof Error ? error.message : String(error));
      }
    },
  };
}

/**
 * Signs this subgraph's documents with its document key (schema/documents/document-types.ts): the
 * header carries the type and the key id the gateway publishes, the payload the issuer, a unique id
 * and the issue time next to the document's own claims.
 */
import { randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import { documentIssuer, type DocumentType } from '../../../schema/documents/document-types.ts';
import { documentPublicJwk } from '../../../schema/documents/public-jwk.ts';
import type { SubgraphName } from '../../../schema/subgraphs.ts';

export interface SignedDocument {
  jws: string;
  keyId: string;
  /** The document's unique id (`jti`). */
  id: string;
  issuedAt: Date;
}

export interface DocumentSigner {
  /** The subgraph whose documents these are: their `iss`, and the issuer of record of its receipts. */
  subgraph: SubgraphName;
  keyId: string;
  /** Signs `claims`; `expiresAt` bounds documents that vouch for something temporary (assertions). */
  sign(type: DocumentType, claims: JWTPayload & { sub: string }, options: { now: Date; expiresAt?: Date }): Promise<SignedDocument>;
}

export async function createDocumentSigner(subgraph: SubgraphName, key: { privateKey: KeyObject; publicKey: KeyObject }): Promise<DocumentSigner> {
  const { kid } = await documentPublicJwk(key.publicKey);
  const issuer = documentIssuer(subgraph);
  return {
    subgraph,
    keyId: kid,
    async sign(type, claims, { now, expiresAt }) {
      const id = randomUUID();
      const jwt = new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid, typ: type })
        .setIssuer(issuer)
        .setJti(id)
        .setIssuedAt(Math.floor(now.getTime() / 1000));
      if (expiresAt) jwt.setExpirationTime(Math.floor(expiresAt.getTime() / 1000));
      return { jws: await jwt.sign(key.privateKey), keyId: kid, id, issuedAt: now };
    },
  };
}

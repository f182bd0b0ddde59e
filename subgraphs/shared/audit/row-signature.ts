/**
 * What an audit row's signature covers, and how it is made and checked. The appending subgraph signs
 * the row's content with its Ed25519 audit key before the INSERT, so the database (and anyone with
 * access to it) can store rows but not forge, rewrite or relabel one: the verifier (verify-trail.ts)
 * recomputes this content from the stored row and checks it against the published public keys.
 */
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** The signed fields, in a fixed order; `at` is taken by the application, to the millisecond. */
export interface SignedRowContent {
  id: string;
  at: Date;
  subjectCurp: string;
  action: string;
  reason: string | null;
  actorSubject: string;
  actorRole: string;
  actorScope: string | null;
  purpose: string | null;
  subgraph: string;
  what: string;
  fields: readonly string[] | null;
  requestId: string;
  caseId: string | null;
  exceptionReason: string | null;
}

const DOMAIN = 'imss-audit-row-v1';

/** The exact bytes signed: a JSON array, so no field can bleed into another. */
export function rowContentBytes(row: SignedRowContent): Buffer {
  return Buffer.from(
    JSON.stringify([
      DOMAIN, row.id, row.at.toISOString(), row.subjectCurp, row.action, row.reason, row.actorSubject, row.actorRole,
      row.actorScope, row.purpose, row.subgraph, row.what, row.fields ?? null, row.requestId, row.caseId, row.exceptionReason,
    ]),
    'utf8',
  );
}

/** A stable, short id of an audit public key. */
export function auditKeyId(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64url').slice(0, 16);
}

export interface AuditSigner {
  keyId: string;
  sign(row: SignedRowContent): Buffer;
}

export function createAuditSigner(privateKey: KeyObject): AuditSigner {
  const keyId = auditKeyId(createPublicKey(privateKey));
  return { keyId, sign: (row) => sign(null, rowContentBytes(row), privateKey) };
}

/** Checks a stored row's signature with the public key its `signer` names, if it is one of `keys`. */
export function verifyRowSignature(row: SignedRowContent, signature: Buffer | null, signer: string | null, keys: ReadonlyMap<string, KeyObject>): boolean {
  if (!signature || !signer) return false;
  const key = keys.get(signer);
  return key !== undefined && verify(null, rowContentBytes(row), key, signature);
}

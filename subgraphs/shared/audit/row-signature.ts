/**
 * What an audit row's signature covers, and how it is made and checked. The appending subgraph signs
 * the rows of each INSERT with its Ed25519 audit key before sending it, so the database (and anyone
 * with access to it) can store rows but not forge, rewrite or relabel one: the verifier
 * (verify-trail.ts) recomputes each row's content from the stored row and checks it against the
 * published public keys.
 *
 * One signature per statement, not per row: it signs the root of a Merkle tree over the rows'
 * contents (merkle-tree.ts), and each row stores the signature, its place in the tree and its
 * inclusion proof. A queue list of 50 people was 150 signatures, one per row in each of three
 * subgraphs, at about 22 µs each (README, "Performance"); it is now three. Rows written before
 * (migration 0018) carry a signature of their own content and no tree; both kinds verify.
 */
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { leafHash, merkleTree, rootFromProof } from './merkle-tree.ts';

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
/** Prefixes what a statement's signature covers; a row's content bytes start with '[', so neither can pass for the other. */
const TREE_DOMAIN = Buffer.from('imss-audit-tree-v1\u0000', 'utf8');

/** The exact bytes signed: a JSON array, so no field can bleed into another. */
export function rowContentBytes(row: SignedRowContent): Buffer {
  return Buffer.from(rowContent(row, row.at.toISOString()), 'utf8');
}

/** The signed content as text (its UTF-8 bytes are `rowContentBytes`); `at` is `row.at` in ISO form. */
function rowContent(row: SignedRowContent, at: string): string {
  return JSON.stringify([
    DOMAIN, row.id, at, row.subjectCurp, row.action, row.reason, row.actorSubject, row.actorRole,
    row.actorScope, row.purpose, row.subgraph, row.what, row.fields ?? null, row.requestId, row.caseId, row.exceptionReason,
  ]);
}

/**
 * `Date.toISOString`, made again only when the Date differs from the last one's: a request's audit
 * rows share one Date, so a statement's rows need its text once per request, not once per row.
 */
export function lastIsoText(): (at: Date) => string {
  let last: Date | undefined;
  let text = '';
  return (at) => {
    if (at !== last) [last, text] = [at, at.toISOString()];
    return text;
  };
}

/** A stable, short id of an audit public key. */
export function auditKeyId(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64url').slice(0, 16);
}

/**
 * One statement's signature, shared by its rows, with each row's inclusion proof in order: row i
 * stores the signature, the signer, i as its tree index, the tree size and proofs[i].
 */
export interface StatementSignature {
  signature: Buffer;
  signer: string;
  treeSize: number;
  proofs: Buffer[];
}

export interface AuditSigner {
  keyId: string;
  /** Signs the rows of one statement together (row i is leaf i of the tree). */
  signStatement(rows: readonly SignedRowContent[]): StatementSignature;
}

export function createAuditSigner(privateKey: KeyObject): AuditSigner {
  const keyId = auditKeyId(createPublicKey(privateKey));
  return {
    keyId,
    signStatement(rows) {
      const isoText = lastIsoText();
      const { root, proofs } = merkleTree(rows.map((row) => leafHash(rowContent(row, isoText(row.at)))));
      return { signature: sign(null, treeMessage(root, rows.length), privateKey), signer: keyId, treeSize: rows.length, proofs };
    },
  };
}

function treeMessage(root: Buffer, size: number): Buffer {
  const sizeBytes = Buffer.alloc(4);
  sizeBytes.writeUInt32BE(size);
  return Buffer.concat([TREE_DOMAIN, sizeBytes, root]);
}

/** A stored row's signature columns, as read back (null where the row has none). */
export interface StoredSignature {
  signature: Buffer | null;
  signer: string | null;
  treeIndex: number | null;
  treeSize: number | null;
  proof: Buffer | null;
}

/**
 * Checks stored rows' signatures with the public keys their `signer` names, if they are among
 * `keys`. The rows of one statement share a signature, so each statement's is checked once.
 */
export function createSignatureVerifier(keys: ReadonlyMap<string, KeyObject>): (row: SignedRowContent, stored: StoredSignature) => boolean {
  const checked = new Map<string, boolean>();
  return (row, { signature, signer, treeIndex, treeSize, proof }) => {
    if (!signature || !signer) return false;
    const key = keys.get(signer);
    if (key === undefined) return false;
    if (treeSize === null && treeIndex === null && proof === null) return verify(null, rowContentBytes(row), key, signature);
    if (treeSize === null || treeIndex === null || proof === null) return false;
    const root = rootFromProof(leafHash(rowContentBytes(row)), treeIndex, treeSize, proof);
    if (!root) return false;
    const message = treeMessage(root, treeSize);
    const cacheKey = `${signer}:${signature.toString('hex')}:${message.toString('hex')}`;
    let valid = checked.get(cacheKey);
    if (valid === undefined) checked.set(cacheKey, (valid = verify(null, message, key, signature)));
    return valid;
  };
}

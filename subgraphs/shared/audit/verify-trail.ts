/**
 * Verifies the audit trail as an auditor would, trusting only the published audit public keys and
 * the checkpoints published outside the database (checkpoints.ts). For each person's chain, in
 * sequence order, every row must:
 *   1. carry a valid signature by a known subgraph audit key over its content (row-signature.ts:
 *      directly, or through its inclusion proof in its statement's signed Merkle tree) — catches
 *      rewritten rows (even with recomputed hashes), rewritten proofs and rows inserted by anyone else;
 *   2. link to the previous row's hash, and hash to what the database stored — catches rows
 *      deleted from the middle or reordered;
 * and the chain must reach its last checkpointed head — catches the newest rows, or all of them,
 * deleted. The first failure of each chain is reported with its sequence number.
 */
import type { KeyObject } from 'node:crypto';
import type postgres from 'postgres';
import type { Checkpoint } from './checkpoints.ts';
import { auditKeyId, createSignatureVerifier, type SignedRowContent } from './row-signature.ts';

export interface ChainFinding {
  subjectCurp: string;
  /** The first row that fails, when one does. */
  seq: number | null;
  problem: 'SIGNATURE' | 'CHAIN' | 'MISSING_TAIL' | 'ALL_ROWS_MISSING';
  detail: string;
}

export interface TrailVerification {
  chains: number;
  rows: number;
  findings: ChainFinding[];
}

interface StoredRow {
  id: string;
  at: Date;
  subject_curp: string;
  action: string;
  reason: string | null;
  actor_subject: string;
  actor_role: string;
  actor_scope: string | null;
  purpose: string | null;
  subgraph: string;
  what: string;
  fields: string[] | null;
  request_id: string;
  case_id: string | null;
  exception_reason: string | null;
  seq: string;
  prev_hash: Buffer | null;
  hash: Buffer | null;
  recomputed: Buffer | null;
  signature: Buffer | null;
  signer: string | null;
  tree_index: number | null;
  tree_size: number | null;
  proof: Buffer | null;
}

export async function verifyTrail(
  sql: postgres.Sql,
  { keys, checkpoints, subject }: { keys: readonly KeyObject[]; checkpoints: readonly Checkpoint[]; subject?: string },
): Promise<TrailVerification> {
  const signedByKnownKey = createSignatureVerifier(new Map(keys.map((key) => [auditKeyId(key), key])));
  // The hash each row should have is recomputed by the database's own chain function, over the
  // stored previous row: the same definition the trigger used when the row was appended.
  const rows = await sql<StoredRow[]>`
    select e.*, e.seq::text as seq, audit.chain_hash(lag(e.hash) over (partition by e.subject_curp order by e.seq), e) as recomputed,
           lag(e.hash) over (partition by e.subject_curp order by e.seq) as expected_prev
    from audit.access_events e
    ${subject ? sql`where e.subject_curp = ${subject}` : sql``}
    order by e.subject_curp, e.seq`;
  const findings: ChainFinding[] = [];
  const heads = new Map<string, { seq: number; hash: string }>();
  const failed = new Set<string>();
  let previous: { subject: string; hash: Buffer | null } | null = null;

  for (const row of rows) {
    const subjectCurp = row.subject_curp;
    const seq = Number(row.seq);
    const prevHash = previous?.subject === subjectCurp ? previous.hash : null;
    previous = { subject: subjectCurp, hash: row.hash };
    heads.set(subjectCurp, { seq, hash: row.hash?.toString('hex') ?? '' });
    if (failed.has(subjectCurp)) continue;
    const stored = { signature: row.signature, signer: row.signer, treeIndex: row.tree_index, treeSize: row.tree_size, proof: row.proof };
    if (!signedByKnownKey(contentOf(row), stored)) {
      failed.add(subjectCurp);
      findings.push({ subjectCurp, seq, problem: 'SIGNATURE', detail: row.signature ? 'the signature does not match the row (rewritten, or not written by a subgraph)' : 'the row is not signed' });
      continue;
    }
    if (!sameBytes(row.prev_hash, prevHash) || !sameBytes(row.hash, row.recomputed)) {
      failed.add(subjectCurp);
      findings.push({ subjectCurp, seq, problem: 'CHAIN', detail: 'the row does not link to the previous one (a row was removed or reordered before it)' });
    }
  }

  // The latest checkpoint of each chain: the chain must still reach that head, unchanged.
  const checkpointed = new Map<string, { seq: number; hash: string; at: string }>();
  for (const checkpoint of checkpoints) {
    for (const head of checkpoint.heads) {
      if (subject && head.subjectCurp !== subject) continue;
      const known = checkpointed.get(head.subjectCurp);
      if (!known || head.seq > known.seq) checkpointed.set(head.subjectCurp, { seq: head.seq, hash: head.hash, at: checkpoint.at });
    }
  }
  for (const [subjectCurp, head] of checkpointed) {
    if (failed.has(subjectCurp)) continue;
    const current = heads.get(subjectCurp);
    if (!current) {
      findings.push({ subjectCurp, seq: null, problem: 'ALL_ROWS_MISSING', detail: `the checkpoint of ${head.at} saw rows up to ${head.seq}; none is left` });
      continue;
    }
    const stillThere = rows.find((r) => r.subject_curp === subjectCurp && Number(r.seq) === head.seq);
    if (!stillThere) {
      findings.push({ subjectCurp, seq: head.seq, problem: 'MISSING_TAIL', detail: `the checkpoint of ${head.at} saw the chain reach row ${head.seq}; it now ends at ${current.seq}` });
    } else if (stillThere.hash?.toString('hex') !== head.hash) {
      findings.push({ subjectCurp, seq: head.seq, problem: 'CHAIN', detail: `row ${head.seq} no longer has the hash the checkpoint of ${head.at} saw: the chain before it was rewritten` });
    }
  }
  return { chains: heads.size, rows: rows.length, findings };
}

function contentOf(row: StoredRow): SignedRowContent {
  return {
    // The driver may hand timestamps back as text: both carry the stored millisecond.
    id: row.id, at: new Date(row.at), subjectCurp: row.subject_curp, action: row.action, reason: row.reason, actorSubject: row.actor_subject,
    actorRole: row.actor_role, actorScope: row.actor_scope, purpose: row.purpose, subgraph: row.subgraph, what: row.what,
    fields: row.fields, requestId: row.request_id, caseId: row.case_id, exceptionReason: row.exception_reason,
  };
}

function sameBytes(a: Buffer | null, b: Buffer | null): boolean {
  if (a === null || b === null) return a === b;
  return a.equals(b);
}

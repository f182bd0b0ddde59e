/**
 * Append-only access log (schema `audit`). Audit is its own bounded context rather than a
 * subgraph's data: every subgraph appends the reads, changes and refusals it serves, and the
 * persons subgraph lists a person's entries for `me { accessLog }`. A trigger rejects UPDATE,
 * DELETE and TRUNCATE (migration 0001); a per-subject hash chain makes a rewrite by someone who
 * bypasses that detectable (migrations 0003, 0005).
 */
import { sql } from 'drizzle-orm';
import { bigserial, char, check, index, integer, jsonb, pgSchema, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { bytea } from './column-types.ts';


export const auditSchema = pgSchema('audit');

export const AUDIT_ACTIONS = ['READ', 'WRITE', 'REFUSED'] as const;
export const REFUSAL_REASONS = ['ROLE_NOT_PERMITTED', 'PURPOSE_REQUIRED', 'CASE_REQUIRED', 'OUTSIDE_SCOPE', 'NOT_SIGNED_IN'] as const;

export const accessEvents = auditSchema.table(
  'access_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    subjectCurp: char('subject_curp', { length: 18 }).notNull(),
    /** A read, a change, or a refused attempt (then `reason` says why). */
    action: varchar('action', { length: 16, enum: AUDIT_ACTIONS }).notNull().default('READ'),
    reason: varchar('reason', { length: 32, enum: REFUSAL_REASONS }),
    actorSubject: text('actor_subject').notNull(),
    actorRole: varchar('actor_role', { length: 32 }).notNull(),
    actorScope: text('actor_scope'),
    purpose: text('purpose'),
    subgraph: varchar('subgraph', { length: 32 }).notNull(),
    what: text('what').notNull(),
    fields: jsonb('fields').$type<string[]>(),
    requestId: varchar('request_id', { length: 64 }).notNull(),
    /** The verified case (an open appointment of this person at the actor's office) the access was for. */
    caseId: varchar('case_id', { length: 64 }),
    /** Set when staff acted without a verified case, as an explicit exception: their stated reason. */
    exceptionReason: text('exception_reason'),
    /**
     * The appending subgraph's Ed25519 signature (row-signature.ts), with a key the database never
     * holds: a row written or rewritten by anyone else does not verify. It signs the Merkle root of
     * the rows of the row's INSERT (shared by them), or, on rows written before migration 0018 (no
     * tree columns), the row's own content.
     */
    signature: bytea('signature'),
    /** Key id of the signature (which subgraph's audit key). */
    signer: varchar('signer', { length: 32 }),
    /** The row's leaf in its statement's Merkle tree, and the tree's number of rows. */
    treeIndex: integer('tree_index'),
    treeSize: integer('tree_size'),
    /** The row's inclusion proof: sibling hashes from its leaf to the signed root (merkle-tree.ts). */
    proof: bytea('proof'),
    /** Insertion order; the hash chain of each subject follows it. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    /**
     * Tamper evidence: hash = sha256(prev_hash || the row's content), chained per subject and
     * filled by a trigger (migration 0003), so a rewritten or deleted row breaks the chain that
     * audit.verify_chain() recomputes.
     */
    prevHash: bytea('prev_hash'),
    hash: bytea('hash'),
  },
  (t) => [
    index('access_events_subject_idx').on(t.subjectCurp, t.at),
    index('access_events_chain_idx').on(t.subjectCurp, t.seq),
    check('access_events_action', sql`${t.action} in ('READ', 'WRITE', 'REFUSED')`),
    check('access_events_reason', sql`(${t.action} = 'REFUSED') = (${t.reason} is not null)`),
    check(
      'access_events_tree',
      sql`(${t.treeIndex} is null and ${t.treeSize} is null and ${t.proof} is null) or (${t.treeIndex} >= 0 and ${t.treeIndex} < ${t.treeSize} and ${t.proof} is not null)`,
    ),
  ],
);

/**
 * The register of receipts (acuses) every subgraph issues (docs/security.md, "Receipts"): shared
 * like the access log, append-only (trigger), INSERT-only for the subgraphs, readable by
 * enrollments, which answers verifyReceipt. No personal data: the receipt itself carries that.
 */
export const RECEIPT_PROCEDURES = ['PAYMENT', 'INDEPENDENT_WORKER_ENROLLMENT', 'FAMILY_HEALTH_ENROLLMENT', 'EMPLOYER_MOVEMENT', 'NSS_ASSIGNMENT', 'PROOF_OF_LIFE'] as const;

export const receipts = auditSchema.table(
  'receipts',
  {
    folio: varchar('folio', { length: 40 }).primaryKey(),
    procedure: varchar('procedure', { length: 40, enum: RECEIPT_PROCEDURES }).notNull(),
    /** The subgraph that signed it. */
    issuer: varchar('issuer', { length: 32 }).notNull(),
    /** The record it acknowledges (a payment's, enrollment's, movement's id …), within the issuer. */
    recordId: varchar('record_id', { length: 64 }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    actorRole: varchar('actor_role', { length: 32 }).notNull(),
    actorOrganisation: varchar('actor_organisation', { length: 64 }).notNull(),
    /** The compact JWS, as issued. */
    document: text('document').notNull(),
    documentSha256: char('document_sha256', { length: 64 }).notNull(),
  },
  (t) => [
    index('receipts_record_idx').on(t.issuer, t.recordId),
    check('receipts_procedure', sql`${t.procedure} in (${sql.raw(RECEIPT_PROCEDURES.map((p) => `'${p}'`).join(', '))})`),
  ],
);

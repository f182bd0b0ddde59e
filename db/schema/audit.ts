/**
 * Append-only access log (schema `audit`). Audit is its own bounded context rather than a
 * subgraph's data: every subgraph appends the reads, changes and refusals it serves, and the
 * persons subgraph lists a person's entries for `me { accessLog }`. A trigger rejects UPDATE,
 * DELETE and TRUNCATE (migration 0001); a per-subject hash chain makes a rewrite by someone who
 * bypasses that detectable (migrations 0003, 0005).
 */
import { sql } from 'drizzle-orm';
import { bigserial, char, check, index, jsonb, pgSchema, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
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
     * The appending subgraph's Ed25519 signature over the row's content (audit-trail.ts), with a key
     * the database never holds: a row written or rewritten by anyone else does not verify.
     */
    signature: bytea('signature'),
    /** Key id of the signature (which subgraph's audit key). */
    signer: varchar('signer', { length: 32 }),
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
  ],
);

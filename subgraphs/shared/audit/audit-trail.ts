/**
 * The access audit trail (docs/security.md, "Audit"). Every read or change of a person's data by
 * staff, employers, banks or officers, and every refused attempt by anyone signed in, appends a
 * row to audit.access_events that the person can list (`me { accessLog }`). Rows of one batch are
 * one INSERT (shared with other requests' reads waiting at the same time), so auditing costs one
 * statement per batch, not per person; a failed write fails the request (fail closed). Only the
 * scoped loaders and `authorize` call it (access/), so "what was audited" and "what was released"
 * are decided in the same place.
 */
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client.ts';
import { onePerPool, preparedStatement } from '../sql.ts';
import type { Role, Viewer } from '../../../schema/identity/viewer.ts';
import { randomUUID } from 'node:crypto';
import type { RefusalReason } from '../access/decisions.ts';
import { lastIsoText, type AuditSigner, type SignedRowContent } from './row-signature.ts';
import { bySubject, groupedAppends } from './grouped-appends.ts';

export type AuditAction = 'READ' | 'WRITE' | 'REFUSED';

/** Roles whose reads and changes of someone's personal data are recorded. */
const AUDITED_ROLES: readonly Role[] = ['CONSULATE_STAFF', 'EMPLOYER', 'BANK', 'IMSS_OFFICER'];

/**
 * One audited access. `what` is a label from the subgraph's own vocabulary (see its
 * permissions.ts): the GraphQL type or field read, or the mutation that wrote.
 */
export type AuditEvent<Read extends string = string, Write extends string = string> =
  | { action: 'READ'; subjectCurp: string; what: Read; fields?: readonly string[] }
  | { action: 'WRITE'; subjectCurp: string; what: Write; fields: readonly string[] }
  | { action: 'REFUSED'; subjectCurp: string; what: Read | Write; reason: RefusalReason };

export interface AuditTrail<Read extends string = string, Write extends string = string> {
  /** Appends the events that concern audited access, in one statement (in `executor`'s transaction when given). */
  append(events: readonly AuditEvent<Read, Write>[], executor?: Executor): Promise<void>;
}

export interface AuditScope {
  database: Database;
  subgraph: string;
  viewer: Viewer | null;
  purpose: string | null;
  requestId: string;
  /** The verified case the request acts under (recorded on the rows about its person), or the reason staff gave for acting without one. */
  case?: { id: string; curp: string } | null;
  exceptionReason?: string | null;
  /** Signs each statement's rows with this subgraph's audit key (row-signature.ts). */
  signer: AuditSigner;
}

export function createAuditTrail<Read extends string, Write extends string>(scope: AuditScope): AuditTrail<Read, Write> {
  return {
    async append(events, executor) {
      const viewer = scope.viewer;
      if (!viewer) return; // anonymous callers are refused before any personal data is asked for
      const role = viewer.roles.find((r) => AUDITED_ROLES.includes(r));
      // A person reading or changing their own record is not access by someone else; their
      // refused attempts on other people's records are (the other person sees them).
      const recorded = events.filter((event) => event.action === 'REFUSED' || role !== undefined);
      if (recorded.length === 0) return;
      const actorRole = role ?? viewer.roles[0]!;
      const at = new Date();
      const rows: UnsignedRow[] = recorded.map((event) => ({
        id: randomUUID(),
        at,
        subjectCurp: event.subjectCurp,
        action: event.action,
        reason: event.action === 'REFUSED' ? event.reason : null,
        actorSubject: viewer.subject,
        actorRole,
        actorScope: scopeOf(viewer, actorRole),
        purpose: scope.purpose,
        subgraph: scope.subgraph,
        what: event.what,
        fields: event.action === 'REFUSED' ? null : event.fields ? [...event.fields] : null,
        requestId: scope.requestId,
        caseId: scope.case && scope.case.curp === event.subjectCurp ? scope.case.id : null,
        exceptionReason: scope.exceptionReason ?? null,
      }));
      // Sorted by subject (bySubject says why).
      rows.sort(bySubject);
      const unique = dedupe(rows);
      // Inside a mutation the rows join the mutation's transaction: both land or neither does.
      if (executor) await insertInTransaction(executor, insertValues(unique, scope.signer));
      // Reads (the hot path: every audited read in every subgraph) share statements with the reads
      // of other requests waiting at the same time (grouped-appends.ts), signed once per statement.
      else await readAppends(scope.database, scope.signer)(unique);
    },
  };
}

/** A row as the trail builds it; its statement's signature is added when the INSERT is made. */
type UnsignedRow = SignedRowContent & { action: AuditAction; reason: RefusalReason | null; fields: string[] | null };

/** One grouping per pool and audit key (tests run several subgraphs, each with its own key, on one pool). */
const readAppendsBySigner = onePerPool((database: Database) => {
  const bySigner = new Map<string, (rows: readonly UnsignedRow[]) => Promise<void>>();
  const insert = preparedInsert(database);
  return (signer: AuditSigner) => {
    let appends = bySigner.get(signer.keyId);
    if (!appends) {
      appends = groupedAppends<UnsignedRow>(async (rows) => {
        await insert(insertValues(rows, signer));
      });
      bySigner.set(signer.keyId, appends);
    }
    return appends;
  };
});
const readAppends = (database: Database, signer: AuditSigner) => readAppendsBySigner(database)(signer);

/** INSERT's values: what the statement's rows share, and the rows as one JSON array. */
interface InsertValues<V = unknown> {
  signature: V;
  signer: V;
  treeSize: V;
  rows: V;
}

/**
 * Every audit INSERT is this one statement, whatever its number of rows, read or in a mutation's
 * transaction: the rows go as one JSON array, which PostgreSQL reads into rows of the table's own
 * type (json_populate_recordset: a JSON null is SQL NULL, `fields` stays the JSON array it is), and
 * the signature, signer and tree size that the statement's rows share go once. Before, each row took
 * 20 bound parameters: the text differed per size (prepared for each, or built by drizzle, whose
 * builder was half of a 50-row append's CPU), the parameters were encoded one by one, and
 * PostgreSQL's limit of 65,535 split an employer's workforce into several statements (README,
 * "Performance"). Rows are inserted in their tree order, which is the order by subject the chain
 * locks are taken in (grouped-appends.ts, `bySubject`). Reads send it prepared, with placeholders;
 * a mutation's transaction sends the same text with its values.
 */
const insertStatement = (v: InsertValues) => sql`insert into audit.access_events
  (signature, signer, tree_size, id, at, subject_curp, action, reason, actor_subject, actor_role, actor_scope, purpose,
   subgraph, what, fields, request_id, case_id, exception_reason, tree_index, proof)
select ${v.signature}::bytea, ${v.signer}::varchar, ${v.treeSize}::integer, r.id, r.at, r.subject_curp, r.action, r.reason, r.actor_subject, r.actor_role, r.actor_scope, r.purpose,
   r.subgraph, r.what, r.fields, r.request_id, r.case_id, r.exception_reason, r.tree_index, r.proof
from json_populate_recordset(null::audit.access_events, ${v.rows}::json) as r
order by r.tree_index`;

const preparedInsert = (database: Database) =>
  preparedStatement(database, insertStatement({ signature: sql.placeholder('signature'), signer: sql.placeholder('signer'), treeSize: sql.placeholder('treeSize'), rows: sql.placeholder('rows') }));

function insertInTransaction(executor: Executor, values: InsertValues) {
  return executor.execute(insertStatement(values));
}

/** Signs `rows` as one statement and returns INSERT's values. */
function insertValues(rows: readonly UnsignedRow[], signer: AuditSigner): InsertValues<Buffer | string | number> & Record<string, unknown> {
  const { signature, signer: keyId, treeSize, proofs } = signer.signStatement(rows);
  const isoText = lastIsoText();
  const json = rows.map((row, i) => ({
    id: row.id,
    at: isoText(row.at), // to the millisecond: what the signature covers
    subject_curp: row.subjectCurp,
    action: row.action,
    reason: row.reason,
    actor_subject: row.actorSubject,
    actor_role: row.actorRole,
    actor_scope: row.actorScope,
    purpose: row.purpose,
    subgraph: row.subgraph,
    what: row.what,
    fields: row.fields,
    request_id: row.requestId,
    case_id: row.caseId,
    exception_reason: row.exceptionReason,
    tree_index: i,
    proof: `\\x${proofs[i]!.toString('hex')}`,
  }));
  return { signature, signer: keyId, treeSize, rows: JSON.stringify(json) };
}

function dedupe<T extends { subjectCurp: string; action: string; what: string }>(rows: T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = `${row.subjectCurp}\u0000${row.action}\u0000${row.what}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function scopeOf(viewer: Viewer, role: Role): string | null {
  switch (role) {
    case 'CONSULATE_STAFF':
      return viewer.consulateId;
    case 'EMPLOYER':
      return viewer.employerRegistrations.join(',');
    case 'BANK':
      return viewer.bankId;
    case 'IMSS_OFFICER':
      return viewer.subdelegation;
    case 'INSURED':
    case 'ANALYST':
      return null;
  }
}

/**
 * The access audit trail (docs/security.md, "Audit"). Every read or change of a person's data by
 * staff, employers, banks or officers, and every refused attempt by anyone signed in, appends a
 * row to audit.access_events that the person can list (`me { accessLog }`). Rows of one batch are
 * one INSERT (shared with other requests' reads waiting at the same time), so auditing costs one
 * statement per batch, not per person; a failed write fails the request (fail closed). Only the
 * scoped loaders and `authorize` call it (access/), so "what was audited" and "what was released"
 * are decided in the same place.
 */
import { getTableColumns, sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { Database, Executor } from '../../../db/client.ts';
import { accessEvents } from '../../../db/schema/audit.ts';
import { onePerPool } from '../sql.ts';
import type { Role, Viewer } from '../../../schema/identity/viewer.ts';
import { randomUUID } from 'node:crypto';
import type { RefusalReason } from '../access/decisions.ts';
import type { AuditSigner, SignedRowContent } from './row-signature.ts';
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
      if (executor) for (const part of statementsOf(unique)) await executor.insert(accessEvents).values(scope.signer.signStatement(part));
      // Reads (the hot path: every audited read in every subgraph) share statements with the reads
      // of other requests waiting at the same time (grouped-appends.ts), signed once per statement.
      else await readAppends(scope.database, scope.signer)(unique);
    },
  };
}

type AuditRow = typeof accessEvents.$inferInsert;
/** A row as the trail builds it; its statement's signature is added when the INSERT is made. */
type UnsignedRow = SignedRowContent & { action: AuditAction; reason: RefusalReason | null; fields: string[] | null };
const COLUMNS = ['id', 'at', 'subjectCurp', 'action', 'reason', 'actorSubject', 'actorRole', 'actorScope', 'purpose', 'subgraph', 'what', 'fields', 'requestId', 'caseId', 'exceptionReason', 'signature', 'signer', 'treeIndex', 'treeSize', 'proof'] as const satisfies readonly (keyof AuditRow)[];
/** Batches of up to this many rows (most are one person's) get a prepared INSERT of their own size. */
const PREPARED_ROWS_MAX = 8;

/**
 * One grouping per pool and audit key (tests run several subgraphs, each with its own key, on one
 * pool); each statement is prepared once per pool for its number of rows, up to PREPARED_ROWS_MAX.
 */
const readAppendsBySigner = onePerPool((database: Database) => {
  const bySigner = new Map<string, (rows: readonly UnsignedRow[]) => Promise<void>>();
  return (signer: AuditSigner) => {
    let appends = bySigner.get(signer.keyId);
    if (!appends) {
      appends = groupedAppends<UnsignedRow>(async (unsigned) => {
        if (unsigned.length <= PREPARED_ROWS_MAX) {
          const rows = signer.signStatement(unsigned);
          await preparedInserts(database)(rows.length).execute(placeholderValues(rows));
        } else if (unsigned.length <= ROWS_PER_STATEMENT_MAX) {
          await largeInsert(database.sql, signer.signStatement(unsigned));
        } else {
          // An employer's whole workforce: several statements, all or none.
          await database.sql.begin(async (tx) => {
            for (const part of statementsOf(unsigned)) await largeInsert(tx, signer.signStatement(part));
          });
        }
      }, { rowsMax: PREPARED_ROWS_MAX });
      bySigner.set(signer.keyId, appends);
    }
    return appends;
  };
});
const readAppends = (database: Database, signer: AuditSigner) => readAppendsBySigner(database)(signer);

/**
 * Building the INSERT with drizzle on every append was the top JavaScript self-time in every
 * subgraph's profile under the window-view load (drizzle's `is` and SQL building; README,
 * "Performance"): the statement for n rows is built once per pool, and only its values change.
 */
const preparedInserts = onePerPool((database: Database) => {
  const bySize = new Map<number, ReturnType<typeof prepare>>();
  const prepare = (size: number) =>
    database.db
      .insert(accessEvents)
      .values(Array.from({ length: size }, (_, i) => Object.fromEntries(COLUMNS.map((column) => [column, placeholderOf(column, i)])) as PgInsertValue<typeof accessEvents>))
      .prepare(`audit_insert_${size}`);
  return (size: number) => {
    let statement = bySize.get(size);
    if (!statement) bySize.set(size, (statement = prepare(size)));
    return statement;
  };
});

/**
 * A list's rows (the queue's 50 people) in one INSERT whose text is made once per size and sent
 * through postgres.js. drizzle's builder spent about half of an audited 50-row append's CPU on it
 * (`is` and SQL building, more than the Ed25519 signature cost before one signed the statement):
 * test/bench/audit-append.ts, README "Performance". The values are bound as they are: `fields` as
 * JSON text behind a cast, as in the prepared statements below.
 */
const COLUMN_NAMES = COLUMNS.map((column) => getTableColumns(accessEvents)[column].name);
/**
 * PostgreSQL binds at most 65,535 parameters to a statement, and a row takes COLUMNS.length (20):
 * larger appends (an employer's workers, unpaginated) go in several statements of this many rows.
 */
const ROWS_PER_STATEMENT_MAX = 1_000;
function statementsOf<T>(rows: readonly T[]): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT_MAX) parts.push(rows.slice(i, i + ROWS_PER_STATEMENT_MAX));
  return parts;
}
/**
 * Statements of up to this many rows (lists of a page or so, the common sizes) are kept, and
 * prepared on each connection; larger ones are built and sent unnamed each time, so neither this
 * process nor PostgreSQL keeps a statement for every size up to 1,000.
 */
const KEPT_ROWS_MAX = 64;
const largeInsertText = new Map<number, string>();
function largeInsert(sql: Pick<Database['sql'], 'unsafe'>, rows: readonly AuditRow[]): Promise<unknown> {
  const kept = rows.length <= KEPT_ROWS_MAX;
  let text = kept ? largeInsertText.get(rows.length) : undefined;
  if (!text) {
    const tuple = (i: number) => `(${COLUMNS.map((column, c) => `$${i * COLUMNS.length + c + 1}${column === 'fields' ? '::jsonb' : ''}`).join(', ')})`;
    text = `insert into "audit"."access_events" (${COLUMN_NAMES.map((name) => `"${name}"`).join(', ')}) values ${rows.map((_, i) => tuple(i)).join(', ')}`;
    if (kept) largeInsertText.set(rows.length, text);
  }
  // drizzle makes the pool's date serializers pass text through, so `at` goes as its ISO text.
  const values = rows.flatMap((row) => COLUMNS.map((column) => (column === 'fields' ? (row.fields == null ? null : JSON.stringify(row.fields)) : column === 'at' ? row.at!.toISOString() : (row[column] ?? null))));
  return sql.unsafe(text, values as never[], { prepare: kept });
}

/**
 * A filled placeholder goes through its column's encoder even when null, and jsonb's turns null
 * into the JSON text 'null' (a value, not SQL NULL: the row's hash and signature would change).
 * So `fields` is passed already encoded, as JSON text or NULL, behind a cast.
 */
function placeholderOf(column: (typeof COLUMNS)[number], i: number) {
  return column === 'fields' ? sql`${sql.placeholder(`fields_${i}`)}::jsonb` : sql.placeholder(`${column}_${i}`);
}

function placeholderValues(rows: readonly AuditRow[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  rows.forEach((row, i) => {
    for (const column of COLUMNS) values[`${column}_${i}`] = row[column] ?? null;
    values[`fields_${i}`] = row.fields == null ? null : JSON.stringify(row.fields);
  });
  return values;
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

/**
 * Access audit: every read of a person's data by staff, employers, banks or officers appends a
 * row to audit.access_events before the data leaves the subgraph. Rows for one batch are written
 * in one INSERT, so auditing costs one statement per batch, not per person. A failed audit write
 * fails the read (fail closed).
 */
import type { Database, Db } from '../../db/client.ts';
import { accessEvents } from '../../db/schema/audit.ts';
import type { Viewer } from '../../schema/identity/viewer.ts';

/** Roles whose reads of someone's personal data are audited (ARCHITECTURE.md, the shields). */
const AUDITED_ROLES = new Set(['CONSULATE_STAFF', 'EMPLOYER', 'BANK', 'IMSS_OFFICER']);

export interface AuditRecorder {
  /** Records that the viewer read `what` about each person in `subjectCurps`. */
  recordReads(subjectCurps: readonly string[], what: string, fields?: string[], executor?: Db): Promise<void>;
}

export interface AuditScope {
  database: Database;
  subgraph: string;
  viewer: Viewer | null;
  purpose: string | null;
  requestId: string;
}

export function createAuditRecorder(scope: AuditScope): AuditRecorder {
  return {
    async recordReads(subjectCurps, what, fields, executor) {
      const viewer = scope.viewer;
      if (!viewer || subjectCurps.length === 0) return;
      const role = viewer.roles.find((r) => AUDITED_ROLES.has(r));
      // A person reading their own record, and analysts' aggregates, are not access to someone else.
      if (!role) return;
      // Inside a mutation the row joins the mutation's transaction: both land or neither does.
      await (executor ?? scope.database.db).insert(accessEvents).values(
        // Sorted: every writer takes the per-subject chain locks in the same order (no deadlocks).
        [...new Set(subjectCurps)].sort().map((subjectCurp) => ({
          subjectCurp,
          actorSubject: viewer.subject,
          actorRole: role,
          actorScope: scopeOf(viewer, role),
          purpose: scope.purpose,
          subgraph: scope.subgraph,
          what,
          fields: fields ?? null,
          requestId: scope.requestId,
        })),
      );
    },
  };
}

function scopeOf(viewer: Viewer, role: string): string | null {
  switch (role) {
    case 'CONSULATE_STAFF':
      return viewer.consulateId;
    case 'EMPLOYER':
      return viewer.employerRegistrations.join(',');
    case 'BANK':
      return viewer.bankId;
    case 'IMSS_OFFICER':
      return viewer.subdelegation;
    default:
      return null;
  }
}

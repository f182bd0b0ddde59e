/**
 * What every subgraph's per-request context starts from: the identity the gateway vouched for,
 * the declared access purpose, the request id, a request-scoped logger and the audit recorder.
 * Each subgraph extends it with its own loaders (see subgraphs/<name>/context.ts).
 */
import type { Identity, Role, Viewer } from '../../schema/identity/viewer.ts';
import type { AuditRecorder } from './audit.ts';
import type { Logger } from '../../schema/runtime/logger.ts';

export interface BaseContext {
  identity: Identity;
  /** The signed-in viewer, or null for anonymous callers. */
  viewer: Viewer | null;
  /** Purpose declared by the caller (X-Access-Purpose), carried in the gateway's token. */
  purpose: string | null;
  requestId: string;
  log: Logger;
  audit: AuditRecorder;
}

export function viewerOf(identity: Identity): Viewer | null {
  return identity.kind === 'user' ? identity.viewer : null;
}

export function hasRole(viewer: Viewer | null, ...roles: Role[]): boolean {
  return viewer !== null && viewer.roles.some((role) => roles.includes(role));
}

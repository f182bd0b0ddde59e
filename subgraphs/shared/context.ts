/**
 * What every subgraph's per-request context starts from: the identity the gateway vouched for and
 * the declared purpose (together, the `Access` every policy reads), the request id, a
 * request-scoped logger, the clock, the audit trail and the rows released so far. Each subgraph
 * extends it with its repository and loaders (subgraphs/<name>/context.ts).
 */
import type { Identity } from '../../schema/identity/viewer.ts';
import type { Logger } from '../../schema/runtime/logger.ts';
import type { Access } from './access/predicates.ts';
import type { ReleasedRows } from './access/released-rows.ts';
import type { AuditTrail } from './audit/audit-trail.ts';
import { isoDate } from './dates.ts';

/** The request's clock: one instant for the whole request, so every rule sees the same "today". */
export interface Clock {
  now(): Date;
  /** The UTC calendar date of `now()`, YYYY-MM-DD. */
  today(): string;
}

export function clockAt(instant: Date): Clock {
  const today = isoDate(instant);
  return { now: () => instant, today: () => today };
}

export interface BaseContext<Read extends string = string, Write extends string = string> extends Access {
  identity: Identity;
  /** The client's Idempotency-Key, signed into the identity token by the gateway; null without one. */
  idempotencyKey: string | null;
  requestId: string;
  log: Logger;
  clock: Clock;
  audit: AuditTrail<Read, Write>;
  released: ReleasedRows;
}

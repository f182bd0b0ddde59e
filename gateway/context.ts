import type { AccessGrounds } from '../schema/identity/access-grounds.ts';
import type { Identity } from '../schema/identity/viewer.ts';
import type { Logger } from '../schema/runtime/logger.ts';

/** Per-request context of the gateway: who is calling, for what declared purpose. */
export interface GatewayContext {
  identity: Identity;
  purpose: string | null;
  /** The verified case or the declared exception staff act on (access-grounds.ts). */
  grounds: AccessGrounds;
  /** The client's Idempotency-Key header, checked (schema/identity/idempotency-key.ts); null without one. */
  idempotencyKey: string | null;
  requestId: string;
  log: Logger;
  /** Rate-limit key: the token's subject, or the client address for anonymous callers. */
  clientKey: string;
}

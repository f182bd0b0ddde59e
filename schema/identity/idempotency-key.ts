/**
 * The client's `Idempotency-Key` header (docs/security.md, "Idempotency keys"): the gateway checks
 * its form, then carries it to the subgraphs inside the identity token it signs, so a subgraph
 * knows the key came through the gateway unchanged. A subgraph stores the key with a fingerprint
 * of the request and its result (enrollments' recordPayment), so a retry is answered, not redone.
 */
import { GraphQLError } from 'graphql';
import { z } from 'zod';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

/** 1–255 printable ASCII characters (space to tilde): no control characters, nothing a log line or a JSON claim needs escaped beyond `"` and `\`. */
export const idempotencyKeySchema = z.string().regex(/^[\x20-\x7e]{1,255}$/);

export class InvalidIdempotencyKeyError extends GraphQLError {
  constructor(reason: string) {
    super(`The Idempotency-Key header must be one value of 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} printable ASCII characters (${reason})`, {
      extensions: { code: 'IDEMPOTENCY_KEY_INVALID', maxLength: IDEMPOTENCY_KEY_MAX_LENGTH, http: { status: 400 } },
    });
    this.name = 'InvalidIdempotencyKeyError';
  }
}

/**
 * The key of a request from its header values (`req.headersDistinct`), or null without one.
 * Sent twice, it is refused rather than joined (Node would join the values with ", ").
 */
export function parseIdempotencyKey(values: readonly string[] | string | undefined): string | null {
  if (values === undefined) return null;
  const list = typeof values === 'string' ? [values] : values;
  if (list.length === 0) return null;
  if (list.length > 1) throw new InvalidIdempotencyKeyError('sent more than once');
  const value = list[0]!;
  if (value.length === 0) throw new InvalidIdempotencyKeyError('empty');
  if (value.length > IDEMPOTENCY_KEY_MAX_LENGTH) throw new InvalidIdempotencyKeyError(`${value.length} characters`);
  if (!idempotencyKeySchema.safeParse(value).success) throw new InvalidIdempotencyKeyError('a character outside printable ASCII');
  return value;
}

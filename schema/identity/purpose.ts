/**
 * The access purpose a caller declares (e.g. "TRAMITE:consulado-123"). It is copied into the
 * gateway's token and from there into audit rows the person can read, so it is bounded and free of
 * control characters (no forged log lines, no unbounded rows).
 */
import { z } from 'zod';

export const PURPOSE_MAX_LENGTH = 200;

export const purposeSchema = z
  .string()
  .min(1)
  .max(PURPOSE_MAX_LENGTH)
  .regex(/^[^\p{Cc}]+$/u, 'purpose must not contain control characters');

export class InvalidPurposeError extends RangeError {
  readonly code = 'BAD_USER_INPUT';
  constructor() {
    super(`Access purpose must be 1–${PURPOSE_MAX_LENGTH} printable characters`);
    this.name = 'InvalidPurposeError';
  }
}

/**
 * Normalises a declared purpose (e.g. the X-Access-Purpose header): surrounding spaces trimmed, a
 * blank or absent value is `null`, anything else must pass `purposeSchema` or this throws
 * `InvalidPurposeError` — call it where the request arrives so the client gets a clear error.
 */
export function parsePurpose(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  if (!purposeSchema.safeParse(trimmed).success) throw new InvalidPurposeError();
  return trimmed;
}

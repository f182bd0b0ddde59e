/**
 * The access purpose a caller declares: a catalogued procedure, optionally with a note
 * ("NSS_ASSISTANCE:ventanilla-3"; schema/identity/procedures.ts). It is copied into the gateway's
 * token and from there into audit rows the person can read, so it is bounded and free of control
 * characters (no forged log lines, no unbounded rows).
 */
import { z } from 'zod';
import { PROCEDURE_CODES, procedureOfPurpose } from './procedures.ts';

export const PURPOSE_MAX_LENGTH = 200;

export const purposeSchema = z
  .string()
  .min(1)
  .max(PURPOSE_MAX_LENGTH)
  // No control characters (forged log lines), no invisible format characters (a purpose that reads
  // differently than it compares), no lone surrogates (not text at all).
  .regex(/^[^\p{Cc}\p{Cf}\p{Cs}]+$/u, 'purpose must not contain control, invisible or unpaired surrogate characters');

export class InvalidPurposeError extends RangeError {
  readonly code = 'PURPOSE_INVALID';
  constructor() {
    super(
      `The access purpose (X-Access-Purpose) must be a catalogued procedure — ${PROCEDURE_CODES.join(', ')} — ` +
        `optionally followed by ':' and a note, in at most ${PURPOSE_MAX_LENGTH} printable characters`,
    );
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
  if (!purposeSchema.safeParse(trimmed).success || procedureOfPurpose(trimmed) === null) throw new InvalidPurposeError();
  return trimmed;
}

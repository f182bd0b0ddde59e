/**
 * On what grounds staff act on a person's data, besides their role and declared purpose
 * (docs/security.md, "Cases"): a verified case — an appointment of that person at the staff
 * member's own office, open today, for the declared procedure — or, without one, an explicit
 * exception with a reason, which is flagged in the audit trail and reported. The gateway verifies
 * the case with the appointments subgraph and carries the result in the identity token; the
 * subgraphs trust only that.
 */
import { z } from 'zod';
import { CURP_PATTERN } from './viewer.ts';

export interface VerifiedCase {
  /** The appointment's id. */
  id: string;
  /** The person the case is about: the only person it opens. */
  curp: string;
  /** The office it is at (a consulate id, or IMSS-<subdelegation>). */
  office: string;
  procedure: string;
}

export interface AccessGrounds {
  case: VerifiedCase | null;
  /** The reason staff gave for acting without a verified case. */
  exception: string | null;
}

export const NO_GROUNDS: AccessGrounds = Object.freeze({ case: null, exception: null });

const scopeId = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/);

export const verifiedCaseSchema = z.object({
  id: scopeId,
  curp: z.string().regex(CURP_PATTERN),
  office: scopeId,
  procedure: z.string().regex(/^[A-Z_]{1,40}$/),
});

export const EXCEPTION_REASON_MIN = 10;
export const EXCEPTION_REASON_MAX = 200;

/** A reason long enough to mean something, bounded, printable: it is shown to the person and to auditors. */
export const exceptionReasonSchema = z
  .string()
  .min(EXCEPTION_REASON_MIN)
  .max(EXCEPTION_REASON_MAX)
  .regex(/^[^\p{Cc}\p{Cf}\p{Cs}]+$/u, 'the reason must not contain control, invisible or unpaired surrogate characters');

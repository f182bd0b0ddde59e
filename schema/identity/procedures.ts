/**
 * The catalogue of procedures (trámites) staff declare as their access purpose: the first part of
 * `X-Access-Purpose` must be one of these codes, optionally followed by `:` and free text (a window,
 * a desk: `NSS_ASSISTANCE:ventanilla-3`). The gateway refuses anything else, so every audit row
 * names a procedure the person can understand. Which appointment service is the case of which
 * procedure is the appointments subgraph's business (subgraphs/appointments/reference/procedures.ts).
 */
export const PROCEDURE_CODES = [
  'NSS_ASSISTANCE',
  'VOLUNTARY_ENROLLMENT',
  'PROOF_OF_LIFE',
  'BENEFICIARY_UPDATE',
  'COVERAGE_VALIDITY',
  'BIOMETRIC_CAPTURE',
  'GENERAL_ADVICE',
] as const;

export type ProcedureCode = (typeof PROCEDURE_CODES)[number];

/** True when `value` is a catalogued procedure code (exact, upper case: purposes are not guessed). */
export function isProcedureCode(value: string): value is ProcedureCode {
  return (PROCEDURE_CODES as readonly string[]).includes(value);
}

/** The procedure a declared purpose names, or null when its first part is not catalogued. */
export function procedureOfPurpose(purpose: string): ProcedureCode | null {
  const code = purpose.split(':', 1)[0]!.trim();
  return isProcedureCode(code) ? code : null;
}

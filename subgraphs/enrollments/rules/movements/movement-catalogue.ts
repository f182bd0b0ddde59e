/**
 * IDSE movement types and baja causes (docs/domain.md §6). Both are PARTIAL: consistent across
 * independent public payroll codebases, but no IMSS layout or official catalogue was retrieved,
 * so they are kept as data that can be replaced without touching the rules.
 */
import type { ValidationIssue } from '../../../../schema/scalars/identifiers/issues.ts';

export type MovementKind = 'ALTA' | 'BAJA' | 'SALARY_CHANGE';

/** IDSE movement codes: 08 alta/reingreso, 02 baja, 07 modificación de salario. */
export const IDSE_MOVEMENT_CODES: Readonly<Record<MovementKind, string>> = Object.freeze({
  ALTA: '08',
  BAJA: '02',
  SALARY_CHANGE: '07',
});

/** The movement kind of an IDSE code, or null for a code not in the table. */
export function movementKindOfCode(code: string, codes: Readonly<Record<MovementKind, string>> = IDSE_MOVEMENT_CODES): MovementKind | null {
  const entry = Object.entries(codes).find(([, value]) => value === code.trim());
  return entry ? (entry[0] as MovementKind) : null;
}

export interface BajaCause {
  code: string;
  /** The name used in IDSE/SUA. */
  name: string;
  /** English label for logs and non-Spanish clients. */
  label: string;
}

/** Baja causes (PARTIAL: from public payroll codebases, no official catalogue retrieved). */
export const BAJA_CAUSES: readonly BajaCause[] = Object.freeze([
  { code: '1', name: 'Término de contrato', label: 'End of contract' },
  { code: '2', name: 'Separación voluntaria', label: 'Voluntary separation' },
  { code: '3', name: 'Abandono de empleo', label: 'Job abandonment' },
  { code: '4', name: 'Defunción', label: 'Death' },
  { code: '5', name: 'Clausura', label: 'Closure' },
  { code: '6', name: 'Otras', label: 'Other' },
  { code: '7', name: 'Ausentismo', label: 'Absenteeism' },
  { code: '8', name: 'Rescisión de contrato', label: 'Rescission of contract' },
  { code: '9', name: 'Jubilación', label: 'Retirement' },
  { code: 'A', name: 'Pensión', label: 'Pension' },
]);

/** The code of the death cause, which changes when a late baja takes effect (RACERF art. 57). */
export const BAJA_CAUSE_DEATH = '4';

/** The catalogue entry for `code` (case-insensitive), or undefined. */
export function findBajaCause(code: string, causes: readonly BajaCause[] = BAJA_CAUSES): BajaCause | undefined {
  const wanted = code.trim().toUpperCase();
  return causes.find((c) => c.code === wanted);
}

/** BAJA_CAUSE_UNKNOWN when `code` is not in the catalogue; no issues otherwise. */
export function checkBajaCause(code: string, causes: readonly BajaCause[] = BAJA_CAUSES): ValidationIssue[] {
  if (findBajaCause(code, causes)) return [];
  return [{ code: 'BAJA_CAUSE_UNKNOWN', message: `Baja cause '${code}' is not in the catalogue (${causes.map((c) => c.code).join(', ')})` }];
}

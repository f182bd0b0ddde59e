/**
 * Bounds of the daily base salary (salario base de cotización, SBC), LSS art. 28
 * (docs/domain.md §5, §6): not below the minimum wage of the worker's geographic zone, not above
 * 25 times the daily UMA. Both values change by decree (the wage on 1 January, the UMA on
 * 1 February), so the caller passes the ones in force from its dated reference tables.
 * Money is integer centavos throughout; the ceiling is an exact integer product (no rounding).
 */
import type { ValidationIssue } from '../../../../schema/scalars/identifiers/issues.ts';
import { formatPesos } from '../reference/pesos.ts';

/** LSS art. 28: the SBC ceiling in UMAs. */
export const SBC_CEILING_UMAS = 25;

export interface DailyBaseSalaryLimits {
  /** Daily minimum wage in force for the worker's zone, in centavos. */
  minimumWageCentavos: number;
  /** Daily UMA in force, in centavos. */
  umaDailyCentavos: number;
  /** Ceiling in UMAs; LSS art. 28 says 25. */
  maxUmas?: number;
}

/** The SBC ceiling in centavos: `maxUmas` × the daily UMA. */
export function dailyBaseSalaryCeilingCentavos(limits: DailyBaseSalaryLimits): number {
  const maxUmas = limits.maxUmas ?? SBC_CEILING_UMAS;
  assertCentavos(limits.umaDailyCentavos, 'umaDailyCentavos');
  if (!Number.isInteger(maxUmas) || maxUmas <= 0) throw new RangeError(`maxUmas must be a positive whole number, got ${maxUmas}`);
  return limits.umaDailyCentavos * maxUmas;
}

/** SALARY_BELOW_MINIMUM_WAGE or SALARY_ABOVE_CEILING (both limits named), or no issues; limits are inclusive. */
export function checkDailyBaseSalary(amountCentavos: number, limits: DailyBaseSalaryLimits): ValidationIssue[] {
  assertCentavos(amountCentavos, 'amountCentavos');
  assertCentavos(limits.minimumWageCentavos, 'minimumWageCentavos');
  const ceiling = dailyBaseSalaryCeilingCentavos(limits);
  const maxUmas = limits.maxUmas ?? SBC_CEILING_UMAS;
  if (limits.minimumWageCentavos > ceiling) throw new RangeError('the minimum wage passed is above the SBC ceiling: check the reference tables');

  const floorText = `the daily minimum wage in force, ${formatPesos(limits.minimumWageCentavos)}`;
  const ceilingText = `${maxUmas} UMA (${formatPesos(ceiling)} at a daily UMA of ${formatPesos(limits.umaDailyCentavos)})`;
  if (amountCentavos < limits.minimumWageCentavos) {
    return [{ code: 'SALARY_BELOW_MINIMUM_WAGE', message: `Daily base salary ${formatPesos(amountCentavos)} is below ${floorText}; it must lie between that and ${ceilingText}` }];
  }
  if (amountCentavos > ceiling) {
    return [{ code: 'SALARY_ABOVE_CEILING', message: `Daily base salary ${formatPesos(amountCentavos)} is above the ceiling of ${ceilingText}; it must lie between ${floorText} and that ceiling` }];
  }
  return [];
}

function assertCentavos(value: number, label: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${label} must be a non-negative whole number of centavos, got ${value}`);
}

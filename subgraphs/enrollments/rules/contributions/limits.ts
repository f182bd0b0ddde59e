/**
 * Floor and ceiling of the contribution base (LSS art. 28, applied to PTI by art. 227-I;
 * docs/domain.md §5, §6): floor = the daily minimum wage of the zone, ceiling = 25 daily UMAs.
 * The law fixes daily limits; a declared *monthly* income is compared with daily × daysPerMonth.
 * IMSS does not publish the day count it uses for PTI, so it is configurable; the default 30.4 is
 * the one INEGI uses for the monthly UMA (press monthly wage figures use 30 or 30.4).
 */
import type { DatedTable, DatedValue } from '../reference/dated-table.ts';
import { valueInForce } from '../reference/dated-table.ts';
import type { Ratio } from '../reference/exact.ts';
import { compare, integer, multiply, parseDecimal, roundHalfUp } from '../reference/exact.ts';
import type { MinimumWageValue, WageZone } from '../reference/minimum-wage.ts';
import type { PtiRateSet } from '../reference/pti-rates.ts';
import type { UmaValue } from '../reference/uma.ts';

/** The ceiling of the contribution base in daily UMAs (LSS art. 28). */
export const CEILING_UMA_MULTIPLE = 25;

/** Default days per month for monthly ⇄ daily conversions (see the module comment). */
export const DEFAULT_DAYS_PER_MONTH = '30.4';

/** The tables a contribution quote reads; pass the seeds or newer data. */
export interface ContributionTables {
  uma: DatedTable<UmaValue>;
  minimumWage: DatedTable<MinimumWageValue>;
  rates: DatedTable<PtiRateSet>;
}

/** Limits in force on one date, all in centavos. */
export interface ContributionLimits {
  date: string;
  zone: WageZone;
  floorDaily: number;
  ceilingDaily: number;
  /** floorDaily × daysPerMonth, rounded half-up to the centavo. */
  floorMonthly: number;
  /** ceilingDaily × daysPerMonth, rounded half-up to the centavo. */
  ceilingMonthly: number;
  uma: DatedValue<UmaValue>;
  minimumWage: DatedValue<MinimumWageValue>;
}

/**
 * Days per month as an exact ratio; accepts '30.4' or 30.4, refuses anything outside 28–31
 * (a calendar month), which catches a value passed in the wrong unit.
 */
export function parseDaysPerMonth(value: string | number): Ratio {
  const days = parseDecimal(typeof value === 'number' ? String(value) : value);
  if (compare(days, integer(28)) < 0 || compare(days, integer(31)) > 0) {
    throw new RangeError(`daysPerMonth must lie between 28 and 31, got ${value}`);
  }
  return days;
}

/** The floor and ceiling of the contribution base in force on `date` for `zone`. */
export function contributionLimits(date: string, zone: WageZone, tables: ContributionTables, daysPerMonth: string | number = DEFAULT_DAYS_PER_MONTH): ContributionLimits {
  return limitsForDays(date, zone, tables, parseDaysPerMonth(daysPerMonth));
}

/** As contributionLimits, with the days per month already parsed. */
export function limitsForDays(date: string, zone: WageZone, tables: ContributionTables, days: Ratio): ContributionLimits {
  const uma = valueInForce(tables.uma, date);
  const minimumWage = valueInForce(tables.minimumWage, date);
  const floorDaily = minimumWage.value[zone];
  const ceilingDaily = uma.value.daily * CEILING_UMA_MULTIPLE;
  return {
    date,
    zone,
    floorDaily,
    ceilingDaily,
    floorMonthly: roundHalfUp(multiply(integer(floorDaily), days)),
    ceilingMonthly: roundHalfUp(multiply(integer(ceilingDaily), days)),
    uma,
    minimumWage,
  };
}

/**
 * The contribution of one month, line by line, with the tables in force on the month's first day.
 * Rounding (stated once, applied everywhere): each line's base is computed exactly and rounded
 * half-up to the centavo; its amount is that base × rate, rounded half-up to the centavo; the
 * month's total is the sum of the rounded line amounts.
 */
import { valueInForce } from '../reference/dated-table.ts';
import type { Ratio } from '../reference/exact.ts';
import { compare, divide, integer, max, multiply, parseDecimal, roundHalfUp, subtract } from '../reference/exact.ts';
import type { WageZone } from '../reference/minimum-wage.ts';
import type { BandedRate, PtiRateLine } from '../reference/pti-rates.ts';
import type { ContributionLimits, ContributionTables } from './limits.ts';
import { limitsForDays } from './limits.ts';

export interface ContributionLine {
  code: string;
  label: string;
  share: PtiRateLine['share'];
  /** Centavos the rate applies to. */
  base: number;
  /** Decimal fraction as text ('0.0204' = 2.04 %). */
  rate: string;
  /** Centavos: base × rate, rounded half-up. */
  amount: number;
  article: string;
  source: string;
  confirmed: boolean;
}

export interface MonthContribution {
  /** First day of the month. */
  month: string;
  umaDaily: number;
  minimumWageDaily: number;
  limits: ContributionLimits;
  lines: ContributionLine[];
  total: number;
  /** True only when the month's tables and every line are confirmed. */
  confirmed: boolean;
}

/**
 * The rate of a banded line: the minimum-wage rate when the income is at (or below) the floor,
 * otherwise the first band whose upper multiple of the monthly UMA is ≥ the income. The law's
 * bands are written with two decimals (1.51–2.00 …); an income a fraction above a limit belongs
 * to the next band.
 */
export function bandedRate(rate: BandedRate, income: Ratio, floorMonthly: Ratio, umaMonthly: Ratio): string {
  if (compare(income, floorMonthly) <= 0) return rate.atMinimumWage;
  const inUmas = divide(income, umaMonthly);
  const band = rate.bands.find((b) => b.upToUmaMultiple === null || compare(inUmas, parseDecimal(b.upToUmaMultiple)) <= 0);
  if (!band) throw new RangeError('Banded rate has no open top band');
  return band.rate;
}

/** Contribution lines for one month; `income` in centavos, `days` = days per month. */
export function monthContribution(income: number, month: string, zone: WageZone, tables: ContributionTables, days: Ratio): MonthContribution {
  const limits = limitsForDays(month, zone, tables, days);
  const rates = valueInForce(tables.rates, month);
  const exactIncome = integer(income);
  const umaMonthly = multiply(integer(limits.uma.value.daily), days);
  // The rounded monthly floor, the same figure the income was validated against.
  const floorMonthly = integer(limits.floorMonthly);

  const lines = rates.value.lines.map((line): ContributionLine => {
    let base: Ratio;
    if (line.basis.kind === 'UMA') base = umaMonthly;
    else if (line.basis.kind === 'EXCESS_OVER_UMA') base = max(integer(0), subtract(exactIncome, multiply(parseDecimal(line.basis.umaMultiple), umaMonthly)));
    else base = exactIncome;
    const rate = typeof line.rate === 'string' ? line.rate : bandedRate(line.rate, exactIncome, floorMonthly, umaMonthly);
    const roundedBase = roundHalfUp(base);
    return {
      code: line.code,
      label: line.label,
      share: line.share,
      base: roundedBase,
      rate,
      amount: roundHalfUp(multiply(integer(roundedBase), parseDecimal(rate))),
      article: line.article,
      source: line.source,
      confirmed: line.confirmed,
    };
  });

  return {
    month,
    umaDaily: limits.uma.value.daily,
    minimumWageDaily: limits.floorDaily,
    limits,
    lines,
    total: lines.reduce((sum, l) => sum + l.amount, 0),
    confirmed: limits.uma.confirmed && limits.minimumWage.confirmed && rates.confirmed && lines.every((l) => l.confirmed),
  };
}

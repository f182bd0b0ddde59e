/**
 * PTI (persona trabajadora independiente) contribution for a monthly, semiannual or annual
 * payment (docs/domain.md §5). The declared monthly income must lie between the floor and the
 * ceiling of LSS art. 28 (via art. 227-I) in force on the first day of **every** month the payment
 * covers — the period's first day included — because each month is computed with its own tables:
 * a period crossing 1 January (minimum wage, banded rates) or 1 February (UMA) uses two sets.
 */
import type { ValidationIssue } from '../../../../schema/scalars/identifiers/issues.ts';
import { addDays, addMonths } from '../../../shared/dates.ts';
import { isIsoDate } from '../reference/dated-table.ts';
import { divide, integer, multiply, roundHalfUp } from '../reference/exact.ts';
import type { WageZone } from '../reference/minimum-wage.ts';
import type { ContributionLimits, ContributionTables } from './limits.ts';
import { formatPesos } from '../reference/pesos.ts';
import { DEFAULT_DAYS_PER_MONTH, parseDaysPerMonth } from './limits.ts';
import type { ContributionLine, MonthContribution } from './month-contribution.ts';
import { monthContribution } from './month-contribution.ts';

export type PaymentPeriod = 'MONTHLY' | 'SEMIANNUAL' | 'ANNUAL';

/** Months a payment covers (docs/domain.md §5: monthly, semiannual or annual). */
export const PERIOD_MONTHS: Readonly<Record<PaymentPeriod, number>> = { MONTHLY: 1, SEMIANNUAL: 6, ANNUAL: 12 };

export interface PtiContributionInput {
  /** Declared monthly income in centavos. */
  declaredMonthlyIncome: number;
  zone: WageZone;
  period: PaymentPeriod;
  /** First day of the first month covered. */
  periodStart: string;
}

export interface PtiContributionOptions {
  /** Days per month for daily ⇄ monthly conversions; default '30.4' (see limits.ts). */
  daysPerMonth?: string | number;
}

export type ContributionIssueCode = 'INCOME_BELOW_MINIMUM' | 'INCOME_ABOVE_CEILING' | 'INCOME_INVALID' | 'PERIOD_START_INVALID';

export interface ContributionIssue extends ValidationIssue {
  code: ContributionIssueCode;
  details?: { month: string; declaredMonthlyIncome: number; floor: number; ceiling: number; zone: WageZone; daysPerMonth: string };
}

/** A line summed over the months of the period. */
export interface PeriodContributionLine extends Omit<ContributionLine, 'rate'> {
  /** The rate when it is the same every month; null when it changes (see `breakdown`). */
  rate: string | null;
}

export interface PtiContribution {
  base: { declaredMonthlyIncome: number; dailyBase: number; days: number; daysPerMonth: string };
  period: PaymentPeriod;
  periodStart: string;
  /** Last day covered. */
  periodEnd: string;
  months: number;
  lines: PeriodContributionLine[];
  total: number;
  breakdown: MonthContribution[];
  /** False when any table or line used is unconfirmed: show the amount as an estimate. */
  confirmed: boolean;
}

export type PtiContributionResult = ({ ok: true } & PtiContribution) | { ok: false; issues: ContributionIssue[] };

function limitIssue(income: number, limits: ContributionLimits, daysText: string): ContributionIssue | null {
  const details = { month: limits.date, declaredMonthlyIncome: income, floor: limits.floorMonthly, ceiling: limits.ceilingMonthly, zone: limits.zone, daysPerMonth: daysText };
  const range = `the minimum is ${formatPesos(limits.floorMonthly)} (daily minimum wage ${formatPesos(limits.floorDaily)} ${limits.zone} × ${daysText} days) and the ceiling ${formatPesos(limits.ceilingMonthly)} (25 UMA of ${formatPesos(limits.uma.value.daily)} × ${daysText} days) in force on ${limits.date}`;
  if (income < limits.floorMonthly) {
    return { code: 'INCOME_BELOW_MINIMUM', message: `Declared monthly income ${formatPesos(income)} is below the minimum: ${range}.`, details };
  }
  if (income > limits.ceilingMonthly) {
    return { code: 'INCOME_ABOVE_CEILING', message: `Declared monthly income ${formatPesos(income)} is above the ceiling: ${range}.`, details };
  }
  return null;
}

/** Sums each line over the months, keeping the order in which codes first appear. */
function sumLines(breakdown: MonthContribution[]): PeriodContributionLine[] {
  const byCode = new Map<string, PeriodContributionLine>();
  for (const month of breakdown) {
    for (const line of month.lines) {
      const seen = byCode.get(line.code);
      if (!seen) {
        byCode.set(line.code, { ...line });
        continue;
      }
      seen.base += line.base;
      seen.amount += line.amount;
      if (seen.rate !== line.rate) seen.rate = null;
      seen.confirmed = seen.confirmed && line.confirmed;
    }
  }
  return [...byCode.values()];
}

/**
 * The contribution for one payment, or the issues that prevent it.
 * Amounts in centavos; rounding per line and month, half-up (month-contribution.ts).
 * @throws MissingReferenceValue when a covered month has no UMA, minimum wage or rate row.
 */
export function ptiContribution(input: PtiContributionInput, tables: ContributionTables, options: PtiContributionOptions = {}): PtiContributionResult {
  const daysPerMonth = options.daysPerMonth ?? DEFAULT_DAYS_PER_MONTH;
  const days = parseDaysPerMonth(daysPerMonth);
  const daysText = String(daysPerMonth);
  const income = input.declaredMonthlyIncome;
  const issues: ContributionIssue[] = [];
  if (!Number.isSafeInteger(income) || income <= 0) {
    issues.push({ code: 'INCOME_INVALID', message: `Declared monthly income must be a positive whole number of centavos, got ${income}.` });
  }
  if (!isIsoDate(input.periodStart) || !input.periodStart.endsWith('-01')) {
    issues.push({ code: 'PERIOD_START_INVALID', message: `A payment period starts on the first day of a month, got "${input.periodStart}".` });
  }
  if (issues.length > 0) return { ok: false, issues };

  const months = PERIOD_MONTHS[input.period];
  const breakdown: MonthContribution[] = [];
  for (let i = 0; i < months; i += 1) {
    const month = monthContribution(income, addMonths(input.periodStart, i), input.zone, tables, days);
    const issue = limitIssue(income, month.limits, daysText);
    if (issue) issues.push(issue);
    breakdown.push(month);
  }
  if (issues.length > 0) return { ok: false, issues };

  const lines = sumLines(breakdown);
  return {
    ok: true,
    base: {
      declaredMonthlyIncome: income,
      dailyBase: roundHalfUp(divide(integer(income), days)),
      days: Number(multiply(days, integer(months)).num) / Number(days.den),
      daysPerMonth: daysText,
    },
    period: input.period,
    periodStart: input.periodStart,
    periodEnd: addDays(addMonths(input.periodStart, months), -1),
    months,
    lines,
    total: lines.reduce((sum, l) => sum + l.amount, 0),
    breakdown,
    confirmed: breakdown.every((m) => m.confirmed),
  };
}

/** The GraphQL shapes of what the rules compute (contributions, quotes, validity of a reference row). */
import type { ContributionLine, IndependentWorkerContribution, ReferenceValidity } from './__generated__/resolvers-types.ts';
import type { PeriodContributionLine, PtiContribution } from './rules/contributions/index.ts';
import type { ContributionLine as MonthLine } from './rules/contributions/index.ts';
import type { DatedValue } from './rules/reference/index.ts';

function lineView(line: PeriodContributionLine | MonthLine): ContributionLine {
  return {
    code: line.code,
    label: line.label,
    share: line.share,
    baseCentavos: line.base,
    rate: line.rate,
    amountCentavos: line.amount,
    article: line.article,
    source: line.source,
    confirmed: line.confirmed,
  };
}

/** A PTI contribution, line by line and month by month (all amounts in centavos). */
export function contributionView(contribution: PtiContribution): IndependentWorkerContribution {
  return {
    period: contribution.period,
    periodStart: contribution.periodStart,
    periodEnd: contribution.periodEnd,
    months: contribution.months,
    base: {
      declaredMonthlyIncomeCentavos: contribution.base.declaredMonthlyIncome,
      dailyBaseCentavos: contribution.base.dailyBase,
      days: contribution.base.days,
      daysPerMonth: contribution.base.daysPerMonth,
    },
    lines: contribution.lines.map(lineView),
    breakdown: contribution.breakdown.map((month) => ({
      month: month.month,
      umaDailyCentavos: month.umaDaily,
      minimumWageDailyCentavos: month.minimumWageDaily,
      floorMonthlyCentavos: month.limits.floorMonthly,
      ceilingMonthlyCentavos: month.limits.ceilingMonthly,
      lines: month.lines.map(lineView),
      totalCentavos: month.total,
      confirmed: month.confirmed,
    })),
    totalCentavos: contribution.total,
    confirmed: contribution.confirmed,
  };
}

/** Where a reference value comes from and whether it is confirmed. */
export function validityView(table: string, row: Pick<DatedValue<unknown>, 'validFrom' | 'validTo' | 'source' | 'checkedOn' | 'confirmed'>): ReferenceValidity {
  return { table, validFrom: row.validFrom, validTo: row.validTo, source: row.source, checkedOn: row.checkedOn, confirmed: row.confirmed };
}

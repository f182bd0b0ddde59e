/** PTI contributions: base limits and line-by-line amounts (docs/domain.md §5, §6). */
export type { ContributionLimits, ContributionTables } from './limits.ts';
export { CEILING_UMA_MULTIPLE, contributionLimits, DEFAULT_DAYS_PER_MONTH, limitsForDays, parseDaysPerMonth } from './limits.ts';
export type { ContributionLine, MonthContribution } from './month-contribution.ts';
export { bandedRate, monthContribution } from './month-contribution.ts';
export type {
  ContributionIssue, ContributionIssueCode, PaymentPeriod, PeriodContributionLine, PtiContribution, PtiContributionInput,
  PtiContributionOptions, PtiContributionResult,
} from './pti-contribution.ts';
export { PERIOD_MONTHS, ptiContribution } from './pti-contribution.ts';

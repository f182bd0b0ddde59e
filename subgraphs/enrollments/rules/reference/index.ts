/** Dated reference tables for the enrollments rules and their seed values (docs/domain.md §5). */
export type { DatedTable, DatedValue, ReferenceTableErrorCode } from './dated-table.ts';
export { assertValidTable, isIsoDate, MissingReferenceValue, OverlappingReferenceRows, ReferenceTableError, valueInForce } from './dated-table.ts';
export { formatPesos } from './pesos.ts';
export type { Ratio } from './exact.ts';
export { compare, divide, integer, max, multiply, parseDecimal, roundHalfUp, subtract } from './exact.ts';
export type { UmaValue } from './uma.ts';
export { UMA_DAYS_PER_MONTH, UMA_TABLE, umaAnnual, umaMonthly } from './uma.ts';
export type { MinimumWageValue, WageZone } from './minimum-wage.ts';
export { MINIMUM_WAGE_TABLE, WAGE_ZONES } from './minimum-wage.ts';
export type { AgeBandCode, AgeBandFee, FamilyHealthFeeSchedule } from './family-health-fees.ts';
export { FAMILY_HEALTH_FEE_TABLE, scheduleFromPesos } from './family-health-fees.ts';
export type { BandedRate, ContributionBasis, ContributionShare, PtiRateLine, PtiRateSet, RateBand } from './pti-rates.ts';
export { percent, PTI_RATE_TABLE } from './pti-rates.ts';
export type { PtiProgrammeValue } from './pti-programme.ts';
export { PTI_PROGRAMME_TABLE, ptiDeadlineForCoverage, ptiPaymentRulesFrom } from './pti-programme.ts';

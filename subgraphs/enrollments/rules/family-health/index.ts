/** Family health insurance (modalidad 33): quote, questionnaire, waiting periods, coverage (docs/domain.md §5, §8). */
export type { FamilyHealthQuote, FamilyHealthQuoteResult, FamilyMemberInput, MemberFee } from './quote.ts';
export { bandForAge, familyHealthQuote } from './quote.ts';
export type { ExcludedCondition, ExcludedConditionCode, MemberAssessment, PreExistingPolicy, QuestionnaireAnswer, QuestionnaireOptions } from './conditions.ts';
export { assessQuestionnaires, EXCLUDED_CONDITION_TABLE, EXCLUDED_CONDITIONS } from './conditions.ts';
export type { WaitingPeriodEnd, WaitingPeriodRule } from './waiting-periods.ts';
export { WAITING_PERIOD_TABLE, waitingPeriods } from './waiting-periods.ts';
export type { CoverageDecision, FamilyHealthEnrollment } from './coverage.ts';
export { familyHealthCoverage, paidYearEnd } from './coverage.ts';

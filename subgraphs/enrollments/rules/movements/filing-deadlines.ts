/**
 * When an employer may and must file a movement with IMSS, and when it takes effect
 * (docs/domain.md §6). Sources:
 * - LSS art. 15-I: altas, bajas and salary changes within 5 business days.
 * - RACERF art. 45: an alta may be filed from the business day before work starts ("afiliación
 *   previa"), https://idconline.mx/seguridad-social/2017/08/11/cuando-comunicar-una-baja-ante-el-imss
 * - RACERF art. 57: a baja's 5 days count from the day after termination; on time it takes effect
 *   on the baja date given (that day still counts as contributed); late, only from the day after
 *   IMSS receives it, except after a death (the date of death) or an IMSS-awarded work-risk or
 *   invalidity pension (the pension's start), https://elconta.mx/imss-bajas-extemporneas-dudas
 * - LSS art. 34: fixed salary changes within 5 business days; variable salaries within the first
 *   5 business days of Jan, Mar, May, Jul, Sep and Nov (average of the previous bimester);
 *   collective-contract revisions within 30 calendar days, http://www.segurosocial.social/ley-imss/13.php
 * Every count is configuration (MovementFilingRules). A movement is never dated ahead: a baja or a
 * salary change filed before it happens is refused, as is an alta filed before its window opens.
 */
import type { ValidationIssue } from '../../../../schema/scalars/identifiers/issues.ts';
import { addDays, addMonths } from '../../../shared/dates.ts';
import { assertIsoDate } from '../calendar/iso-date.ts';
import type { BusinessCalendar } from '../calendar/business-calendar.ts';
import { BAJA_CAUSE_DEATH, checkBajaCause, type MovementKind } from './movement-catalogue.ts';

export type SalaryType = 'FIXED' | 'VARIABLE';

export interface MovementFilingRules {
  /** LSS art. 15-I: business days to file an alta, a baja or a fixed salary change. */
  filingBusinessDays: number;
  /** RACERF art. 45: how many business days before work starts an alta may be filed. */
  altaEarlyBusinessDays: number;
  /** LSS art. 34: months (1–12) whose first business days receive variable-salary changes. */
  variableSalaryFilingMonths: readonly number[];
  /** LSS art. 34: how many of those first business days. */
  variableSalaryFilingBusinessDays: number;
  /** LSS art. 34: calendar days to file the changes of a collective-contract revision. */
  collectiveRevisionCalendarDays: number;
  /** RACERF art. 57: a late baja takes effect this many calendar days after IMSS receives it. */
  lateBajaEffectDaysAfterReceipt: number;
}

export const MOVEMENT_FILING_RULES: Readonly<MovementFilingRules> = Object.freeze({
  filingBusinessDays: 5,
  altaEarlyBusinessDays: 1,
  variableSalaryFilingMonths: Object.freeze([1, 3, 5, 7, 9, 11]),
  variableSalaryFilingBusinessDays: 5,
  collectiveRevisionCalendarDays: 30,
  lateBajaEffectDaysAfterReceipt: 1,
});

export interface MovementFacts {
  kind: MovementKind;
  /**
   * ALTA: the first day of work. BAJA: the termination date (last day of the relationship).
   * SALARY_CHANGE: FIXED, the date of the change; VARIABLE, any day of the bimester whose
   * average is reported; collective revision, the day the revision was granted.
   */
  eventDate: string;
  /** Required for SALARY_CHANGE unless it comes from a collective-contract revision. */
  salaryType?: SalaryType;
  collectiveContractRevision?: boolean;
  /** BAJA: the cause code (movement-catalogue.ts); a death keeps its date even when filed late. */
  bajaCause?: string;
  /** BAJA after IMSS awarded a work-risk or invalidity pension: a late baja takes effect from here. */
  pensionStartDate?: string;
}

export interface FilingWindow {
  /** First day IMSS accepts the movement. */
  earliestFilingDate: string;
  /** Last day it is on time. */
  deadline: string;
}

export interface FilingFacts extends MovementFacts {
  /** The day IMSS received the movement. */
  filedOn: string;
}

export interface FilingEvaluation {
  /** First day IMSS accepts the movement; null when it cannot be placed (see issues). */
  earliestFilingDate: string | null;
  /** Last day it is on time; null when it cannot be placed. */
  deadline: string | null;
  accepted: boolean;
  late: boolean;
  /** The date the movement takes effect, or null when it is refused. */
  effectiveDate: string | null;
  /** Why it is refused (empty when accepted). */
  issues: ValidationIssue[];
}

/** A movement the rules cannot place (e.g. a salary change without its salary type). */
export class MovementRuleError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'MovementRuleError';
    this.code = code;
    this.details = details;
  }
}

/** The window in which IMSS accepts `movement` on time; throws MovementRuleError without a salary type. */
export function filingWindow(movement: MovementFacts, calendar: BusinessCalendar, rules: MovementFilingRules = MOVEMENT_FILING_RULES): FilingWindow {
  const event = assertIsoDate(movement.eventDate, 'eventDate');
  const onTimeBy = calendar.addBusinessDays(event, rules.filingBusinessDays);
  switch (movement.kind) {
    case 'ALTA':
      return { earliestFilingDate: calendar.addBusinessDays(event, -rules.altaEarlyBusinessDays), deadline: onTimeBy };
    case 'BAJA':
      return { earliestFilingDate: event, deadline: onTimeBy };
    case 'SALARY_CHANGE': {
      if (movement.collectiveContractRevision) {
        return { earliestFilingDate: event, deadline: calendar.nextBusinessDayOnOrAfter(addDays(event, rules.collectiveRevisionCalendarDays)) };
      }
      if (movement.salaryType === 'FIXED') return { earliestFilingDate: event, deadline: onTimeBy };
      if (movement.salaryType === 'VARIABLE') {
        const monthStart = variableSalaryFilingMonth(event, rules.variableSalaryFilingMonths);
        return {
          earliestFilingDate: calendar.nextBusinessDayOnOrAfter(monthStart),
          deadline: calendar.addBusinessDays(addDays(monthStart, -1), rules.variableSalaryFilingBusinessDays),
        };
      }
      throw new MovementRuleError('MOVEMENT_SALARY_TYPE_REQUIRED', 'A salary change needs its salary type: FIXED or VARIABLE', { salaryType: movement.salaryType });
    }
    default:
      throw new MovementRuleError('MOVEMENT_KIND_UNKNOWN', `Unknown movement kind '${String(movement.kind)}'`, { kind: movement.kind });
  }
}

/** The last day `movement` may be filed on time. */
export function filingDeadline(movement: MovementFacts, calendar: BusinessCalendar, rules: MovementFilingRules = MOVEMENT_FILING_RULES): string {
  return filingWindow(movement, calendar, rules).deadline;
}

/** Whether IMSS accepts a movement received on `filedOn`, whether it is late, and when it takes effect. */
export function evaluateFiling(filing: FilingFacts, calendar: BusinessCalendar, rules: MovementFilingRules = MOVEMENT_FILING_RULES): FilingEvaluation {
  const filedOn = assertIsoDate(filing.filedOn, 'filedOn');
  let window: FilingWindow;
  try {
    window = filingWindow(filing, calendar, rules);
  } catch (error) {
    if (!(error instanceof MovementRuleError)) throw error;
    return { earliestFilingDate: null, deadline: null, accepted: false, late: false, effectiveDate: null, issues: [{ code: error.code, message: error.message }] };
  }
  const issues: ValidationIssue[] = filing.kind === 'BAJA' && filing.bajaCause !== undefined ? checkBajaCause(filing.bajaCause) : [];
  if (filedOn < window.earliestFilingDate) {
    issues.push({ code: 'MOVEMENT_TOO_EARLY', message: tooEarlyMessage(filing, window.earliestFilingDate, filedOn, rules) });
  }
  if (issues.length > 0) return { ...window, accepted: false, late: false, effectiveDate: null, issues };

  const late = filedOn > window.deadline;
  return { ...window, accepted: true, late, effectiveDate: effectiveDate(filing, filedOn, late, rules), issues: [] };
}

function effectiveDate(filing: FilingFacts, filedOn: string, late: boolean, rules: MovementFilingRules): string {
  if (filing.kind === 'BAJA' && late) {
    if (filing.bajaCause?.trim() === BAJA_CAUSE_DEATH) return filing.eventDate;
    if (filing.pensionStartDate !== undefined) return assertIsoDate(filing.pensionStartDate, 'pensionStartDate');
    return addDays(filedOn, rules.lateBajaEffectDaysAfterReceipt);
  }
  if (filing.kind === 'SALARY_CHANGE' && filing.salaryType === 'VARIABLE' && !filing.collectiveContractRevision) {
    // The bimester's average applies from the first day of the month it is reported in.
    return variableSalaryFilingMonth(filing.eventDate, rules.variableSalaryFilingMonths);
  }
  return filing.eventDate;
}

/** First day of the first filing month after the month of `eventDate` (the bimester has closed). */
function variableSalaryFilingMonth(eventDate: string, months: readonly number[]): string {
  const monthStart = `${eventDate.slice(0, 7)}-01`;
  for (let k = 1; k <= 12; k++) {
    const candidate = addMonths(monthStart, k);
    if (months.includes(Number(candidate.slice(5, 7)))) return candidate;
  }
  throw new RangeError('variableSalaryFilingMonths must name at least one month from 1 to 12');
}

function tooEarlyMessage(filing: FilingFacts, earliest: string, filedOn: string, rules: MovementFilingRules): string {
  switch (filing.kind) {
    case 'ALTA':
      return `An alta may be filed from ${earliest}, ${rules.altaEarlyBusinessDays} business day(s) before work starts on ${filing.eventDate}; it was filed on ${filedOn}`;
    case 'BAJA':
      return `A baja may be filed from its termination date, ${earliest}; it was filed on ${filedOn}`;
    default:
      return filing.salaryType === 'VARIABLE' && !filing.collectiveContractRevision
        ? `A variable salary change for the bimester of ${filing.eventDate} may be filed from ${earliest}, once the bimester has closed; it was filed on ${filedOn}`
        : `A salary change may be filed from the date of the change, ${earliest}; it was filed on ${filedOn}`;
  }
}

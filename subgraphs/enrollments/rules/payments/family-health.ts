/**
 * Seguro de Salud para la Familia (modalidad 33, docs/domain.md §5): the fee is per person, by
 * age band, and paid annually in advance, so a payment covers the twelve months that follow and
 * must be made before (or on) the first day it covers. The fees themselves are dated reference
 * tables, not here.
 */
import type { ValidationIssue } from '../../../../schema/scalars/identifiers/issues.ts';
import { addDays, birthday } from '../../../shared/dates.ts';
import { assertIsoDate } from '../calendar/iso-date.ts';

export interface AnnualTerm {
  start: string;
  /** The day before the same date a year later (a term from 29 Feb ends on 28 Feb). */
  end: string;
}

/** The year of coverage that starts on `coverageStart`. */
export function familyHealthAnnualTerm(coverageStart: string): AnnualTerm {
  const start = assertIsoDate(coverageStart, 'coverageStart');
  // birthday() sends 29 Feb to 1 Mar in a common year, so the day before is the last day of Feb.
  return { start, end: addDays(birthday(start, 1), -1) };
}

/** FAMILY_HEALTH_PAYMENT_NOT_IN_ADVANCE when the annual fee is paid after the term has started. */
export function checkFamilyHealthPayment({ paidOn, coverageStart }: { paidOn: string; coverageStart: string }): ValidationIssue[] {
  if (assertIsoDate(paidOn, 'paidOn') <= assertIsoDate(coverageStart, 'coverageStart')) return [];
  return [{ code: 'FAMILY_HEALTH_PAYMENT_NOT_IN_ADVANCE', message: `The family health insurance is paid annually in advance: the term starting ${coverageStart} had to be paid by ${coverageStart}, it was paid on ${paidOn}` }];
}

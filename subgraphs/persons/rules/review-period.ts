/**
 * The period an access-exception review covers: a start on or before its end, at most a year
 * (a review is read page by page by a person, not exported wholesale).
 */
import { badInput } from '../../../schema/errors/client-errors.ts';
import { daysBetween } from '../../shared/dates.ts';

export const REVIEW_PERIOD_MAX_DAYS = 366;

export function checkReviewPeriod(from: string, to: string): void {
  const days = daysBetween(from, to);
  if (days < 0) throw badInput('REVIEW_PERIOD_INVALID', `The review period ends (${to}) before it starts (${from})`);
  if (days > REVIEW_PERIOD_MAX_DAYS) throw badInput('REVIEW_PERIOD_TOO_LONG', `A review covers at most ${REVIEW_PERIOD_MAX_DAYS} days`, { limitDays: REVIEW_PERIOD_MAX_DAYS });
}

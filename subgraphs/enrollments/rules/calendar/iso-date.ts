/**
 * Input guards for the calendar rules. Rules take ISO calendar strings ('YYYY-MM-DD'); a malformed
 * or impossible date (2026-02-30) is a caller error, so it throws instead of silently rolling over.
 */
import { formatIsoDate, parseIsoDate } from '../../../shared/dates.ts';

/** A malformed or impossible calendar date handed to a rule. */
export class InvalidDateError extends RangeError {
  readonly code = 'INVALID_DATE';
  readonly details: { label: string; value: string };

  constructor(label: string, value: unknown) {
    super(`${label} must be an ISO calendar date YYYY-MM-DD, got '${String(value)}'`);
    this.name = 'InvalidDateError';
    this.details = { label, value: String(value) };
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Returns `value` when it is a real calendar date 'YYYY-MM-DD'; throws InvalidDateError otherwise. */
export function assertIsoDate(value: string, label = 'date'): string {
  if (typeof value !== 'string' || !ISO_DATE.test(value) || formatIsoDate(parseIsoDate(value)) !== value) {
    throw new InvalidDateError(label, value);
  }
  return value;
}

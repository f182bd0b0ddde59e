/** Payment periods 'YYYY-MM' and the error the payment rules throw on malformed input. */

/** A payment rule given input it cannot use (e.g. a malformed period). */
export class PaymentRuleError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'PaymentRuleError';
    this.code = code;
    this.details = details;
  }
}

export interface PaymentPeriod {
  year: number;
  /** 1–12. */
  month: number;
}

/** Parses 'YYYY-MM'; throws PaymentRuleError PAYMENT_PERIOD_FORMAT otherwise. */
export function parsePaymentPeriod(period: string): PaymentPeriod {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  const month = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > 12) {
    throw new PaymentRuleError('PAYMENT_PERIOD_FORMAT', `A payment period is written YYYY-MM (month 01-12), got '${period}'`, { period });
  }
  return { year: Number(match[1]), month };
}

/** The ISO date of `day` in the month `offset` months after `period` (day must exist in every month). */
export function dayOfMonthAfter(period: PaymentPeriod, offset: number, day: number): string {
  if (!Number.isInteger(day) || day < 1 || day > 28) throw new RangeError(`a due day must be 1-28 so that every month has it, got ${day}`);
  const index = period.year * 12 + (period.month - 1) + offset;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

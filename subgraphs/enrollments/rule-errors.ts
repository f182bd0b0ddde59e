/**
 * The rules throw small typed errors (a reference table without a value in force, a date or a
 * period they cannot use); a client sees each with its stable code and message, never masked as
 * an internal error. Anything else is rethrown (and masked by the shield).
 */
import { badInput } from '../../schema/errors/client-errors.ts';
import { InvalidDateError } from './rules/calendar/index.ts';
import { MovementRuleError } from './rules/movements/index.ts';
import { PaymentRuleError } from './rules/payments/index.ts';
import { ReferenceTableError } from './rules/reference/index.ts';
import { StatisticsInputError } from './rules/statistics/index.ts';

/** The client error for a rule error, or the error itself when it is not one. */
export function clientErrorOf(error: unknown): unknown {
  if (error instanceof ReferenceTableError) return badInput(error.code, error.message, { ...error.details });
  if (error instanceof StatisticsInputError) return badInput(error.code, error.message, { ...error.details });
  if (error instanceof MovementRuleError || error instanceof PaymentRuleError) return badInput(error.code, error.message, { ...error.details });
  if (error instanceof InvalidDateError) return badInput(error.code, error.message, { ...error.details });
  return error;
}

/** Runs `work`, turning the rules' errors into client errors. */
export async function withRuleErrors<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw clientErrorOf(error);
  }
}

/** Runs a pure rule and turns its refusal (BiometricRuleError) into the client error it stands for. */
import { badInput } from '../../../schema/errors/client-errors.ts';
import { BiometricRuleError } from '../rules/errors.ts';

export function applyRule<T>(rule: () => T): T {
  try {
    return rule();
  } catch (error) {
    if (error instanceof BiometricRuleError) throw badInput(error.code, error.message, error.details);
    throw error;
  }
}

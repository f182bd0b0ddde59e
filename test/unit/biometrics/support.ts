import { thrownBy } from '../../support/thrown.ts';

/** The error `action` throws (fails the test when it throws nothing). */
export function thrown(action: () => unknown): Error & { code?: string; details?: Record<string, unknown> } {
  return thrownBy(action, Error);
}

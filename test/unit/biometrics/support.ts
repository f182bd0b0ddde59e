/** The error `action` throws (fails the test when it throws nothing). */
export function thrown(action: () => unknown): Error & { code?: string; details?: Record<string, unknown> } {
  try {
    action();
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('expected the action to throw, but it returned normally');
}

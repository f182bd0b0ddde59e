/**
 * The error a synchronous call throws, of the class a test expects: the test fails when the call
 * returns normally or throws something else (which is rethrown as it was).
 */
export function thrownBy<E extends Error>(run: () => unknown, kind: abstract new (...args: never[]) => E): E {
  try {
    run();
  } catch (error) {
    if (error instanceof kind) return error;
    throw error;
  }
  throw new Error(`expected the call to throw ${kind.name}, but it returned normally`);
}

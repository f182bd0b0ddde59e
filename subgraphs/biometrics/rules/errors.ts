/**
 * Why the biometrics rules refuse an input: a stable code, a message that names the limit and the
 * value, and details a client can show. Services turn it into a client error (badInput).
 */
export class BiometricRuleError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'BiometricRuleError';
  }
}

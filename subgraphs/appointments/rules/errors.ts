/** The error the appointment rules throw for input they cannot work with. */
export class AppointmentRuleError extends Error {
  override readonly name = 'AppointmentRuleError';

  constructor(
    /** Stable SCREAMING_SNAKE code a client may see. */
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

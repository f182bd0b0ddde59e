/** The payment codes read in Spanish with the values of the subgraph's English message (catalogue/enrollments.ts, common.ts). */
import { describe, expect, it } from 'vitest';
import { translateMessage } from '../../../gateway/error-messages/localize.ts';

describe('payment error messages in Spanish', () => {
  it('carries the amounts, dates and limits of the English message', () => {
    expect(translateMessage('PAYMENT_AMOUNT_MISMATCH', "The amount paid, 99 centavos, is not the reference's amount, 100 centavos.", {}, 'es'))
      .toBe('El importe pagado, 99 centavos, no es el importe de la referencia, 100 centavos.');
    expect(translateMessage('PAYMENT_REFERENCE_EXPIRED', 'This payment reference expired on 2026-03-20; it was paid on 2026-03-21.', {}, 'es'))
      .toBe('Esta referencia de pago venció el 2026-03-20; se pagó el 2026-03-21.');
    expect(translateMessage('IDEMPOTENCY_KEY_INVALID', 'The Idempotency-Key header must be one value of 1 to 255 printable ASCII characters (sent more than once)', {}, 'es'))
      .toBe('El encabezado Idempotency-Key debe ser un solo valor de 1 a 255 caracteres ASCII imprimibles (se envió más de una vez).');
    expect(translateMessage('IDEMPOTENCY_KEY_INVALID', 'The Idempotency-Key header must be one value of 1 to 255 printable ASCII characters (300 characters)', {}, 'es'))
      .toBe('El encabezado Idempotency-Key debe ser un solo valor de 1 a 255 caracteres ASCII imprimibles (tiene 300 caracteres).');
    expect(translateMessage('PTI_PAYMENT_DEADLINE_PASSED', 'Coverage from 2026-04-01 needed its payment by 2026-03-20; today is 2026-03-21.', {}, 'es'))
      .toBe('La cobertura desde el 2026-04-01 necesitaba su pago a más tardar el 2026-03-20; hoy es 2026-03-21.');
  });
});

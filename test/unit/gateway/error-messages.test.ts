import { describe, expect, it } from 'vitest';
import { CATALOGUE, FRAMES } from '../../../gateway/error-messages/catalogue/index.ts';
import type { MessageVariant } from '../../../gateway/error-messages/catalogue/types.ts';
import { localizeError, translateMessage } from '../../../gateway/error-messages/localize.ts';
import { templateParameters } from '../../../gateway/error-messages/template.ts';
import { localizedBody } from '../../../gateway/errors.ts';
import { emittedErrorCodes } from '../../support/error-codes.ts';

const variants = (code: string): readonly MessageVariant[] => {
  const entry = CATALOGUE[code]!;
  return Array.isArray(entry) ? entry : [entry as MessageVariant];
};

describe('the error catalogue', () => {
  it('has a Spanish and an English text for every code the source emits', () => {
    const codes = emittedErrorCodes();
    expect(codes.size).toBeGreaterThan(150);
    const missing = [...codes].filter(([code]) => !CATALOGUE[code] || variants(code).some((v) => !v.es.trim() || !v.en.trim()));
    expect(missing.map(([code, file]) => `${code} (${file})`)).toEqual([]);
  });

  it('finds codes wherever errors are made: badInput, rule errors, issues, scalars, refusals, the gateway', () => {
    const codes = emittedErrorCodes();
    for (const code of ['SLOT_FULL', 'SALARY_BELOW_MINIMUM_WAGE', 'CURP_CHECK_DIGIT', 'PURPOSE_REQUIRED', 'RATE_LIMITED', 'ISO_TOO_MANY_FINGER_VIEWS', 'STATISTICS_TABLE_TOO_LARGE', 'PTI_PAYMENT_DEADLINE_PASSED']) {
      expect(codes.has(code), code).toBe(true);
    }
  });

  it('uses in each Spanish text only values its English template or the extensions name, the rest optional', () => {
    // Extension values some Spanish texts use beyond what the English message shows.
    const fromExtensions = new Set(['retryAfterSeconds']);
    const problems: string[] = [];
    for (const code of Object.keys(CATALOGUE)) {
      for (const variant of variants(code)) {
        const known = new Set([...templateParameters(variant.match ?? variant.en), ...templateParameters(variant.en), 'detail', ...fromExtensions]);
        for (const name of templateParameters(variant.es, true)) if (!known.has(name)) problems.push(`${code}: {${name}}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every frame an {inner} in both languages', () => {
    for (const frame of FRAMES) {
      expect(templateParameters(frame.en)).toContain('inner');
      expect(templateParameters(frame.es)).toContain('inner');
    }
  });
});

describe('translating messages by code', () => {
  it('carries the limits in force into Spanish, the zone frame included', () => {
    const message = 'Daily base salary $278.80 is below the daily minimum wage in force, $315.04; it must lie between that and 25 UMA ($2,828.50 at a daily UMA of $113.14) (GENERAL zone, on 2026-01-01)';
    expect(translateMessage('SALARY_BELOW_MINIMUM_WAGE', message, {}, 'es')).toBe(
      'El salario base de cotización diario de $278.80 es menor que el salario mínimo diario vigente, $315.04; debe estar entre ese monto y 25 UMA ($2,828.50, con una UMA diaria de $113.14) (zona GENERAL, al 2026-01-01)',
    );
  });

  it('keeps the English message as it was written when English is asked for', () => {
    const message = 'No seat is left in the 2026-03-06 10:00 slot at CON-LAX; choose another slot';
    expect(translateMessage('SLOT_FULL', message, {}, 'en')).toBe(message);
    expect(translateMessage('SLOT_FULL', message, {}, 'es')).toBe('Ya no hay lugar en el horario del 2026-03-06 a las 10:00 en CON-LAX; elija otro horario.');
  });

  it("translates graphql-js's variable error around a scalar's own message", () => {
    const message = 'Variable "$c" got invalid value "GOMA800101HDFRRN01"; Invalid Curp: Check digit should be 9, found 1';
    const issues = [{ code: 'CURP_CHECK_DIGIT', position: 18, message: 'Check digit should be 9, found 1' }];
    expect(translateMessage('CURP_CHECK_DIGIT', message, { issues }, 'es')).toBe(
      'La variable "$c" trae un valor no válido ("GOMA800101HDFRRN01"): CURP con errores: El dígito verificador (posición 18) debería ser 9; se encontró 1',
    );
  });

  it('translates each issue of a rule violation by its own code, in the message and in extensions.issues', () => {
    const issues = [
      { code: 'CURP_FORMAT', position: 1, message: "Position 1 must be a letter, found '1'" },
      { code: 'CURP_SEX', position: 11, message: "Position 11 is the sex: H, M or X, found 'Q'" },
    ];
    const localized = localizeError({ message: issues.map((i) => i.message).join('; '), extensions: { code: 'CURP_FORMAT', issues } }, 'es');
    expect(localized.message).toBe("La posición 1 debe ser una letra; se encontró '1'; La posición 11 es el sexo: H, M o X; se encontró 'Q'");
    expect((localized.extensions?.issues as Array<{ message: string; position: number }>).map((i) => i.message)).toEqual([
      "La posición 1 debe ser una letra; se encontró '1'.",
      "La posición 11 es el sexo: H, M o X; se encontró 'Q'.",
    ]);
    expect(localized.extensions?.code).toBe('CURP_FORMAT');
  });

  it('shows an optional part only when its value is in the message', () => {
    const without = 'The worker already has an open employment under registration Y1234567101; file its baja first.';
    const withSince = 'The worker already has an open employment under registration Y1234567101 since 2020-01-06; file its baja first.';
    expect(translateMessage('EMPLOYMENT_ALREADY_OPEN', without, {}, 'es')).not.toContain('desde');
    expect(translateMessage('EMPLOYMENT_ALREADY_OPEN', withSince, {}, 'es')).toContain('desde el 2020-01-06');
  });

  it('takes values the message lacks from the extensions', () => {
    expect(translateMessage('RATE_LIMITED', 'Too many requests: slow down and retry after the reset', { retryAfterSeconds: 17 }, 'es')).toBe(
      'Demasiadas solicitudes en poco tiempo: espere 17 segundos y vuelva a intentarlo.',
    );
    expect(translateMessage('RATE_LIMITED', 'Too many requests: slow down and retry after the reset', {}, 'es')).toBe('Demasiadas solicitudes en poco tiempo: espere y vuelva a intentarlo.');
  });

  it('explains why a fingerprint record was refused, in Spanish, from its reason code', () => {
    const message = 'The template is not a valid ISO/IEC 19794-2:2005 finger minutiae record: 3 finger views exceed the limit of 2';
    expect(translateMessage('BIOMETRIC_TEMPLATE_INVALID', message, { reason: 'ISO_TOO_MANY_FINGER_VIEWS', field: 'template' }, 'es')).toBe(
      'La plantilla no es un registro de minucias dactilares ISO/IEC 19794-2:2005 válido: 3 vistas de dedo rebasan el límite de 2',
    );
  });

  it('tells staff to send X-Access-Purpose whatever the subgraph wrote', () => {
    const fromSubgraph = 'Staff access to personal data needs a declared purpose, and this request has none: send the X-Access-Purpose header …';
    expect(translateMessage('PURPOSE_REQUIRED', fromSubgraph, {}, 'es')).toContain('envíe el encabezado X-Access-Purpose');
    expect(translateMessage('PURPOSE_REQUIRED', fromSubgraph, {}, 'en')).toContain('send the X-Access-Purpose header');
  });

  it('leaves codes outside the catalogue, and errors without a code, as they are', () => {
    const unknown = { message: 'Something new', extensions: { code: 'SOMETHING_NEW' } };
    expect(localizeError(unknown, 'es')).toEqual(unknown);
    const bare = { message: 'No code' };
    expect(localizeError(bare, 'es')).toBe(bare);
  });

  it('keeps the English text when a message no longer reads as catalogued and the extensions cannot fill the Spanish one', () => {
    expect(translateMessage('SLOT_FULL', 'A wholly different sentence', { slotId: 'x' }, 'es')).toBeNull();
    expect(localizeError({ message: 'A wholly different sentence', extensions: { code: 'SLOT_FULL' } }, 'es').message).toBe('A wholly different sentence');
  });
});

describe('a response body in the caller language', () => {
  const refused = { errors: [{ message: 'Not permitted', extensions: { code: 'FORBIDDEN' } }], data: { me: null } };

  it('translates the errors of a finished body and keeps its data, code and trailing newline', () => {
    const body = localizedBody(`${JSON.stringify(refused)}\n`, 'es-MX,es;q=0.9');
    expect(body.endsWith('}\n')).toBe(true);
    expect(JSON.parse(body)).toEqual({ errors: [{ message: 'Su perfil no tiene permiso para esta operación.', extensions: { code: 'FORBIDDEN' } }], data: { me: null } });
    expect(JSON.parse(localizedBody(JSON.stringify(refused), 'en')).errors[0].message).toBe('Not permitted');
  });

  it('sends a body without errors as it came, even one whose data says "errors"', () => {
    const plain = '{"data":{"me":{"curp":"X"}}}\n';
    expect(localizedBody(plain, 'es')).toBe(plain);
    const quoted = '{"data":{"note":"\\"errors\\" is only text here"}}\n';
    expect(localizedBody(quoted, 'es')).toBe(quoted);
    expect(localizedBody('{"errors": not json', 'es')).toBe('{"errors": not json');
  });
});

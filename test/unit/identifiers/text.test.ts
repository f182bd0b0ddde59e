/** The text scalars (schema/scalars/text.ts, scalars.ts): what a name, an address line and free text may be. */
import { GraphQLError, Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../support/thrown.ts';
import { localizeError } from '../../../gateway/error-messages/localize.ts';
import { validateEmail } from '../../../schema/scalars/identifiers/index.ts';
import { AddressLineScalar, FreeTextScalar, PersonNameScalar, PhoneScalar, ReferenceCodeScalar } from '../../../schema/scalars/scalars.ts';
import { checkText, type TextKind } from '../../../schema/scalars/text.ts';

const refusal = (kind: TextKind, input: string) => {
  const result = checkText(kind, input);
  if (result.ok) throw new Error(`accepted ${JSON.stringify(input)} as ${kind}`);
  return result.issue;
};
const accepted = (kind: TextKind, input: string) => {
  const result = checkText(kind, input);
  if (!result.ok) throw new Error(`refused ${JSON.stringify(input)} as ${kind}: ${result.issue.message}`);
  return result.value;
};

describe('PersonName', () => {
  it.for([
    'JOSÉ ANTONIO', 'MARÍA DE LOS ÁNGELES', 'ÑUÑEZ', 'MÜLLER', "O'FARRILL", 'GARCÍA-LÓPEZ', 'MA. DEL CARMEN', 'J. JESÚS', 'DE LA CRUZ', 'GARCIA - LOPEZ', 'Ch\u2019ulel', 'X',
  ])('accepts a real name: %s', (name) => {
    expect(accepted('PersonName', name)).toBe(name.replace('\u2019', "'"));
  });

  it('normalises to NFC, single spaces, trimmed, and one apostrophe and hyphen', () => {
    expect(accepted('PersonName', '  JOSE\u0301\u00A0\u00A0MARI\u0301A ')).toBe('JOSÉ MARÍA');
    expect(accepted('PersonName', 'D\u00B4ARTAGNAN')).toBe("D'ARTAGNAN");
    expect(accepted('PersonName', 'D\u02BCARTAGNAN')).toBe("D'ARTAGNAN");
    expect(accepted('PersonName', 'GARCÍA\u2010LÓPEZ')).toBe('GARCÍA-LÓPEZ');
    expect(accepted('PersonName', 'GARCÍA\u2013LÓPEZ')).toBe('GARCÍA-LÓPEZ');
  });

  it('refuses control characters, with the position', () => {
    expect(refusal('PersonName', 'MA\u0007RIO')).toEqual({ reason: 'CONTROL_CHARACTER', message: 'Position 3 is a control character (U+0007)', position: 3, char: 'U+0007' });
    for (const c of ['\u0000', '\t', '\n', '\r', '\u001B', '\u007F', '\u0085']) expect(refusal('PersonName', `ANA${c}`).reason).toBe('CONTROL_CHARACTER');
  });

  it('refuses invisible characters: bidi controls, zero-width ones, soft hyphen, BOM, fillers, variation selectors', () => {
    for (const c of ['\u202E', '\u202A', '\u2066', '\u2069', '\u200E', '\u200B', '\u200C', '\u200D', '\u2060', '\u00AD', '\uFEFF', '\u180E', '\u3164', '\u115F', '\uFE0F', '\u034F', '\u{E0041}']) {
      expect(refusal('PersonName', `AN${c}A`), `U+${c.codePointAt(0)!.toString(16)}`).toMatchObject({ reason: 'INVISIBLE_CHARACTER', position: 3 });
    }
  });

  it('refuses unpaired surrogates, high and low, but a paired one is one character', () => {
    expect(refusal('PersonName', 'ANA\uD800')).toMatchObject({ reason: 'UNPAIRED_SURROGATE', position: 4, char: 'U+D800' });
    expect(refusal('PersonName', '\uDC00ANA')).toMatchObject({ reason: 'UNPAIRED_SURROGATE', position: 1 });
    // 𝐀 (mathematical bold A) is a real character, just not a Latin letter.
    expect(refusal('PersonName', 'ANA\u{1D400}')).toMatchObject({ reason: 'CHARACTER_NOT_ALLOWED', position: 4 });
  });

  it('refuses what names never hold: SQL, digits, other scripts, symbols, lone combining marks', () => {
    expect(refusal('PersonName', "MARIO'); DELETE FROM persons.persons;--")).toMatchObject({ reason: 'CHARACTER_NOT_ALLOWED', position: 7, char: 'U+0029' });
    for (const name of ['ANA2', 'АННА', 'ANA_', 'ANA;', 'ANA@', 'ANA<', 'ANA"', 'ANA\u0301\u0301', '😀']) expect(refusal('PersonName', name).reason, name).toBe('CHARACTER_NOT_ALLOWED');
  });

  it('refuses the empty, the too long, a name not starting with a letter, and doubled punctuation', () => {
    expect(refusal('PersonName', '   ')).toMatchObject({ reason: 'EMPTY' });
    expect(accepted('PersonName', 'A'.repeat(80))).toHaveLength(80);
    expect(refusal('PersonName', 'A'.repeat(81))).toMatchObject({ reason: 'TOO_LONG', length: 81, max: 80 });
    expect(refusal('PersonName', `MARIO\u0007\u202E\u200B${'A'.repeat(5_000)}`)).toMatchObject({ reason: 'TOO_LONG', length: 5_008, max: 80 });
    expect(refusal('PersonName', "'ANA").reason).toBe('MUST_START_WITH_LETTER');
    expect(refusal('PersonName', '-ANA').reason).toBe('MUST_START_WITH_LETTER');
    expect(refusal('PersonName', "O''BRIEN")).toMatchObject({ reason: 'REPEATED_PUNCTUATION', position: 2 });
    expect(refusal('PersonName', 'PEREZ.-LOPEZ')).toMatchObject({ reason: 'REPEATED_PUNCTUATION', position: 6 });
  });

  it('counts length in characters, not UTF-16 units: 80 accented letters decomposed are 80', () => {
    expect(accepted('PersonName', 'E\u0301'.repeat(80))).toBe('É'.repeat(80));
  });
});

describe('AddressLine', () => {
  it.for(['Av. Insurgentes Sur #1605, Int. 3-B', 'S/N', 'Mz 3 Lt 12', 'Km 12.5 Carr. México-Toluca', 'Calle 5 de Mayo', '2° piso', 'Col. Del Valle (Norte)', 'Hidalgo & Juárez'])('accepts %s', (line) => {
    expect(accepted('AddressLine', line)).toBe(line);
  });

  it('refuses SQL, control and invisible characters, and over 120 characters', () => {
    expect(refusal('AddressLine', "x'; DROP TABLE persons.addresses;--").reason).toBe('CHARACTER_NOT_ALLOWED');
    expect(refusal('AddressLine', 'Centro\u0000').reason).toBe('CONTROL_CHARACTER');
    expect(refusal('AddressLine', 'Centro\u202E').reason).toBe('INVISIBLE_CHARACTER');
    expect(refusal('AddressLine', 'a'.repeat(121))).toMatchObject({ reason: 'TOO_LONG', max: 120 });
    // Addresses may start with a digit ("5 de Mayo") and hold ".-" ("Int. -B"): no name shape.
    expect(accepted('AddressLine', '5 de Mayo .-')).toBe('5 de Mayo .-');
  });
});

describe('FreeText', () => {
  it('accepts any script, symbols and emoji without variation selectors', () => {
    for (const text of ['Lector Suprema RealScan-G10 SN 4711', 'Verificación de identidad: huella índice derecho', '指纹采集', 'Ελληνικά', 'Temperatura 36.5 °C ✓', '🙂']) {
      expect(accepted('FreeText', text)).toBe(text);
    }
  });

  it('refuses control, invisible, private-use, unassigned and line separator characters, and stacks of marks', () => {
    expect(refusal('FreeText', 'abc\u0007').reason).toBe('CONTROL_CHARACTER');
    expect(refusal('FreeText', 'abc\n').reason).toBe('CONTROL_CHARACTER');
    expect(refusal('FreeText', 'abc\u202Edef').reason).toBe('INVISIBLE_CHARACTER');
    expect(refusal('FreeText', 'abc\u200B').reason).toBe('INVISIBLE_CHARACTER');
    for (const c of ['\uE000', '\u0378', '\u2028', '\u2029']) expect(refusal('FreeText', `abc${c}`).reason).toBe('CHARACTER_NOT_ALLOWED');
    expect(accepted('FreeText', 'a\u0301\u0302\u0303')).toBe('á\u0302\u0303');
    expect(refusal('FreeText', 'a\u0300\u0301\u0302\u0303\u0304')).toMatchObject({ reason: 'TOO_MANY_COMBINING_MARKS', max: 3 });
    expect(refusal('FreeText', 'x'.repeat(501))).toMatchObject({ reason: 'TOO_LONG', max: 500 });
  });
});

describe('the GraphQL scalars', () => {
  const error = (run: () => unknown): GraphQLError => thrownBy(run, GraphQLError);

  it('parse variables and literals to the normalised value', () => {
    expect(PersonNameScalar.parseValue('  jose\u0301 ')).toBe('josé');
    expect(PersonNameScalar.parseLiteral({ kind: Kind.STRING, value: 'ÑUÑEZ' })).toBe('ÑUÑEZ');
    expect(AddressLineScalar.parseValue('S/N')).toBe('S/N');
    expect(FreeTextScalar.parseValue(' SCANNER-7 ')).toBe('SCANNER-7');
  });

  it('refuse with the kind’s code, the reason, the position and the character', () => {
    const refused = error(() => PersonNameScalar.parseValue('MA\u200BRIO'));
    expect(refused.message).toBe('Invalid PersonName: Position 3 is an invisible character (U+200B)');
    expect(refused.extensions).toEqual({ code: 'PERSON_NAME_INVALID', reason: 'INVISIBLE_CHARACTER', position: 3, char: 'U+200B' });
    expect(error(() => AddressLineScalar.parseValue('a;b')).extensions).toMatchObject({ code: 'ADDRESS_LINE_INVALID', reason: 'CHARACTER_NOT_ALLOWED' });
    expect(error(() => FreeTextScalar.parseValue('\u202E')).extensions).toMatchObject({ code: 'FREE_TEXT_INVALID', reason: 'INVISIBLE_CHARACTER' });
    expect(error(() => PersonNameScalar.parseValue(42)).extensions).toEqual({ code: 'PERSON_NAME_INVALID', reason: 'NOT_A_STRING' });
    expect(error(() => PersonNameScalar.parseLiteral({ kind: Kind.INT, value: '42' })).extensions).toMatchObject({ reason: 'NOT_A_STRING' });
  });

  it('Phone: digits, spaces, parentheses, hyphens and a leading +; nothing hidden', () => {
    expect(PhoneScalar.parseValue(' +52 (33) 1234-5678 ')).toBe('+52 (33) 1234-5678');
    for (const phone of ['+52 33\u0007 1234 5678', '+52 33\u200B12345678', '123', '+52 33 1234 5678 ext 9']) {
      expect(error(() => PhoneScalar.parseValue(phone)).extensions?.code, phone).toBe('PHONE_FORMAT');
    }
  });

  it('ReferenceCode: a reference table’s code, nothing else', () => {
    expect(ReferenceCodeScalar.parseValue('CHRONIC_RENAL_FAILURE')).toBe('CHRONIC_RENAL_FAILURE');
    for (const code of ['chronic', 'CHRONIC\u202E', 'A'.repeat(65), '']) expect(error(() => ReferenceCodeScalar.parseValue(code)).extensions?.code).toBe('REFERENCE_CODE_FORMAT');
    expect(error(() => ReferenceCodeScalar.parseValue(7)).extensions?.code).toBe('REFERENCE_CODE_FORMAT');
  });
});

describe('e-mail addresses', () => {
  it('refuse control, invisible and unpaired surrogate characters in the local part', () => {
    for (const email of ['ana\u0007@example.test', 'ana\u202Egro@example.test', 'an\u200Ba@example.test', 'ana\uD800@example.test', 'ana\u3164@example.test']) {
      expect(validateEmail(email).ok, JSON.stringify(email)).toBe(false);
    }
    expect(validateEmail('josé.pérez@example.test')).toEqual({ ok: true, value: 'josé.pérez@example.test' });
    expect(validateEmail('jose\u0301@Example.TEST')).toEqual({ ok: true, value: 'josé@example.test' });
  });
});

describe('the refusal in Spanish', () => {
  it('is the reason’s text even when graphql-js quoted a value that breaks the message apart', () => {
    // graphql-js puts the client's value before the scalar's message; "; " inside it splits the frame wrongly.
    const message = 'Variable "$i" got invalid value "MARIO\'); DELETE FROM persons.persons;--" at "i.givenNames"; Invalid PersonName: Position 7, \')\' (U+0029), is not allowed: letters, spaces, apostrophes, hyphens and periods only';
    const localized = localizeError({ message, extensions: { code: 'PERSON_NAME_INVALID', reason: 'CHARACTER_NOT_ALLOWED', position: 7, char: 'U+0029' } }, 'es');
    expect(localized.message).toContain('La posición 7');
    expect(localized.message).toContain('(U+0029) no está permitida');
    expect(localized.extensions?.code).toBe('PERSON_NAME_INVALID');
  });

  it('reads every reason in Spanish', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['Invalid PersonName: It is empty', { reason: 'EMPTY' }, 'Está vacío'],
      ['Invalid PersonName: It has 81 characters, at most 80 are allowed', { reason: 'TOO_LONG', length: 81, max: 80 }, 'Tiene 81 caracteres; se permiten 80 como máximo'],
      ['Invalid PersonName: It must start with a letter', { reason: 'MUST_START_WITH_LETTER' }, 'Debe empezar con una letra'],
      ['Invalid PersonName: Position 3 is a control character (U+0007)', { reason: 'CONTROL_CHARACTER', position: 3, char: 'U+0007' }, 'La posición 3 es un carácter de control (U+0007)'],
    ];
    for (const [message, extensions, spanish] of cases) {
      expect(localizeError({ message, extensions: { code: 'PERSON_NAME_INVALID', ...extensions } }, 'es').message).toContain(spanish);
    }
  });
});

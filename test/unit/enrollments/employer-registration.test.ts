/** Registro patronal: format, modalities, normalisation (docs/domain.md §4). Synthetic registrations. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatEmployerRegistration, normalizeEmployerRegistration, validateEmployerRegistration,
} from '../../../subgraphs/enrollments/rules/movements/index.ts';

const codesAndPositions = (input: string, options = {}) => {
  const result = validateEmployerRegistration(input, options);
  return result.ok ? [] : result.issues.map((i) => [i.code, i.position]);
};

describe('registro patronal', () => {
  it('parses the written form into key, consecutive, modality and check digit', () => {
    expect(validateEmployerRegistration('Y12-34567-10-1')).toEqual({
      ok: true, value: 'Y1234567101', formatted: 'Y12-34567-10-1', key: 'Y12', consecutive: '34567',
      modality: '10', modalityKind: 'OBLIGATORY', checkDigit: '1', checkDigitVerified: false,
    });
  });

  it('normalises case, hyphens and spaces to the same value', () => {
    for (const input of ['Y1234567101', 'y12-34567-10-1', ' Y12 34567 10 1 ', 'y12--34567-101']) {
      expect(validateEmployerRegistration(input)).toMatchObject({ ok: true, value: 'Y1234567101' });
    }
  });

  it.each(['10', '13', '14', '17', '30'])('modalidad %s is obligatory', (modality) => {
    expect(validateEmployerRegistration(`Y1234567${modality}1`)).toMatchObject({ ok: true, modalityKind: 'OBLIGATORY' });
  });

  it.each(['32', '33', '36', '38', '40', '42', '43'])('modalidad %s is voluntary', (modality) => {
    expect(validateEmployerRegistration(`A0112345${modality}1`)).toMatchObject({ ok: true, modalityKind: 'VOLUNTARY' });
  });

  it('an unlisted modalidad parses as UNKNOWN unless known modalities are required', () => {
    expect(validateEmployerRegistration('Y1234567991')).toMatchObject({ ok: true, modality: '99', modalityKind: 'UNKNOWN' });
    const strict = validateEmployerRegistration('Y1234567991', { requireKnownModality: true });
    expect(strict).toMatchObject({ ok: false, issues: [{ code: 'EMPLOYER_REGISTRATION_MODALITY', position: 9 }] });
    expect(strict.ok ? '' : strict.issues[0]!.message).toMatch(/10, 13, 14/);
  });

  it('refuses a registration that is not 11 characters long, naming the length found', () => {
    const short = validateEmployerRegistration('Y12-34567-10');
    expect(short).toMatchObject({ ok: false, issues: [{ code: 'EMPLOYER_REGISTRATION_LENGTH' }] });
    expect(short.ok ? '' : short.issues[0]!.message).toMatch(/this one has 10/);
    expect(codesAndPositions('Y12345671011')).toEqual([['EMPLOYER_REGISTRATION_LENGTH', undefined]]);
  });

  it('needs a letter in position 1 and accepts a letter or digit in positions 2-3', () => {
    expect(codesAndPositions('112-34567-10-1')).toEqual([['EMPLOYER_REGISTRATION_FORMAT', 1]]);
    expect(validateEmployerRegistration('YA2-34567-10-1')).toMatchObject({ ok: true, key: 'YA2' });
  });

  it('reports every misplaced character with its 1-based position', () => {
    expect(codesAndPositions('Y12-3456X-1Z-Q')).toEqual([
      ['EMPLOYER_REGISTRATION_FORMAT', 8], ['EMPLOYER_REGISTRATION_FORMAT', 10], ['EMPLOYER_REGISTRATION_FORMAT', 11],
    ]);
    expect(codesAndPositions('Y12.4567101')).toEqual([['EMPLOYER_REGISTRATION_FORMAT', 4]]);
  });

  it('formats any well-formed value back to a form that normalises to itself', () => {
    const char = (set: string) => fc.constantFrom(...set);
    const digits = '0123456789';
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const registration = fc.tuple(char(letters), fc.array(char(letters + digits), { minLength: 2, maxLength: 2 }), fc.array(char(digits), { minLength: 8, maxLength: 8 }))
      .map(([first, key, rest]) => `${first}${key.join('')}${rest.join('')}`);
    fc.assert(fc.property(registration, (value) => {
      const result = validateEmployerRegistration(formatEmployerRegistration(value).toLowerCase());
      expect(result).toMatchObject({ ok: true, value });
      expect(normalizeEmployerRegistration(formatEmployerRegistration(value))).toBe(value);
    }), { numRuns: 200 });
  });
});

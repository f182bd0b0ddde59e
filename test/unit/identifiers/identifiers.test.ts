/** CURP, NSS, RFC and e-mail validation: every published example in docs/domain.md §1–3, plus properties. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  composeNss, curpCheckDigit, nssCheckDigit, rfcCheckDigit, validateCurp, validateEmail, validateNss, validateRfc,
} from '../../../schema/scalars/identifiers/index.ts';

describe('CURP', () => {
  it.each(['SABC560626MDFLRN01', 'MOTR930411HJCRMN03', 'PEGJ850101HDFRRL04', 'AAPR630321HDFLRC09'])('%s is valid', (curp) => {
    expect(validateCurp(curp)).toMatchObject({ ok: true, value: curp });
  });

  it.each([
    ['OEAF771012HMCRGR09', 8],
    ['SABC560626MDFLRN09', 1],
  ])('%s fails the check digit (should be %i)', (curp, digit) => {
    expect(validateCurp(curp)).toEqual({ ok: false, issues: [expect.objectContaining({ code: 'CURP_CHECK_DIGIT', position: 18 })] });
    expect(curpCheckDigit(curp.slice(0, 17))).toBe(digit);
  });

  it('decodes birth date (century from position 17), sex and entity', () => {
    expect(validateCurp('sabc560626mdflrn01')).toMatchObject({ ok: true, birthDate: '1956-06-26', sex: 'M', state: 'DF', bornAbroad: false });
    const abroad = `GOMA050101XNEXXX${'A'}`;
    expect(validateCurp(`${abroad}${curpCheckDigit(abroad)}`)).toMatchObject({ ok: true, birthDate: '2005-01-01', sex: 'X', bornAbroad: true });
  });

  it('names the failing rule and position', () => {
    expect(validateCurp('SABC56062')).toMatchObject({ ok: false, issues: [{ code: 'CURP_LENGTH' }] });
    expect(validateCurp('SABC560626ZDFLRN01')).toMatchObject({ ok: false, issues: [{ code: 'CURP_SEX', position: 11 }] });
    expect(validateCurp('SABC560626MZZLRN01')).toMatchObject({ ok: false, issues: [{ code: 'CURP_STATE', position: 12 }] });
    expect(validateCurp('SABC5606X6MDFLRN01')).toMatchObject({ ok: false, issues: [{ code: 'CURP_FORMAT', position: 9 }] });
    const feb30 = 'SABC560230MDFLRN0';
    expect(validateCurp(`${feb30}${curpCheckDigit(feb30)}`)).toMatchObject({ ok: false, issues: [{ code: 'CURP_DATE', position: 5 }] });
  });

  it('refuses a consonant at position 2 and a vowel at positions 14-16', () => {
    const body = 'SBBC560626MDFLRN0';
    expect(validateCurp(`${body}${curpCheckDigit(body)}`)).toMatchObject({ ok: false, issues: [{ code: 'CURP_FORMAT', position: 2 }] });
    const vowel = 'SABC560626MDFARN0';
    expect(validateCurp(`${vowel}${curpCheckDigit(vowel)}`)).toMatchObject({ ok: false, issues: [{ code: 'CURP_FORMAT', position: 14 }] });
  });

  it('refuses a differentiator that contradicts its own date (a letter with YY 99 means 2099)', () => {
    expect(validateCurp('RAOS991231MDGMRFA5', { asOf: '2026-12-01' })).toMatchObject({ ok: false, issues: [{ code: 'CURP_DIFFERENTIATOR', position: 17 }] });
    // The same CURP with the digit a 1999 birth has is valid.
    const digit = 'RAOS991231MDGMRF0';
    expect(validateCurp(`${digit}${curpCheckDigit(digit)}`, { asOf: '2026-12-01' })).toMatchObject({ ok: true, birthDate: '1999-12-31' });
  });
});

describe('NSS', () => {
  it.each(['92919084431', '84966311213', '12345678903'])('%s is valid', (nss) => {
    expect(validateNss(nss)).toMatchObject({ ok: true, value: nss });
  });

  it('84966311215 fails the Luhn digit, position 11', () => {
    expect(validateNss('84966311215')).toEqual({ ok: false, issues: [expect.objectContaining({ code: 'NSS_CHECK_DIGIT', position: 11 })] });
  });

  it('reports the first non-digit position', () => {
    expect(validateNss('9291908443A')).toMatchObject({ ok: false, issues: [{ code: 'NSS_FORMAT', position: 11 }] });
  });

  it('composes subdelegation + registration year + birth year (97 when unknown) + sequence + digit', () => {
    expect(composeNss({ subdelegation: '92', registrationYear: 1991, birthYear: 1990, sequence: 8443 })).toBe('92919084431');
    expect(composeNss({ subdelegation: '01', registrationYear: 2026, birthYear: null, sequence: 7 }).slice(0, 10)).toBe('0126970007');
  });

  it('every composed NSS validates, and every single-digit change is caught (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1940, max: 2099 }), fc.option(fc.integer({ min: 1900, max: 2099 })), fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }),
        (sub, reg, birth, seq, position, delta) => {
          const nss = composeNss({ subdelegation: String(sub).padStart(2, '0'), registrationYear: reg, birthYear: birth, sequence: seq });
          expect(validateNss(nss).ok).toBe(true);
          const mutated = nss.slice(0, position) + String((Number(nss[position]) + delta) % 10) + nss.slice(position + 1);
          expect(validateNss(mutated).ok).toBe(false);
        },
      ),
    );
    expect(nssCheckDigit('9291908443')).toBe(1);
  });
});

describe('RFC', () => {
  it.each(['GODE561231GR8', 'EKU9003173C9', 'IMS421231I45'])('%s is valid without warnings', (rfc) => {
    expect(validateRfc(rfc)).toMatchObject({ ok: true, warnings: [] });
  });

  it('accepts the generic RFCs, although XAXX010101000 fails the checksum', () => {
    expect(rfcCheckDigit('XAXX01010100')).not.toBe('0');
    expect(validateRfc('XAXX010101000')).toMatchObject({ ok: true, kind: 'GENERIC' });
    expect(validateRfc('XEXX010101000')).toMatchObject({ ok: true, kind: 'GENERIC' });
  });

  it('a wrong check digit is a warning, not a rejection', () => {
    expect(validateRfc('GODE561231GR9')).toMatchObject({ ok: true, kind: 'FISICA', warnings: [{ code: 'RFC_CHECK_DIGIT', position: 13 }] });
  });

  it('rejects bad length, shape and date', () => {
    expect(validateRfc('GODE561231')).toMatchObject({ ok: false, issues: [{ code: 'RFC_LENGTH' }] });
    expect(validateRfc('G0DE561231GR8')).toMatchObject({ ok: false, issues: [{ code: 'RFC_FORMAT' }] });
    expect(validateRfc('GODE561331GR8')).toMatchObject({ ok: false, issues: [{ code: 'RFC_DATE' }] });
  });
});

describe('e-mail', () => {
  it('accepts a plain address and lower-cases the domain', () => {
    expect(validateEmail(' Ana.Perez@Example.TEST ')).toEqual({ ok: true, value: 'Ana.Perez@example.test' });
  });
  it.each(['no-at-sign', 'a@b', 'a b@example.test', `${'x'.repeat(250)}@example.test`])('rejects %s', (email) => {
    expect(validateEmail(email)).toMatchObject({ ok: false, issues: [{ code: 'EMAIL_FORMAT' }] });
  });
});

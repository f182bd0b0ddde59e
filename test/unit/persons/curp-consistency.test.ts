/** CURP from personal data (docs/domain.md §1): hand-picked rules, and properties over synthetic people. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCurpConsistency, expectedCurpPrefix, type CurpPersonData } from '../../../subgraphs/persons/rules/index.ts';
import { CURP_STATES, curpCheckDigit, validateCurp } from '../../../schema/scalars/identifiers/index.ts';

const base: CurpPersonData = { givenNames: 'JUAN', firstSurname: 'PEREZ', secondSurname: 'LOPEZ', birthDate: '1985-01-01', sex: 'H', birthState: 'DF' };
const prefix = (overrides: Partial<CurpPersonData>) => expectedCurpPrefix({ ...base, ...overrides });
const complete = (first16: string, birthDate: string) => {
  const first17 = `${first16}${Number(birthDate.slice(0, 4)) < 2000 ? '0' : 'A'}`;
  return `${first17}${curpCheckDigit(first17)}`;
};

describe('expected CURP prefix', () => {
  it('reproduces the Instructivo sample (Concepción Salgado Briseño)', () => {
    expect(expectedCurpPrefix({ givenNames: 'CONCEPCIÓN', firstSurname: 'SALGADO', secondSurname: 'BRISEÑO', birthDate: '1956-06-26', sex: 'M', birthState: 'DF' })).toBe('SABC560626MDFLRN');
  });

  it('skips MARIA / JOSE when another given name follows', () => {
    expect(prefix({ givenNames: 'MARIA LUISA' })[3]).toBe('L');
    expect(prefix({ givenNames: 'JOSE ANTONIO' })[3]).toBe('A');
    expect(prefix({ givenNames: 'MA. DE LOS ANGELES' })[3]).toBe('A');
    expect(prefix({ givenNames: 'MARIA' })[3]).toBe('M'); // alone, MARIA is the name
  });

  it('skips particles of compound surnames', () => {
    expect(prefix({ firstSurname: 'DE LA CRUZ' }).slice(0, 2)).toBe('CU');
    expect(prefix({ secondSurname: 'DEL RIO' })[2]).toBe('R');
  });

  it('turns Ñ into X and strips accents', () => {
    expect(prefix({ firstSurname: 'NUÑEZ' })).toMatch(/^NU/);
    expect(prefix({ firstSurname: 'NUÑEZ' })[13]).toBe('X'); // first internal consonant is Ñ
    expect(prefix({ firstSurname: 'ÑANDU' })[0]).toBe('X');
    expect(prefix({ firstSurname: 'GÓMEZ', secondSurname: 'MÜLLER' }).slice(0, 3)).toBe('GOM');
  });

  it('uses X for a missing second surname (positions 3 and 15) and a one-letter surname', () => {
    const p = prefix({ secondSurname: null });
    expect(p[2]).toBe('X');
    expect(p[14]).toBe('X');
    expect(prefix({ firstSurname: 'O' }).slice(0, 2)).toBe('OX');
  });

  it('replaces the second letter of an inconvenient word with X', () => {
    // B-U-E-Y from BUENO / ESPINOZA / YOLANDA
    expect(prefix({ firstSurname: 'BUENO', secondSurname: 'ESPINOZA', givenNames: 'YOLANDA' }).slice(0, 4)).toBe('BXEY');
    expect(prefix({ firstSurname: 'PEREZ', secondSurname: 'DIAZ', givenNames: 'ORLANDO' }).slice(0, 4)).toBe('PXDO');
  });

  it('keeps CH and LL as two letters unless the (unconfirmed) old rule is asked for', () => {
    expect(prefix({ firstSurname: 'CHAVEZ' })[13]).toBe('H');
    expect(expectedCurpPrefix({ ...base, firstSurname: 'CHAVEZ' }, { chLlAsSingleLetter: true })[13]).toBe('V');
  });
});

describe('consistency check', () => {
  const curp = complete(prefix({}), base.birthDate);

  it('accepts a CURP that matches the data', () => {
    expect(checkCurpConsistency(curp, base)).toMatchObject({ consistent: true, mismatches: [], structuralIssues: [] });
  });

  it('names the wrong birth date positions', () => {
    const result = checkCurpConsistency(curp, { ...base, birthDate: '1985-01-07' });
    expect(result.mismatches).toEqual([expect.objectContaining({ field: 'birthDate', positions: [10], expected: '7', actual: '1' })]);
  });

  it('explains a misspelt maternal surname in terms of its source', () => {
    const result = checkCurpConsistency(curp, { ...base, secondSurname: 'JOPEZ' });
    expect(result.mismatches).toEqual([expect.objectContaining({ field: 'secondSurname', positions: [3] })]);
    expect(result.mismatches[0]!.message).toContain("'JOPEZ'");
  });

  it('reports structural problems of the CURP itself', () => {
    const result = checkCurpConsistency(`${curp.slice(0, 17)}${(Number(curp[17]) + 1) % 10}`, base);
    expect(result.consistent).toBe(false);
    expect(result.structuralIssues[0]).toMatchObject({ code: 'CURP_CHECK_DIGIT', position: 18 });
  });
});

// ---- properties over synthetic people ----
const given = fc.constantFrom('JUAN', 'MARIA LUISA', 'JOSE ANTONIO', 'ÁNGEL', 'LUCÍA', 'IÑAKI', 'MA. DEL CARMEN', 'RAÚL', 'XÓCHITL', 'ELENA');
const surname = fc.constantFrom('HERNÁNDEZ', 'DE LA CRUZ', 'DEL VALLE', 'NÚÑEZ', 'VAN DYKE', 'OCHOA', 'YÁÑEZ', 'UGALDE', 'IBARRA', 'LLAMAS', 'CHÁVEZ', 'O');
const date = fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const person = fc.record({
  givenNames: given,
  firstSurname: surname,
  secondSurname: fc.option(surname, { nil: null }),
  birthDate: date,
  sex: fc.constantFrom('H' as const, 'M' as const, 'X' as const),
  birthState: fc.constantFrom(...Object.keys(CURP_STATES)),
});
const curpOf = (p: CurpPersonData) => complete(expectedCurpPrefix(p), p.birthDate);

/**
 * Prefixes worked out by hand from the rules of docs/domain.md §1 (not from the code): each vector
 * exercises one rule, so a regression names the rule it broke.
 */
const HAND_BUILT: Array<[rule: string, person: CurpPersonData, prefix: string]> = [
  ['Instructivo sample', { givenNames: 'CONCEPCIÓN', firstSurname: 'SALGADO', secondSurname: 'BRISEÑO', birthDate: '1956-06-26', sex: 'M', birthState: 'DF' }, 'SABC560626MDFLRN'],
  ['leading particles of a surname are skipped', { givenNames: 'JUAN', firstSurname: 'DE LA CRUZ', secondSurname: 'LOPEZ', birthDate: '1990-05-12', sex: 'H', birthState: 'JC' }, 'CULJ900512HJCRPN'],
  ['MARIA + a second name uses the second', { givenNames: 'MARIA LUISA', firstSurname: 'PEREZ', secondSurname: 'GARCIA', birthDate: '1985-01-20', sex: 'M', birthState: 'DF' }, 'PEGL850120MDFRRS'],
  ['Ñ becomes X where a letter is taken', { givenNames: 'IÑIGO', firstSurname: 'NUÑEZ', secondSurname: 'IBAÑEZ', birthDate: '2001-03-04', sex: 'H', birthState: 'NE' }, 'NUII010304HNEXBX'],
  ['an inconvenient word gets X in position 2', { givenNames: 'YOLANDA', firstSurname: 'BUENO', secondSurname: 'ESPARZA', birthDate: '1970-07-07', sex: 'M', birthState: 'SL' }, 'BXEY700707MSLNSL'],
  ['no second surname gives X in positions 3 and 15', { givenNames: 'ANA', firstSurname: 'LOPEZ', secondSurname: null, birthDate: '1999-12-31', sex: 'M', birthState: 'OC' }, 'LOXA991231MOCPXN'],
  ['a one-letter surname has no internal vowel or consonant', { givenNames: 'PEDRO', firstSurname: 'O', secondSurname: 'RUIZ', birthDate: '1960-02-28', sex: 'H', birthState: 'YN' }, 'OXRP600228HYNXZD'],
  ['accents are dropped', { givenNames: 'ÉDGAR', firstSurname: 'ÁLVAREZ', secondSurname: 'ÚBEDA', birthDate: '1975-11-11', sex: 'H', birthState: 'PL' }, 'AAUE751111HPLLBD'],
  ['JOSE + a second name, and a particle-only-but-one second surname', { givenNames: 'JOSE ANTONIO', firstSurname: 'MARTINEZ', secondSurname: 'DE LA O', birthDate: '1988-08-08', sex: 'H', birthState: 'GT' }, 'MAOA880808HGTRXN'],
  ['CH and LL count as two letters by default', { givenNames: 'CHRISTIAN', firstSurname: 'CHAVEZ', secondSurname: 'LLAMAS', birthDate: '1995-05-05', sex: 'H', birthState: 'CH' }, 'CALC950505HCHHLH'],
  ['MA. and particles at the start of the given names are skipped', { givenNames: 'MA. DE LOS ANGELES', firstSurname: 'SOTO', secondSurname: 'RUIZ', birthDate: '1982-03-03', sex: 'M', birthState: 'MC' }, 'SORA820303MMCTZN'],
];

describe('the century (position 17) and inconvenient words (position 2)', () => {
  const sofia = { givenNames: 'SOFIA', firstSurname: 'RAMOS', secondSurname: 'ORTIZ', sex: 'M' as const, birthState: 'DG' };

  it('a letter at position 17 with a 1999 birth date is a mismatch at position 17', () => {
    const result = checkCurpConsistency('RAOS991231MDGMRFA5', { ...sofia, birthDate: '1999-12-31' }, { asOf: '2026-12-01' });
    expect(result.consistent).toBe(false);
    expect(result.mismatches).toEqual([expect.objectContaining({ field: 'birthDate', positions: [17], actual: 'A' })]);
    expect(result.structuralIssues).toEqual([expect.objectContaining({ code: 'CURP_DIFFERENTIATOR', position: 17 })]);
  });

  it('a digit at position 17 with a 2000 birth date is a mismatch at position 17', () => {
    const result = checkCurpConsistency('RAOS000101MDGMRF01', { ...sofia, birthDate: '2000-01-01' }, { asOf: '2026-12-01' });
    expect(result.mismatches).toEqual([expect.objectContaining({ field: 'birthDate', positions: [17], actual: '0' })]);
  });

  it('a different second surname that undoes an inconvenient word is reported on the second surname only', () => {
    const oscar = { givenNames: 'OSCAR', firstSurname: 'PUENTE', secondSurname: 'TAPIA', birthDate: '1980-05-05', sex: 'H' as const, birthState: 'SP' };
    expect(checkCurpConsistency('PXTO800505HSPNPS06', oscar).consistent).toBe(true);
    const { mismatches } = checkCurpConsistency('PXTO800505HSPNPS06', { ...oscar, secondSurname: 'LOPEZ' });
    expect(mismatches.map((m) => [m.field, m.positions])).toEqual([['secondSurname', [3]]]);
  });
});

describe('hand-built vectors', () => {
  it.each(HAND_BUILT)('%s', (_rule, data, expected) => {
    expect(expectedCurpPrefix(data)).toBe(expected);
  });
});

describe('properties', () => {
  it('a CURP built from the rules passes the structural validator (differentiator, check digit, entity)', () => {
    fc.assert(
      fc.property(person, (p) => {
        expect(validateCurp(curpOf(p)).ok).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a different birth date is reported as a birthDate mismatch, and only that', () => {
    fc.assert(
      fc.property(person, date, (p, other) => {
        fc.pre(other.slice(2) !== p.birthDate.slice(2));
        const { mismatches } = checkCurpConsistency(curpOf(p), { ...p, birthDate: other });
        expect(mismatches.map((m) => m.field)).toEqual(['birthDate']);
      }),
      { numRuns: 300 },
    );
  });

  it('a different sex is reported at position 11', () => {
    fc.assert(
      fc.property(person, fc.constantFrom('H' as const, 'M' as const, 'X' as const), (p, sex) => {
        fc.pre(sex !== p.sex);
        const { mismatches } = checkCurpConsistency(curpOf(p), { ...p, sex });
        expect(mismatches).toEqual([expect.objectContaining({ field: 'sex', positions: [11] })]);
      }),
    );
  });

  it('a second surname with another initial is reported on secondSurname', () => {
    fc.assert(
      fc.property(person, fc.constantFrom('ZAPATA', 'QUIROGA', 'WONG'), (p, other) => {
        const { mismatches } = checkCurpConsistency(curpOf(p), { ...p, secondSurname: other });
        expect(mismatches.map((m) => m.field)).toContain('secondSurname');
        expect(mismatches.find((m) => m.field === 'secondSurname')!.positions).toContain(3);
      }),
    );
  });
});

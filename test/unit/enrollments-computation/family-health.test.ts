/** Family health insurance (modalidad 33): quotes by age band, questionnaire, waiting periods, coverage. */
import { describe, expect, it } from 'vitest';
import {
  assessQuestionnaires, EXCLUDED_CONDITION_TABLE, EXCLUDED_CONDITIONS, familyHealthCoverage, familyHealthQuote, paidYearEnd, waitingPeriods,
} from '../../../subgraphs/enrollments/rules/family-health/index.ts';
import { FAMILY_HEALTH_FEE_TABLE, MissingReferenceValue, valueInForce } from '../../../subgraphs/enrollments/rules/reference/index.ts';

function quote(birthDates: string[], paymentDate: string) {
  const result = familyHealthQuote(birthDates.map((birthDate) => ({ birthDate })), paymentDate, FAMILY_HEALTH_FEE_TABLE);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '));
  return result;
}

describe('family health quote', () => {
  it('puts a member in the band of their age on the payment date', () => {
    expect(quote(['2005-06-10'], '2025-06-09').members[0]).toMatchObject({ ageOnPayment: 19, band: '0-19', fee: 890000 });
    expect(quote(['2005-06-10'], '2025-06-10').members[0]).toMatchObject({ ageOnPayment: 20, band: '20-29', fee: 1110000 });
  });

  it('uses the fee table in force on the payment date (new table from 1 March 2025)', () => {
    expect(quote(['2000-01-01'], '2025-02-28').members[0]?.fee).toBe(1020000);
    expect(quote(['2000-01-01'], '2025-03-01').members[0]?.fee).toBe(1110000);
  });

  it('counts a 29 February birthday from 1 March in common years', () => {
    expect(quote(['2004-02-29'], '2025-02-28').members[0]?.ageOnPayment).toBe(20);
    expect(quote(['2004-02-29'], '2025-03-01').members[0]?.ageOnPayment).toBe(21);
  });

  it('quotes each enrolled member and totals them, open top band included', () => {
    const q = quote(['1980-05-01', '1982-07-15', '2012-01-20', '1940-03-03'], '2025-09-01');
    expect(q.members.map((m) => [m.band, m.fee])).toEqual([['40-49', 1380000], ['40-49', 1380000], ['0-19', 890000], ['80+', 2130000]]);
    expect(q.total).toBe(5780000);
    expect(q.confirmed).toBe(true);
  });

  it('marks quotes paid from 1 March 2026 as provisional (2026 table unconfirmed)', () => {
    const q = quote(['1990-01-01'], '2026-03-01');
    expect(q.confirmed).toBe(false);
    expect(q.feeTable).toMatchObject({ validFrom: '2026-03-01', validTo: null, confirmed: false });
  });

  it('echoes the caller reference of each member', () => {
    const result = familyHealthQuote([{ birthDate: '1990-01-01', ref: 'p-1' }], '2025-09-01', FAMILY_HEALTH_FEE_TABLE);
    expect(result.ok && result.members[0]?.ref).toBe('p-1');
  });

  it('refuses an empty family and members born after the payment, with positions', () => {
    expect(familyHealthQuote([], '2025-09-01', FAMILY_HEALTH_FEE_TABLE)).toMatchObject({ ok: false, issues: [{ code: 'FAMILY_HEALTH_NO_MEMBERS' }] });
    expect(familyHealthQuote([{ birthDate: '1990-01-01' }, { birthDate: '2025-09-02' }], '2025-09-01', FAMILY_HEALTH_FEE_TABLE))
      .toMatchObject({ ok: false, issues: [{ code: 'MEMBER_BIRTH_DATE_AFTER_PAYMENT', position: 2 }] });
    expect(familyHealthQuote([{ birthDate: '1990-02-30' }], '2025-09-01', FAMILY_HEALTH_FEE_TABLE)).toMatchObject({ ok: false, issues: [{ code: 'MEMBER_BIRTH_DATE_INVALID', position: 1 }] });
  });

  it('throws REFERENCE_TABLE_MISSING before the first seeded fee table', () => {
    expect(() => familyHealthQuote([{ birthDate: '1990-01-01' }], '2023-12-31', FAMILY_HEALTH_FEE_TABLE)).toThrow(MissingReferenceValue);
  });
});

describe('medical questionnaire (RACERF art. 82)', () => {
  it('catalogues the fourteen excluded conditions with distinct codes', () => {
    expect(EXCLUDED_CONDITIONS).toHaveLength(14);
    expect(new Set(EXCLUDED_CONDITIONS.map((c) => c.code)).size).toBe(14);
  });

  it('refuses only the member who declares a condition, never the rest of the family', () => {
    const [parent, child] = assessQuestionnaires([
      { ref: 'parent', declaredConditions: ['CHRONIC_RENAL_FAILURE'] },
      { ref: 'child', declaredConditions: [] },
    ]);
    expect(parent).toMatchObject({ insurable: false, exclusions: ['CHRONIC_RENAL_FAILURE'], issues: [{ code: 'MEMBER_PRE_EXISTING_CONDITION' }] });
    expect(child).toMatchObject({ insurable: true, exclusions: [], issues: [] });
  });

  it('enrolls the member with the conditions excluded under the EXCLUDE_CONDITIONS policy', () => {
    const [member] = assessQuestionnaires([{ ref: 'm', declaredConditions: ['HIV_AIDS', 'HEART_FAILURE', 'HIV_AIDS'] }], { policy: 'EXCLUDE_CONDITIONS' });
    expect(member).toEqual({ ref: 'm', insurable: true, exclusions: ['HIV_AIDS', 'HEART_FAILURE'], issues: [] });
  });

  it('asks the catalogue in force: the dated seed holds the same fourteen conditions since the RACERF', () => {
    expect(valueInForce(EXCLUDED_CONDITION_TABLE, '2002-11-02').value).toBe(EXCLUDED_CONDITIONS);
    expect(() => valueInForce(EXCLUDED_CONDITION_TABLE, '2002-11-01')).toThrow(MissingReferenceValue);
  });

  it('assesses against the catalogue passed in, so a code added to the table is known', () => {
    const conditions = [...EXCLUDED_CONDITIONS, { code: 'NEW_CONDITION', label: 'A condition added later', labelEs: 'Nueva' }];
    expect(assessQuestionnaires([{ ref: 'm', declaredConditions: ['NEW_CONDITION'] }])[0]?.issues.map((i) => i.code)).toEqual(['CONDITION_CODE_UNKNOWN']);
    expect(assessQuestionnaires([{ ref: 'm', declaredConditions: ['NEW_CONDITION'] }], { conditions })[0]?.issues.map((i) => i.code)).toEqual(['MEMBER_PRE_EXISTING_CONDITION']);
  });

  it('does not assess a questionnaire with an unknown condition code', () => {
    const [member] = assessQuestionnaires([{ ref: 'm', declaredConditions: ['ASTHMA'] }], { policy: 'EXCLUDE_CONDITIONS' });
    expect(member).toMatchObject({ insurable: false, issues: [{ code: 'CONDITION_CODE_UNKNOWN' }] });
  });
});

describe('waiting periods (RACERF art. 83)', () => {
  it('returns every procedure with the end of its waiting period, all unconfirmed', () => {
    const periods = waitingPeriods('2025-01-01');
    expect(periods.find((p) => p.code === 'BENIGN_BREAST_TUMOUR')).toMatchObject({ months: 6, waitingEndsOn: '2025-06-30', coveredFrom: '2025-07-01' });
    expect(periods.find((p) => p.code === 'CHILDBIRTH')).toMatchObject({ months: 10, waitingEndsOn: '2025-10-31', coveredFrom: '2025-11-01' });
    expect(periods.find((p) => p.code === 'HERNIA_SURGERY')).toMatchObject({ months: 12, coveredFrom: '2026-01-01' });
    expect(periods.find((p) => p.code === 'ORTHOPAEDIC_SURGERY')).toMatchObject({ months: 24, coveredFrom: '2027-01-01' });
    expect(periods.every((p) => !p.confirmed && p.source.length > 0)).toBe(true);
  });

  it('ends a period starting on the 31st at the end of a shorter month', () => {
    const breast = waitingPeriods('2025-08-31').find((p) => p.code === 'BENIGN_BREAST_TUMOUR');
    expect(breast).toMatchObject({ coveredFrom: '2026-02-28', waitingEndsOn: '2026-02-27' });
  });

  it('has one tier each of 6 and 10 months and procedures at 12 and 24 months', () => {
    const months = new Set(waitingPeriods('2025-01-01').map((p) => p.months));
    expect([...months].sort((a, b) => a - b)).toEqual([6, 10, 12, 24]);
  });
});

describe('coverage', () => {
  const enrollment = {
    enrolledSince: '2025-01-01',
    coverageStart: '2026-01-01',
    members: [{ personId: 'holder' }, { personId: 'spouse', exclusions: ['HEART_FAILURE'] }],
  };

  it('covers only enrolled members', () => {
    expect(familyHealthCoverage(enrollment, 'holder', '2026-05-01')).toEqual({ covered: true });
    expect(familyHealthCoverage(enrollment, 'child', '2026-05-01')).toMatchObject({ covered: false, code: 'NOT_ENROLLED' });
  });

  it('covers the paid year only, both ends included', () => {
    expect(familyHealthCoverage(enrollment, 'holder', '2026-12-31').covered).toBe(true);
    expect(familyHealthCoverage(enrollment, 'holder', '2027-01-01')).toMatchObject({ covered: false, code: 'OUTSIDE_PAID_YEAR' });
    expect(familyHealthCoverage(enrollment, 'holder', '2025-12-31')).toMatchObject({ covered: false, code: 'OUTSIDE_PAID_YEAR' });
  });

  it('ends a year paid from 29 February on 28 February', () => {
    expect(paidYearEnd('2028-02-29')).toBe('2029-02-28');
    expect(paidYearEnd('2026-03-01')).toBe('2027-02-28');
  });

  it('excludes a member’s declared condition but not the same condition for another member', () => {
    expect(familyHealthCoverage(enrollment, 'spouse', '2026-05-01', { conditionCode: 'HEART_FAILURE' })).toMatchObject({ covered: false, code: 'EXCLUDED_CONDITION' });
    expect(familyHealthCoverage(enrollment, 'holder', '2026-05-01', { conditionCode: 'HEART_FAILURE' }).covered).toBe(true);
  });

  it('counts waiting periods from the first enrollment, not the renewal', () => {
    expect(familyHealthCoverage(enrollment, 'holder', '2026-05-01', { procedureCode: 'CHILDBIRTH' }).covered).toBe(true);
    expect(familyHealthCoverage(enrollment, 'holder', '2026-12-31', { procedureCode: 'ORTHOPAEDIC_SURGERY' })).toMatchObject({ covered: false, code: 'WAITING_PERIOD', coveredFrom: '2027-01-01' });
  });
});

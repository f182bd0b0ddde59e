/**
 * Family health insurance (modalidad 33) through the gateway on PostgreSQL: fees by age band on
 * the date of payment (band edges, the 1 March fee-table change), the medical questionnaire, the
 * waiting periods, coverage of the members only, and nobody covered twice.
 */
import { describe, expect } from 'vitest';
import { gql } from '../../support/graphql.ts';
import { testCurp } from '../../support/enrollments.ts';
import { enrollmentsTest as it } from './support.ts';
import type { As } from '../../support/fixtures.ts';

const QUOTE = gql`query($i: FamilyHealthQuoteInput!) {
  familyHealthQuote(input: $i) { paymentDate totalCentavos confirmed members { ageOnPayment ageBand annualFeeCentavos } feeTable { table validFrom validTo confirmed } }
}`;
const ENROLL = gql`mutation($i: EnrollFamilyHealthInput!) {
  enrollFamilyHealth(input: $i) {
    enrollment {
      id kind modality startDate endDate
      familyHealth {
        paymentDate coverageStart coverageEnd totalAnnualFeeCentavos feesConfirmed
        members { curp relationship ageOnPayment ageBand annualFeeCentavos declaredConditions exclusions }
        waitingPeriods { code months waitingEndsOn coveredFrom }
      }
    }
    refusedMembers { curp issues { code } }
  }
}`;
const STAFF = { purpose: 'VOLUNTARY_ENROLLMENT:window-2' };
/** Consulate staff serving the family's holder: the holder's appointment, checked in today, is the case. */
const staffOnCaseOf = (as: As, holder: string) => as('CONSULATE_STAFF', { ...STAFF, caseFor: holder });
const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;
const member = (curp: string, relationship: string, declaredConditions: string[] = []) => ({ curp, relationship, declaredConditions });

describe('enrollments: family health fees', () => {
  it('puts a member who turns 20 on the payment date in the 20-29 band, and the day before in 0-19', async ({ as }) => {
    const at = async (paymentDate: string) => (await as('ANONYMOUS').query(QUOTE, { i: { members: [{ birthDate: '2006-03-10' }], paymentDate } })).data?.familyHealthQuote.members[0];
    expect(await at('2026-03-09')).toEqual({ ageOnPayment: 19, ageBand: '0-19', annualFeeCentavos: 890_000 });
    expect(await at('2026-03-10')).toEqual({ ageOnPayment: 20, ageBand: '20-29', annualFeeCentavos: 1_110_000 });
  });

  it('uses the fee table in force on the payment date: the earlier table on 28 February 2025, the new one from 1 March', async ({ as }) => {
    const before = await as('ANONYMOUS').query(QUOTE, { i: { members: [{ birthDate: '1980-05-01' }, { birthDate: '1940-01-01' }], paymentDate: '2025-02-28' } });
    const after = await as('ANONYMOUS').query(QUOTE, { i: { members: [{ birthDate: '1980-05-01' }, { birthDate: '1940-01-01' }], paymentDate: '2025-03-01' } });
    expect(before.data?.familyHealthQuote).toMatchObject({ totalCentavos: 1_270_000 + 1_970_000, confirmed: false, feeTable: { validFrom: '2024-01-01', validTo: '2025-02-28' } });
    expect(after.data?.familyHealthQuote).toMatchObject({ totalCentavos: 1_380_000 + 2_130_000, confirmed: true, feeTable: { validFrom: '2025-03-01', validTo: '2026-02-28' } });
  });

  it('names the fee table when no row is in force on the payment date', async ({ as }) => {
    const res = await as('ANONYMOUS').query(QUOTE, { i: { members: [{ birthDate: '1980-05-01' }], paymentDate: '2023-12-31' } });
    expect(codeOf(res)).toBe('REFERENCE_TABLE_MISSING');
    expect(res.errors?.[0]?.extensions).toMatchObject({ table: 'FAMILY_HEALTH_FEES', date: '2023-12-31' });
  });
});

describe('enrollments: family health enrollment', () => {
  it('enrolls the holder and the insurable members, refuses a member with an excluded condition, and dates each waiting period', async ({ system, clock, as }) => {
    clock.set('2026-03-10');
    const child = testCurp(200, '2015-06-01', 'M');
    const res = await as('INSURED').query(ENROLL, { i: {
      country: 'MX',
      members: [member(system.insuredCurp, 'HOLDER'), member(child, 'CHILD'), member(system.pensionerCurp, 'PARENT', ['CHRONIC_RENAL_FAILURE'])],
    } });
    expect(res.errors).toBeUndefined();
    const { enrollment, refusedMembers } = res.data?.enrollFamilyHealth;
    expect(refusedMembers).toEqual([{ curp: system.pensionerCurp, issues: [{ code: 'MEMBER_PRE_EXISTING_CONDITION' }] }]);
    expect(enrollment).toMatchObject({ kind: 'FAMILY_HEALTH', modality: '33', startDate: '2026-04-01', endDate: '2027-03-31' });
    expect(enrollment.familyHealth).toMatchObject({ paymentDate: '2026-03-10', coverageStart: '2026-04-01', coverageEnd: '2027-03-31', totalAnnualFeeCentavos: 1_380_000 + 890_000, feesConfirmed: false });
    expect(enrollment.familyHealth.members).toEqual([
      { curp: child, relationship: 'CHILD', ageOnPayment: 10, ageBand: '0-19', annualFeeCentavos: 890_000, declaredConditions: [], exclusions: [] },
      { curp: system.insuredCurp, relationship: 'HOLDER', ageOnPayment: 46, ageBand: '40-49', annualFeeCentavos: 1_380_000, declaredConditions: [], exclusions: [] },
    ]);
    expect(enrollment.familyHealth.waitingPeriods).toContainEqual({ code: 'CHILDBIRTH', months: 10, waitingEndsOn: '2027-01-31', coveredFrom: '2027-02-01' });
    expect(enrollment.familyHealth.waitingPeriods).toContainEqual({ code: 'ORTHOPAEDIC_SURGERY', months: 24, waitingEndsOn: '2028-03-31', coveredFrom: '2028-04-01' });
  });

  it('covers only the members: a member gets a family health coverage period, the refused parent none', async ({ system, as }) => {
    const periods = await staffOnCaseOf(as, system.pensionerCurp).query(gql`query($c: Curp!) { person(curp: $c) { coveragePeriods { kind start end } } }`, { c: system.pensionerCurp });
    expect(periods.data?.person.coveragePeriods.map((p: { kind: string }) => p.kind)).not.toContain('FAMILY_HEALTH');
    const mine = await as('INSURED').query(gql`{ me { coveragePeriods { kind start end } } }`);
    expect(mine.data?.me.coveragePeriods).toContainEqual({ kind: 'FAMILY_HEALTH', start: '2026-04-01', end: '2027-03-31' });
  });

  it('refuses to cover a member twice over the same days, and the holder a second insurance', async ({ system, clock, as }) => {
    clock.set('2026-03-10');
    const again = await as('INSURED').query(ENROLL, { i: { country: 'MX', coverageStart: '2026-06-01', members: [member(system.insuredCurp, 'HOLDER')] } });
    expect(codeOf(again)).toBe('FAMILY_HEALTH_ALREADY_ENROLLED');
    const child = testCurp(200, '2015-06-01', 'M');
    const elsewhere = await staffOnCaseOf(as, testCurp(201)).query(ENROLL, { i: { holderCurp: testCurp(201), country: 'US', members: [member(testCurp(201), 'HOLDER'), member(child, 'CHILD')] } });
    expect(codeOf(elsewhere)).toBe('FAMILY_HEALTH_MEMBER_ALREADY_COVERED');
    expect(await system.db.database.sql`select 1 from enrollments.enrollments where curp = ${testCurp(201)}`).toHaveLength(0);
  });

  it('refuses a payment after the paid year has started (paid annually in advance)', async ({ clock, as }) => {
    clock.set('2026-03-10');
    const res = await staffOnCaseOf(as, testCurp(202)).query(ENROLL, { i: { holderCurp: testCurp(202), country: 'US', coverageStart: '2026-03-01', members: [member(testCurp(202), 'HOLDER')] } });
    expect(codeOf(res)).toBe('FAMILY_HEALTH_PAYMENT_NOT_IN_ADVANCE');
  });

  it('refuses an unknown condition code and a family in which nobody is insurable, writing nothing', async ({ system, clock, as }) => {
    clock.set('2026-03-10');
    const holder = testCurp(203);
    const unknown = await staffOnCaseOf(as, holder).query(ENROLL, { i: { holderCurp: holder, country: 'US', members: [member(holder, 'HOLDER', ['ASTHMA'])] } });
    expect(codeOf(unknown)).toBe('CONDITION_CODE_UNKNOWN');
    const nobody = await staffOnCaseOf(as, holder).query(ENROLL, { i: { holderCurp: holder, country: 'US', members: [member(holder, 'HOLDER', ['HIV_AIDS'])] } });
    expect(codeOf(nobody)).toBe('FAMILY_HEALTH_NO_INSURABLE_MEMBER');
    expect(await system.db.database.sql`select 1 from enrollments.enrollments where curp = ${holder}`).toHaveLength(0);
  });

  it('records the consulate of the staff member who enrolled the family, and audits each member', async ({ system, clock, as }) => {
    clock.set('2026-03-10');
    const holder = testCurp(204);
    const spouse = testCurp(205, '1987-02-02', 'M');
    const res = await staffOnCaseOf(as, holder).query(gql`mutation($i: EnrollFamilyHealthInput!) { enrollFamilyHealth(input: $i) { enrollment { country consulateId } } }`,
      { i: { holderCurp: holder, country: 'US', members: [member(holder, 'HOLDER'), member(spouse, 'SPOUSE')] } });
    expect(res.data?.enrollFamilyHealth.enrollment).toEqual({ country: 'US', consulateId: 'CON-LAX' });
    const audit = await system.db.database.sql`select subject_curp, what, purpose from audit.access_events where action = 'WRITE' and subject_curp in (${holder}, ${spouse}) order by subject_curp`;
    expect(audit).toHaveLength(2);
    expect(audit.every((row) => row.what === 'enrollFamilyHealth' && row.purpose === STAFF.purpose)).toBe(true);
  });

  it("refuses another insured person's family (NOT_FOUND) and staff without a purpose", async ({ system, as }) => {
    const other = await as('INSURED', { claims: { curp: system.pensionerCurp } }).query(ENROLL, { i: { holderCurp: system.insuredCurp, country: 'MX', members: [member(system.insuredCurp, 'HOLDER')] } });
    expect(codeOf(other)).toBe('NOT_FOUND');
    const noPurpose = await as('CONSULATE_STAFF').query(ENROLL, { i: { holderCurp: testCurp(206), country: 'MX', members: [member(testCurp(206), 'HOLDER')] } });
    expect(codeOf(noPurpose)).toBe('PURPOSE_REQUIRED');
  });
});

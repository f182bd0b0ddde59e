/**
 * Reference tables live in the database with their validity dates: the values in force on a date
 * (1 February for the UMA, 1 January for the minimum wage), an error naming the table when none
 * is, and a new version taking effect without any code change.
 */
import { describe, expect } from 'vitest';
import { gql } from '../../support/graphql.ts';
import { enrollmentsTest as it } from './support.ts';

const VALUES = gql`query($d: Date!) {
  referenceValues(date: $d) {
    date
    uma { dailyCentavos monthlyCentavos annualCentavos validity { table validFrom validTo confirmed } }
    minimumWage { generalDailyCentavos northernBorderDailyCentavos validity { validFrom validTo } }
    familyHealthFees { bands { band annualFeeCentavos } validity { confirmed } }
    ptiProgramme { paymentDeadlineDay modality validity { confirmed } }
    waitingPeriods { procedures { code months } }
    excludedConditions { conditions { code } }
  }
}`;

describe('enrollments: reference values in force', () => {
  it('changes the UMA on 1 February, with INEGI monthly and annual figures', async ({ as }) => {
    const before = (await as('ANONYMOUS').query(VALUES, { d: '2026-01-31' })).data?.referenceValues.uma;
    const after = (await as('ANONYMOUS').query(VALUES, { d: '2026-02-01' })).data?.referenceValues.uma;
    expect(before).toMatchObject({ dailyCentavos: 11_314, monthlyCentavos: 343_946, annualCentavos: 4_127_352, validity: { table: 'UMA', validFrom: '2025-02-01', validTo: '2026-01-31', confirmed: true } });
    expect(after).toMatchObject({ dailyCentavos: 11_731, monthlyCentavos: 356_622, annualCentavos: 4_279_464 });
  });

  it('changes the minimum wage of each zone on 1 January', async ({ as }) => {
    expect((await as('ANONYMOUS').query(VALUES, { d: '2025-12-31' })).data?.referenceValues.minimumWage).toMatchObject({ generalDailyCentavos: 27_880, northernBorderDailyCentavos: 41_988 });
    expect((await as('ANONYMOUS').query(VALUES, { d: '2026-01-01' })).data?.referenceValues.minimumWage).toMatchObject({ generalDailyCentavos: 31_504, northernBorderDailyCentavos: 44_087 });
  });

  it('names each table with no value in force on the date, and still answers the others', async ({ as }) => {
    const res = await as('ANONYMOUS').query(VALUES, { d: '2024-06-01' });
    const missing = (res.errors ?? []).map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.table]);
    expect(missing).toEqual(expect.arrayContaining([
      ['referenceValues.uma', 'REFERENCE_TABLE_MISSING', 'UMA'],
      ['referenceValues.minimumWage', 'REFERENCE_TABLE_MISSING', 'MINIMUM_WAGE'],
    ]));
    expect(res.data?.referenceValues).toMatchObject({ uma: null, minimumWage: null, familyHealthFees: { validity: { confirmed: false } }, ptiProgramme: { paymentDeadlineDay: 20, modality: '44', validity: { confirmed: false } } });
    expect(res.data?.referenceValues.excludedConditions.conditions).toHaveLength(14);
    expect(res.data?.referenceValues.waitingPeriods.procedures.find((p: { code: string }) => p.code === 'CHILDBIRTH')).toEqual({ code: 'CHILDBIRTH', months: 10 });
  });

  it('uses a version added to the database at once, and refuses one that overlaps', async ({ system, clock, as }) => {
    const sql = system.db.database.sql;
    expect((await as('ANONYMOUS').query(VALUES, { d: '2027-01-15' })).data?.referenceValues.minimumWage).toBeNull();
    const [added] = await sql<{ id: string }[]>`insert into enrollments.reference_versions (table_name, valid_from, valid_to, source, checked_on, confirmed)
      values ('MINIMUM_WAGE', '2027-01-01', null, 'test: a new decree', '2027-01-01', true) returning id`;
    await sql`insert into enrollments.minimum_wages (version_id, zone, daily_centavos) values (${added!.id}, 'GENERAL', 35000), (${added!.id}, 'NORTHERN_BORDER', 47000)`;
    expect((await as('ANONYMOUS').query(VALUES, { d: '2027-01-15' })).data?.referenceValues.minimumWage).toMatchObject({ generalDailyCentavos: 35_000, validity: { validFrom: '2027-01-01', validTo: null } });
    await expect(sql`insert into enrollments.reference_versions (table_name, valid_from, valid_to, source, checked_on, confirmed)
      values ('MINIMUM_WAGE', '2026-12-01', '2027-02-01', 'overlapping', '2027-01-01', true)`).rejects.toMatchObject({ code: '23P01' });

    // The PTI quote for January 2027 now finds its minimum wage (PTI rates still end in 2026).
    clock.set('2026-12-21');
    const quote = await as('ANONYMOUS').query(gql`{ independentWorkerQuote(input: { declaredMonthlyIncomeCentavos: 1500000, paymentPeriod: MONTHLY }) { coverageStart } }`);
    expect(quote.errors?.[0]?.extensions).toMatchObject({ code: 'REFERENCE_TABLE_MISSING', table: 'PTI_RATES', date: '2027-01-01' });
  });
});

/**
 * The scale seed's payments (db/seed-scale/payments.ts) read through the gateway like live ones:
 * the bank that collected a seeded reference looks it up and sees it PAID with its payment, and a
 * person's debt statement shows the seeded obligations with their payments and the overdue ones.
 */
import { describe, expect } from 'vitest';
import { seedAtScale } from '../../../db/seed-scale/index.ts';
import { loadBiometricMasterKeys } from '../../../subgraphs/biometrics/crypto/master-keys.ts';
import { gql } from '../../support/graphql.ts';
import { systemTest as it } from '../../support/fixtures.ts';

const LOOKUP = gql`query($r: String!) { paymentReference(reference: $r) { concept period amountCentavos dueDate status payment { bankId amountCentavos } } }`;
const STATEMENT = gql`query($i: DebtStatementInput!) { debtStatement(input: $i) {
  totalPaidCentavos totalOverdueCentavos obligations { period amountCentavos dueDate paid overdue } payments { amountCentavos bankId period }
} }`;

describe('payments of the scale seed, through the gateway', () => {
  it("answers a partner bank's lookup and a person's debt statement from seeded rows", async ({ system, as }) => {
    const { database } = system.db;
    await seedAtScale(database, { persons: 400, seed: 23, now: system.now(), masterKeys: await loadBiometricMasterKeys(), batchSize: 200 });
    // A person with a paid and an overdue period.
    const [person] = await database.sql<{ curp: string }[]>`
      select r.curp from enrollments.payment_references r left join enrollments.payments p on p.reference_id = r.id
      where r.obligation like 'INDEPENDENT_WORKER_CONTRIBUTION:%' and r.curp in (select curp from persons.persons)
      group by r.curp having count(p.id) > 0 and count(*) filter (where p.id is null and r.expires_on < ${system.now().toISOString().slice(0, 10)}) > 0
      order by r.curp limit 1`;
    expect(person).toBeDefined();
    const rows = await database.sql<{ reference: string; period: string; amount: number; due_date: string; bank_id: string | null }[]>`
      select r.reference, r.period, r.amount_centavos as amount, r.due_date::text, p.bank_id
      from enrollments.payment_references r left join enrollments.payments p on p.reference_id = r.id where r.curp = ${person!.curp} order by r.period_start`;
    const paid = rows.find((r) => r.bank_id !== null)!;

    const lookup = await as('BANK', { claims: { bank_id: paid.bank_id } }).query(LOOKUP, { r: paid.reference });
    expect(lookup.errors).toBeUndefined();
    expect(lookup.data?.paymentReference).toEqual({
      concept: 'INDEPENDENT_WORKER_CONTRIBUTION', period: paid.period, amountCentavos: paid.amount, dueDate: paid.due_date, status: 'PAID',
      payment: { bankId: paid.bank_id, amountCentavos: paid.amount },
    });

    const officer = as('IMSS_OFFICER', { purpose: 'VOLUNTARY_ENROLLMENT', exception: 'Estado de adeudo de un asegurado sintético (prueba)' });
    const statement = await officer.query(STATEMENT, { i: { curp: person!.curp } });
    expect(statement.errors).toBeUndefined();
    const today = system.now().toISOString().slice(0, 10);
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect(statement.data?.debtStatement).toEqual({
      totalPaidCentavos: sum(rows.filter((r) => r.bank_id).map((r) => r.amount)),
      totalOverdueCentavos: sum(rows.filter((r) => !r.bank_id && r.due_date < today).map((r) => r.amount)),
      obligations: rows.map((r) => ({ period: r.period, amountCentavos: r.amount, dueDate: r.due_date, paid: r.bank_id !== null, overdue: r.bank_id === null && today > r.due_date })),
      payments: rows.filter((r) => r.bank_id).map((r) => ({ amountCentavos: r.amount, bankId: r.bank_id, period: r.period })),
    });
    expect(statement.data?.debtStatement.totalOverdueCentavos).toBeGreaterThan(0);
  });
});

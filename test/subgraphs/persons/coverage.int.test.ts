/** Coverage validity through federation: persons computes it from enrollments' periods (@requires). */
import { describe, expect } from 'vitest';
import { addDays } from '../../../subgraphs/shared/dates.ts';
import { systemTest as it } from '../../support/fixtures.ts';
import { gql } from '../../support/graphql.ts';

describe('persons: coverage through federation', () => {
  it('an employed insured person is covered, and so are eligible beneficiaries', async ({ as }) => {
    const res = await as('INSURED').query(gql`{ me { coverage { status validUntil beneficiaries { status beneficiary { relationship } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data?.me.coverage.status).toBe('ACTIVE');
    expect(res.data?.me.coverage.beneficiaries.map((b: { status: string }) => b.status)).toContain('ACTIVE');
  });

  it('a worker whose baja was 20 days ago keeps rights for 8 weeks (PRESERVED)', async ({ system, as }) => {
    const [row] = await system.db.database.sql<{ curp: string; end_date: string }[]>`
      select curp, end_date::text from enrollments.enrollments where end_date is not null and kind = 'EMPLOYMENT' limit 1`;
    const res = await as('CONSULATE_STAFF', { purpose: 'COVERAGE:window-2' }).query(gql`query($c: Curp!) { person(curp: $c) { coverage { status validUntil } } }`, { c: row!.curp });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ person: { coverage: { status: 'PRESERVED', validUntil: addDays(row!.end_date, 56) } } });
  });
});

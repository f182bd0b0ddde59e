/** Coverage validity through federation: persons computes it from enrollments' periods (@requires). */
import { describe, expect } from 'vitest';
import { addDays } from '../../../subgraphs/shared/dates.ts';
import { systemTest as it } from '../../support/fixtures.ts';
import { gql } from '../../support/graphql.ts';
import { daysFromToday, insertEnrollment, insertPerson } from '../../support/persons.ts';

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
    const res = await as('CONSULATE_STAFF', { purpose: 'COVERAGE_VALIDITY:window-2', caseFor: row!.curp }).query(gql`query($c: Curp!) { person(curp: $c) { coverage { status validUntil } } }`, { c: row!.curp });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ person: { coverage: { status: 'PRESERVED', validUntil: addDays(row!.end_date, 56) } } });
  });
});

const COVERAGE = gql`query($c: Curp!) { person(curp: $c) { coverage { status validUntil sources { kind } beneficiaries { status } } } }`;
const PURPOSE = 'COVERAGE_VALIDITY:window-2';

describe('persons: coverage over every source', () => {
  it('an employment baja stays preserved although a later family health period has ended', async ({ system, as }) => {
    const curp = await insertPerson(system.db.database);
    await insertEnrollment(system.db.database, curp, 'EMPLOYMENT', daysFromToday(-2000), daysFromToday(-36));
    await insertEnrollment(system.db.database, curp, 'FAMILY_HEALTH', daysFromToday(-386), daysFromToday(-19));
    const res = await as('CONSULATE_STAFF', { purpose: PURPOSE, caseFor: curp }).query(COVERAGE, { c: curp });
    expect(res.data?.person.coverage).toMatchObject({ status: 'PRESERVED', validUntil: daysFromToday(20) });
  });

  it('an open continuación voluntaria gives no medical coverage', async ({ system, as }) => {
    const curp = await insertPerson(system.db.database);
    await insertEnrollment(system.db.database, curp, 'VOLUNTARY_CONTINUATION', daysFromToday(-400), null);
    const res = await as('CONSULATE_STAFF', { purpose: PURPOSE, caseFor: curp }).query(COVERAGE, { c: curp });
    expect(res.data?.person.coverage.status).toBe('EXPIRED');
  });

  it('a pensioner abroad with a current proof of life is covered by the pension', async ({ system, as }) => {
    const res = await as('CONSULATE_STAFF', { purpose: PURPOSE, caseFor: system.pensionerCurp }).query(COVERAGE, { c: system.pensionerCurp });
    expect(res.data?.person.coverage).toMatchObject({ status: 'ACTIVE', validUntil: null });
    expect(res.data?.person.coverage.sources.map((s: { kind: string }) => s.kind)).toEqual(['PENSION']);
  });

  it('a pension paid abroad covers while its proof of life is current, and not once it is suspended for want of one', async ({ system, as }) => {
    const pensioner = (provedDaysAgo: number) => async () => {
      const curp = await insertPerson(system.db.database, { pensionStartedOn: daysFromToday(-900), pensionerAbroad: true });
      await system.db.database.sql`insert into persons.proofs_of_life (curp, proved_on, consulate_id, recorded_by) values (${curp}, ${daysFromToday(-provedDaysAgo)}, 'CON-LAX', 'test')`;
      return curp;
    };
    const [current, lapsed] = [await pensioner(20)(), await pensioner(400)()];
    // Asked together, as a queue would: one batch, the proofs read for both.
    const res = await as('CONSULATE_STAFF', { purpose: PURPOSE, exception: 'coverage of two pensioners' }).query(
      gql`query($a: Curp!, $b: Curp!) { a: person(curp: $a) { coverage { status } } b: person(curp: $b) { coverage { status } } }`,
      { a: current, b: lapsed },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: { coverage: { status: 'ACTIVE' } }, b: { coverage: { status: 'EXPIRED' } } });
  });
});

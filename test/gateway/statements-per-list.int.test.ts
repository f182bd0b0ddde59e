/**
 * SQL statements per operation (issue 17): an IMSS officer's list of N persons — today's queue at
 * their office, each person with their data, enrollments, coverage, appointments and biometric
 * status — costs every subgraph the same number of statements for N = 10 and N = 500. Lists are
 * resolved in batches (one entity fetch per subgraph, one SELECT per table, one audit INSERT),
 * never a statement per person. The persons come from the scale seed (db/seed-scale), so they
 * have enrollments, past appointments and consents like the real population; they are queued as
 * walk-ins today. Counts are asserted, never time.
 */
import { describe, expect } from 'vitest';
import { seedAtScale } from '../../db/seed-scale/index.ts';
import { localDateOf } from '../../subgraphs/appointments/rules/index.ts';
import { officeById } from '../../subgraphs/appointments/reference/index.ts';
import { loadBiometricMasterKeys } from '../../subgraphs/biometrics/crypto/master-keys.ts';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../schema/subgraphs.ts';
import { gql } from '../support/graphql.ts';
import { systemTest as it } from '../support/fixtures.ts';

const QUEUE = gql`{
  office(id: "IMSS-01") {
    queue {
      id status
      person {
        curp nss givenNames firstSurname coverage { status validUntil }
        enrollments { kind startDate endDate }
        coveragePeriods { start end kind }
        appointments { service status localDate }
        biometricStatus { consentInForce enrolledModalities }
      }
    }
  }
}`;

type Counts = Record<SubgraphName, number>;

describe('SQL statements per operation: a list of persons across every subgraph', () => {
  it('costs each subgraph as many statements for 500 persons as for 10 (no N+1)', async ({ system, as }) => {
    const { database } = system.db;
    await seedAtScale(database, { persons: 900, seed: 17, now: system.now(), masterKeys: await loadBiometricMasterKeys(), batchSize: 250 });
    const office = officeById('IMSS-01')!;
    const today = localDateOf(system.now(), office.timeZone);
    // The queue already holds the demo's entries; walk-ins bring it to exactly `size`.
    const queueLength = async () => (await database.sql<{ n: number }[]>`
      select count(*)::int as n from appointments.appointments where office_id = 'IMSS-01' and local_date = ${today}`)[0]!.n;
    const queueUpTo = async (size: number) => {
      const missing = size - (await queueLength());
      await database.sql`
        insert into appointments.appointments (office_id, curp, service, status, local_date, checked_in_at)
        select 'IMSS-01', p.curp, 'GENERAL_ADVICE', 'CHECKED_IN', ${today}, now()
        from persons.persons p
        join enrollments.enrollments e on e.curp = p.curp
        -- Nobody queued today, nor holding an active advice appointment on another day (one active
        -- appointment per person and service): the seed books days around its clock's date.
        where not exists (select 1 from appointments.appointments a where a.curp = p.curp
          and (a.local_date = ${today} or (a.service = 'GENERAL_ADVICE' and a.status in ('BOOKED', 'CHECKED_IN', 'CALLED'))))
        group by p.curp order by p.curp limit ${missing}`;
      expect(await queueLength()).toBe(size);
    };
    const officer = as('IMSS_OFFICER', { purpose: 'GENERAL_ADVICE', exception: 'Revisión de la fila del día (prueba de sentencias SQL)' });
    const statements = (): Counts => Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, system.subgraphs[n].database.statements.count])) as Counts;
    const costOf = async (size: number) => {
      await queueUpTo(size);
      await officer.query(QUEUE); // warm: every pool connection has its types and prepared statements
      const before = statements();
      const res = await officer.query(QUEUE);
      const after = statements();
      expect(res.errors).toBeUndefined();
      const queue = (res.data as { office: { queue: Array<{ person: { enrollments: unknown[]; biometricStatus: unknown } | null }> } }).office.queue;
      expect(queue).toHaveLength(size);
      expect(queue.every((entry) => entry.person !== null && entry.person.biometricStatus !== null)).toBe(true);
      expect(queue.filter((entry) => entry.person!.enrollments.length > 0).length).toBeGreaterThanOrEqual(size - 2);
      return Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, after[n] - before[n]])) as Counts;
    };

    const for10 = await costOf(10);
    const for500 = await costOf(500);
    expect(for500).toEqual(for10);
    // Each subgraph: its entity fetch's SELECTs and one audit INSERT (a few, whatever N is).
    for (const name of SUBGRAPH_NAMES) {
      expect(for10[name], name).toBeGreaterThan(0);
      expect(for10[name], name).toBeLessThanOrEqual(8);
    }
  });
});

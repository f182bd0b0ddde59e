/**
 * Statistics for analysts through the gateway on PostgreSQL: small cells withheld, and an
 * attacker solving the published totals exactly (test/unit/enrollments-computation/attacker.ts,
 * written independently of the suppression code) recovers no withheld count from the API's
 * answer — while the same counts with primary suppression only do give cells away, so the attack
 * is real. The summary is kept on write and is all a query reads.
 */
import { describe, expect } from 'vitest';
import type { PublishedTable } from '../../../subgraphs/enrollments/rules/statistics/index.ts';
import { suppressCounts } from '../../../subgraphs/enrollments/rules/statistics/index.ts';
import { gql } from '../../support/graphql.ts';
import { testCurp } from '../../support/enrollments.ts';
import { recoverSuppressed } from '../../unit/enrollments-computation/attacker.ts';
import { enrollmentsTest as it } from './support.ts';

const TABLE = gql`query($d: [StatisticsDimension!]!, $m: StatisticsMeasure, $y: Int) {
  enrollmentStatisticsTable(dimensions: $d, measure: $m, year: $y) {
    dimensions measure year k
    cells { key { dimension value } over count suppressed growth }
    totals { key { dimension value } over count suppressed growth }
    grandTotal { count suppressed }
  }
}`;

interface ApiEntry { key: Array<{ dimension: string; value: string }>; over: string[]; count: number | null; suppressed: boolean; growth: number | null }
interface ApiTable { dimensions: string[]; k: number; cells: ApiEntry[]; totals: ApiEntry[]; grandTotal: ApiEntry }

/** The API's answer in the shape the attacker reads (everything it publishes, nothing more). */
function asPublished(table: ApiTable): PublishedTable {
  const key = (e: ApiEntry) => Object.fromEntries(e.key.map((c) => [c.dimension, c.value]));
  const totals = table.totals.map((e) => ({ key: key(e), over: e.over, count: e.count, suppressed: e.suppressed }));
  return { dimensions: table.dimensions, categories: {}, k: table.k, cells: table.cells.map((e) => ({ key: key(e), count: e.count, suppressed: e.suppressed })), totals, grandTotal: totals.at(-1)! };
}

describe('enrollments: statistics for analysts', () => {
  it('withholds every count under k, cells and totals alike: no row about one person', async ({ as }) => {
    for (const d of [['PROGRAM'], ['CONSULATE', 'PROGRAM'], ['CONSULATE', 'SEX', 'AGE_BAND'], ['COUNTRY', 'MONTH']]) {
      const res = await as('ANALYST').query(TABLE, { d, y: d.includes('MONTH') ? 2025 : null });
      expect(res.errors, JSON.stringify(d)).toBeUndefined();
      const table = res.data?.enrollmentStatisticsTable as ApiTable;
      expect(table.k).toBe(10);
      for (const entry of [...table.cells, ...table.totals]) {
        if (entry.suppressed) expect(entry.count).toBeNull();
        else expect(entry.count === 0 || entry.count! >= 10).toBe(true);
      }
    }
  });

  it('shows analysts the consulates with ten or more enrollments', async ({ as }) => {
    const res = await as('ANALYST').query(TABLE, { d: ['CONSULATE'] });
    const cells = (res.data?.enrollmentStatisticsTable as ApiTable).cells;
    expect(cells.find((c) => c.key[0]!.value === 'CON-LAX')).toMatchObject({ suppressed: false });
    expect(cells.find((c) => c.key[0]!.value === 'CON-LAX')!.count).toBeGreaterThanOrEqual(60);
  });

  it('an attacker solving the published totals recovers no withheld count; with primary suppression alone it would', async ({ system, as }) => {
    const res = await as('ANALYST').query(TABLE, { d: ['CONSULATE', 'PROGRAM'] });
    const table = res.data?.enrollmentStatisticsTable as ApiTable;
    const published = asPublished(table);
    expect(published.cells.some((c) => c.suppressed)).toBe(true);
    expect([...recoverSuppressed(published)]).toEqual([]);

    // The same counts, read straight from the summary, published with primary suppression only.
    const rows = await system.db.database.sql<{ consulate: string; program: string; n: number }[]>`
      select case when consulate_id = '' then 'NONE' else consulate_id end as consulate, program, sum(enrollments)::int as n
      from enrollments.enrollment_statistics group by 1, 2 having sum(enrollments) > 0`;
    const categories = { CONSULATE: [...new Set(rows.map((r) => r.consulate))].sort(), PROGRAM: ['EMPLOYMENT', 'INDEPENDENT_WORKER', 'FAMILY_HEALTH', 'VOLUNTARY_CONTINUATION'] };
    const naive = suppressCounts({ dimensions: ['CONSULATE', 'PROGRAM'], categories, rows: rows.map((r) => ({ key: { CONSULATE: r.consulate, PROGRAM: r.program }, count: r.n })) }, { secondary: 'NONE' });
    expect(recoverSuppressed(naive).size).toBeGreaterThan(0);
  });

  it('recovers nothing from a three-dimensional table either', async ({ as }) => {
    const res = await as('ANALYST').query(TABLE, { d: ['CONSULATE', 'SEX', 'PROGRAM'] });
    const published = asPublished(res.data?.enrollmentStatisticsTable as ApiTable);
    expect(published.cells.some((c) => c.suppressed)).toBe(true);
    expect([...recoverSuppressed(published)]).toEqual([]);
  });

  it('counts family members covered by each member\'s own band and sex', async ({ as }) => {
    const res = await as('ANALYST').query(TABLE, { d: ['PROGRAM'], m: 'FAMILY_MEMBERS_COVERED' });
    const cells = (res.data?.enrollmentStatisticsTable as ApiTable).cells;
    expect(cells.find((c) => c.key[0]!.value === 'FAMILY_HEALTH')!.count).toBeGreaterThanOrEqual(10);
    expect(cells.filter((c) => c.key[0]!.value !== 'FAMILY_HEALTH').every((c) => c.count === 0)).toBe(true);
  });

  it('gives the growth from the previous month only between published counts', async ({ as }) => {
    const res = await as('ANALYST').query(TABLE, { d: ['MONTH'], y: 2025 });
    const cells = (res.data?.enrollmentStatisticsTable as ApiTable).cells;
    expect(cells.map((c) => c.key[0]!.value)).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`));
    cells.forEach((cell, i) => {
      const previous = cells[i - 1];
      const expected = previous && cell.count !== null && previous.count !== null ? cell.count - previous.count : null;
      expect(cell.growth).toBe(expected);
    });
    expect(cells.some((c) => c.growth !== null)).toBe(true);
  });

  it('keeps the summary on write, with age band and sex from the CURP, and reads only the summary', async ({ system, clock, as }) => {
    clock.set('2026-03-10');
    const curp = testCurp(300, '1990-05-05', 'M');
    const enrolled = await as('CONSULATE_STAFF', { purpose: 'VOLUNTARY_ENROLLMENT:window-1', caseFor: curp }).query(gql`mutation($i: EnrollIndependentWorkerInput!) { enrollIndependentWorker(input: $i) { startDate } }`,
      { i: { curp, declaredMonthlyIncomeCentavos: 1_200_000, paymentPeriod: 'MONTHLY', country: 'US' } });
    expect(enrolled.data?.enrollIndependentWorker.startDate).toBe('2026-04-01');
    const [row] = await system.db.database.sql`select enrollments from enrollments.enrollment_statistics
      where month = '2026-04-01' and country = 'US' and consulate_id = 'CON-LAX' and program = 'INDEPENDENT_WORKER' and age_band = '30-39' and sex = 'M'`;
    expect(row?.enrollments).toBe(1);
    const [totals] = await system.db.database.sql<{ summary: number; actual: number }[]>`select
      (select sum(enrollments)::int from enrollments.enrollment_statistics) as summary, (select count(*)::int from enrollments.enrollments) as actual`;
    expect(totals!.summary).toBe(totals!.actual);

    const counter = system.subgraphs.enrollments.database.statements;
    await as('ANALYST').query(TABLE, { d: ['CONSULATE', 'AGE_BAND'] }); // warm the connection
    // A new table: the summary's change count, then the summary.
    const before = counter.count;
    await as('ANALYST').query(TABLE, { d: ['COUNTRY', 'SEX'] });
    expect(counter.count - before).toBe(2);
    // The same table again, nothing written since: the change count alone.
    const again = counter.count;
    await as('ANALYST').query(TABLE, { d: ['COUNTRY', 'SEX'] });
    expect(counter.count - again).toBe(1);
  });

  it('publishes a write at once: a table is reused only for exactly the same counts', async ({ system, as }) => {
    const grandTotal = async () => ((await as('ANALYST').query(TABLE, { d: ['PROGRAM', 'SEX'] })).data?.enrollmentStatisticsTable as ApiTable).grandTotal.count;
    const before = await grandTotal();
    expect(await grandTotal()).toBe(before); // same counts: the same table
    await system.db.database.sql`insert into enrollments.enrollments (curp, kind, modality, start_date) values (${testCurp(301, '1985-02-02', 'H')}, 'VOLUNTARY_CONTINUATION', '40', '2025-06-01')`;
    expect(await grandTotal()).toBe(before! + 1);
  });

  it('refuses a table with too many cells or invalid dimensions, and every role but analysts', async ({ as }) => {
    expect((await as('ANALYST').query(TABLE, { d: ['CONSULATE', 'MONTH', 'AGE_BAND'] })).errors?.[0]?.extensions?.code).toBe('STATISTICS_TABLE_TOO_LARGE');
    expect((await as('ANALYST').query(TABLE, { d: ['SEX', 'SEX'] })).errors?.[0]?.extensions?.code).toBe('STATISTICS_DIMENSIONS_INVALID');
    for (const role of ['INSURED', 'EMPLOYER', 'IMSS_OFFICER'] as const) {
      expect((await as(role, { purpose: 'GENERAL_ADVICE:x' }).query(TABLE, { d: ['PROGRAM'] })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('keeps the programme counts in the original shape, with secondary suppression', async ({ as }) => {
    const res = await as('ANALYST').query(gql`{ enrollmentStatistics { kind count suppressed } }`);
    const stats = res.data?.enrollmentStatistics as Array<{ kind: string; count: number | null; suppressed: boolean }>;
    expect(stats.map((s) => s.kind)).toEqual(['EMPLOYMENT', 'INDEPENDENT_WORKER', 'FAMILY_HEALTH', 'VOLUNTARY_CONTINUATION']);
    expect(stats.find((s) => s.kind === 'VOLUNTARY_CONTINUATION')).toMatchObject({ count: null, suppressed: true });
    expect(stats.filter((s) => s.suppressed).length).not.toBe(1);
  });
});

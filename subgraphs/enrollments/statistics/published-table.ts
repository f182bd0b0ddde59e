/**
 * Statistics for analysts (docs/security.md, "Who may do what": ANALYST; docs/domain.md §10): counts read from
 * the summary table (never the enrollments themselves), published with every marginal total by
 * rules/statistics — counts under k withheld, and whatever would let a withheld count be
 * recovered from the published ones (line rule + exact audit) — then growth from the previous
 * month computed only between published counts, so it reveals nothing the table does not.
 */
import { badInput } from '../../../schema/errors/client-errors.ts';
import { AGE_BANDS, ENROLLMENT_KINDS, SEXES } from '../../../db/schema/enrollments.ts';
import { ExpiringLru } from '../../../schema/identity/lru.ts';
import { addMonths } from '../../shared/dates.ts';
import type { StatisticsDimension, StatisticsEntry, StatisticsMeasure, StatisticsTable } from '../__generated__/resolvers-types.ts';
import type { EnrollmentsRepository } from '../repository.ts';
import { withRuleErrors } from '../rule-errors.ts';
import { DEFAULT_MIN_COUNT, suppressCounts, type PublishedEntry, type PublishedTotal } from '../rules/statistics/index.ts';

/** Smallest count published; configurable (STATISTICS_MIN_CELL), 10 by default. */
export const SUPPRESSION_K = Number(process.env.STATISTICS_MIN_CELL ?? DEFAULT_MIN_COUNT);

/** The category shown for an enrollment not made at a consulate. */
export const NO_CONSULATE = 'NONE';

const FIXED_CATEGORIES: Partial<Record<StatisticsDimension, readonly string[]>> = {
  PROGRAM: ENROLLMENT_KINDS,
  AGE_BAND: AGE_BANDS,
  SEX: SEXES,
};

export interface StatisticsRequest {
  dimensions: readonly StatisticsDimension[];
  measure: StatisticsMeasure;
  year: number | null;
}

/** Every month from the first to the last seen ('YYYY-MM'), or the twelve of `year`. */
function months(seen: readonly string[], year: number | null): string[] {
  if (year !== null) return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const sorted = [...seen].sort();
  const out: string[] = [];
  if (sorted.length === 0) return out;
  for (let m = `${sorted[0]}-01`; m.slice(0, 7) <= sorted.at(-1)!; m = addMonths(m, 1)) out.push(m.slice(0, 7));
  return out;
}

function entryView(dimensions: readonly StatisticsDimension[], entry: PublishedEntry | PublishedTotal, growth: number | null): StatisticsEntry {
  return {
    key: dimensions.filter((d) => d in entry.key).map((dimension) => ({ dimension, value: entry.key[dimension]! })),
    over: 'over' in entry ? dimensions.filter((d) => entry.over.includes(d)) : [],
    count: entry.count,
    suppressed: entry.suppressed,
    growth,
  };
}

/** Change from the previous month between two published counts; null otherwise. */
function growthOf(entries: readonly (PublishedEntry | PublishedTotal)[]): Map<PublishedEntry, number | null> {
  const id = (key: Record<string, string>, over: readonly string[]) => JSON.stringify([Object.entries(key).sort(), [...over].sort()]);
  const byId = new Map(entries.map((e) => [id(e.key, 'over' in e ? e.over : []), e]));
  const growth = new Map<PublishedEntry, number | null>();
  for (const entry of entries) {
    const month = entry.key['MONTH'];
    if (month === undefined) continue;
    const previous = byId.get(id({ ...entry.key, MONTH: addMonths(`${month}-01`, -1).slice(0, 7) }, 'over' in entry ? entry.over : []));
    growth.set(entry, previous && entry.count !== null && previous.count !== null ? entry.count - previous.count : null);
  }
  return growth;
}

/**
 * Tables already published, by everything they are a function of: the request, k, and the counts
 * the summary query returned, so a request whose counts did not change skips the suppression and
 * its exact audit (tens of milliseconds for a large three-dimensional table). Bounded: the least
 * recently used table goes first (schema/identity/lru.ts, with no expiry: the key is the counts).
 */
const publishedTables = new ExpiringLru<Promise<StatisticsTable>>(16);

/** The promise is kept, so identical requests arriving together build the table once; a failed build is forgotten. */
function remembered(key: string, build: () => Promise<StatisticsTable>): Promise<StatisticsTable> {
  const hit = publishedTables.get(key);
  if (hit) return hit;
  const table = build();
  publishedTables.set(key, table, Number.POSITIVE_INFINITY);
  table.catch(() => publishedTables.delete(key));
  return table;
}

/** The published table for `request`: the summary's change count, then (when it moved) one summary query, suppression and growth. */
export async function publishedStatistics(request: StatisticsRequest, repository: EnrollmentsRepository, k: number = SUPPRESSION_K): Promise<StatisticsTable> {
  const { dimensions, measure, year } = request;
  if (year !== null && (!Number.isInteger(year) || year < 1943 || year > 9999)) {
    throw badInput('STATISTICS_YEAR_INVALID', `year must be a four-digit year from 1943 (IMSS's founding), got ${year}.`, { year });
  }
  if (dimensions.length < 1 || dimensions.length > 3 || new Set(dimensions).size !== dimensions.length) {
    throw badInput('STATISTICS_DIMENSIONS_INVALID', `A statistics table takes 1 to 3 distinct dimensions, got [${dimensions.join(', ')}].`, { dimensions });
  }
  const requestKey = JSON.stringify([dimensions, measure, year, k]);
  // Read before the counts, so a table is never older than the change count it is kept under; a
  // write committed since is seen at once, because it moved the count.
  const changes = await repository.statisticsChanges();
  const latestTables = latestTablesOf(repository);
  const latest = latestTables.get(requestKey);
  if (latest && latest.changes === changes) return latest.table;
  const table = (async () => {
    const counts = (await repository.statisticsCounts(dimensions, measure, year)).map((row) => ({
      values: row.values.map((value, i) => (dimensions[i] === 'CONSULATE' && value === '' ? NO_CONSULATE : value)),
      count: row.count,
    }));
    return remembered(JSON.stringify([requestKey, counts]), () => publish(request, counts, k));
  })();
  latestTables.set(requestKey, { changes, table }, Number.POSITIVE_INFINITY);
  table.catch(() => {
    if (latestTables.get(requestKey)?.table === table) latestTables.delete(requestKey);
  });
  return table;
}

/**
 * The latest table of each request, with how often the summary had changed when it was read
 * (repository.statisticsChanges). While that count stands, the summary is as it was, and the table
 * is answered without reading the summary again: at a million persons the summary query cost
 * PostgreSQL about 4 ms of CPU per request, the count about 30 µs. Kept per repository, that is per
 * database: two databases' counters can stand at the same number with different summaries.
 */
const latestTablesByRepository = new WeakMap<EnrollmentsRepository, ExpiringLru<{ changes: string; table: Promise<StatisticsTable> }>>();
function latestTablesOf(repository: EnrollmentsRepository) {
  let tables = latestTablesByRepository.get(repository);
  if (!tables) latestTablesByRepository.set(repository, (tables = new ExpiringLru(64)));
  return tables;
}

async function publish({ dimensions, measure, year }: StatisticsRequest, counts: readonly { values: string[]; count: number }[], k: number): Promise<StatisticsTable> {
  const categories = Object.fromEntries(dimensions.map((dimension, i) => {
    const seen = [...new Set(counts.map((c) => c.values[i]!))];
    const fixed = FIXED_CATEGORIES[dimension];
    return [dimension, fixed ? [...fixed] : dimension === 'MONTH' ? months(seen, year) : seen.sort()];
  }));
  const published = await withRuleErrors(() => suppressCounts({
    dimensions,
    categories,
    rows: counts.map((c) => ({ key: Object.fromEntries(dimensions.map((d, i) => [d, c.values[i]!])), count: c.count })),
  }, { k }));
  const growth = dimensions.includes('MONTH') ? growthOf([...published.cells, ...published.totals]) : new Map<PublishedEntry, number | null>();
  const view = (entry: PublishedEntry | PublishedTotal) => entryView(dimensions, entry, growth.get(entry) ?? null);
  return {
    dimensions: [...dimensions],
    measure,
    year,
    k: published.k,
    cells: published.cells.map(view),
    totals: published.totals.map(view),
    grandTotal: view(published.grandTotal),
  };
}

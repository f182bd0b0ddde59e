/**
 * `npm run db:seed -- --persons N`: N synthetic persons at scale on top of the demo data, with
 * their addresses, enrollments (and so coverage), appointments and biometric consents, streamed
 * with COPY in batches, in one transaction (all or nothing), then ANALYZE.
 *
 * Statistics: the enrollments summary is kept by row triggers (migration 0012). Firing them per
 * row would turn each COPY into a million upserts on a few thousand hot rows, and a rebuild from
 * scratch afterwards (enrollments.rebuild_statistics()) took 97 s at a million persons. Instead the
 * load disables the two triggers inside its transaction (ALTER TABLE takes an exclusive lock, so
 * no concurrent writer can slip a row past them), the enrollments part counts the rows it writes
 * and adds them to the summary in one upsert before the commit (statistics.ts) — the table the
 * triggers would have kept, demo rows included; the seed's test compares it with the rebuild.
 *
 * Indexes: the loaded tables' plain indexes that back no constraint are dropped for the copy and
 * built again before the commit (dropSecondaryIndexes), which halves the copy. All of it is
 * transactional: a load that fails leaves the triggers and indexes as they were.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type postgres from 'postgres';
import type { Database } from '../client.ts';
import type { MasterKeyRing } from '../../subgraphs/biometrics/crypto/key-ring.ts';
import { copyLine, type CopyValue } from './copy-text.ts';
import { IDENTITY_SPACE, identitySource } from './identities.ts';
import type { CopyTable, PartFactory, RowSink, ScaleClinic, ScaleContext, ScalePart, ScalePerson } from './part.ts';
import { scaleParts } from './parts.ts';
import { abroadFor, nssAssigner } from './persons.ts';
import { idsOf, Random } from './random.ts';

export const MAX_SCALE_PERSONS = 5_000_000;

export interface ScaleSeedOptions {
  persons: number;
  /** The same seed (and day) gives the same rows. @default 1 */
  seed?: number;
  now?: Date;
  masterKeys: MasterKeyRing;
  /** Persons per COPY batch. @default 10000 */
  batchSize?: number;
  onProgress?: (done: number) => void;
  /** More parts after the standard ones (a branch's new tables, tests). */
  extraParts?: readonly PartFactory[];
}

export interface ScaleSeedReport {
  persons: number;
  /** Rows copied per table. */
  rows: Record<string, number>;
  /** load: the COPY batches; finish: the parts' set-based work (statistics, seats). */
  seconds: { load: number; finish: number; analyze: number; total: number };
}

const STATISTICS_TRIGGERS = [
  ['enrollments.enrollments', 'enrollments_statistics'],
  ['enrollments.family_health_members', 'family_health_members_statistics'],
] as const;

export async function seedAtScale(database: Database, options: ScaleSeedOptions): Promise<ScaleSeedReport> {
  const { persons } = options;
  if (!Number.isInteger(persons) || persons < 1 || persons > MAX_SCALE_PERSONS) {
    throw new RangeError(`--persons must be a whole number from 1 to ${MAX_SCALE_PERSONS.toLocaleString('en')}`);
  }
  const seed = options.seed ?? 1;
  const batchSize = options.batchSize ?? 10_000;
  const now = options.now ?? new Date();
  const started = performance.now();
  const rows: Record<string, number> = {};
  let loadSeconds = 0;

  await database.sql.begin(async (sql) => {
    const context = await readContext(sql, { seed, persons, now });
    const alreadySeeded = identitySource(seed, new Set()).identity(0).curp;
    const [seen] = await sql`select exists (select 1 from persons.persons where curp = ${alreadySeeded}) as seen`;
    if (seen?.seen) throw new Error(`this database already holds the scale persons of seed ${seed}; use a fresh database or another --seed`);

    const parts: ScalePart[] = [];
    for (const factory of [...scaleParts(options.masterKeys), ...(options.extraParts ?? [])]) parts.push(await factory(context));
    const tables = parts.flatMap((p) => p.tables);
    const assignNss = nssAssigner(context, await existingNss(sql));

    for (const [table, trigger] of STATISTICS_TRIGGERS) await sql.unsafe(`alter table ${table} disable trigger ${trigger}`);
    const secondaryIndexes = await dropSecondaryIndexes(sql, tables);
    for (let from = 0; from < persons; from += batchSize) {
      const to = Math.min(persons, from + batchSize);
      const batch = new Map<CopyTable, string[]>(tables.map((t) => [t, []]));
      const sink: RowSink = { add: (table, values: readonly CopyValue[]) => batch.get(table)!.push(copyLine(values)) };
      for (let index = from; index < to; index += 1) {
        const identity = context.identities.identity(index);
        // The person's own stream, apart from the identity's (stream ids above the identity space).
        const random = new Random(seed, IDENTITY_SPACE + index);
        const clinic = random.pick(context.clinics);
        const person: ScalePerson = { ...identity, random, newId: idsOf(seed, index, random), clinic, abroad: null, nss: null };
        person.abroad = abroadFor(person);
        person.nss = assignNss(person);
        for (const part of parts) part.rows(person, sink);
      }
      for (const [table, lines] of batch) {
        if (lines.length === 0) continue;
        await copyInto(sql, table, lines);
        rows[table.name] = (rows[table.name] ?? 0) + lines.length;
      }
      options.onProgress?.(to);
    }
    for (const [table, trigger] of STATISTICS_TRIGGERS) await sql.unsafe(`alter table ${table} enable trigger ${trigger}`);

    loadSeconds = (performance.now() - started) / 1000;
    // Rebuilt exactly as they were; a unique one that the new rows broke fails the whole load.
    for (const index of secondaryIndexes) await sql.unsafe(index.definition);
    for (const part of parts) await part.finish?.(sql, context);
  });
  const loaded = performance.now();
  // Fresh planner statistics: the plans the subgraphs get at this size depend on them.
  await database.sql`analyze`;
  const done = performance.now();
  return {
    persons,
    rows,
    seconds: { load: loadSeconds, finish: (loaded - started) / 1000 - loadSeconds, analyze: (done - loaded) / 1000, total: (done - started) / 1000 },
  };
}

/**
 * The loaded tables' plain indexes that back no constraint (primary keys, UNIQUE constraints and
 * the partial unique indexes — small, and a rebuilt predicate would read back differently — stay):
 * maintaining them row by row doubled the copy, building them once afterwards takes a second at
 * 100,000 persons. Dropped inside the load's transaction, so nobody
 * ever sees a table without them (the drop's exclusive lock holds until the commit).
 */
async function dropSecondaryIndexes(sql: postgres.TransactionSql, tables: readonly CopyTable[]): Promise<{ name: string; definition: string }[]> {
  const indexes = await sql<{ name: string; definition: string }[]>`
    select format('%I.%I', i.schemaname, i.indexname) as name, i.indexdef as definition
    from pg_indexes i
    where i.schemaname || '.' || i.tablename = any(${tables.map((t) => t.name)})
      and not exists (select 1 from pg_constraint c where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
      and exists (select 1 from pg_index x where x.indexrelid = format('%I.%I', i.schemaname, i.indexname)::regclass and x.indpred is null)
    order by 1`;
  for (const index of indexes) await sql.unsafe(`drop index ${index.name}`);
  return indexes;
}

async function copyInto(sql: postgres.TransactionSql, table: CopyTable, lines: string[]): Promise<void> {
  // Table and column names are this module's constants, never input.
  const query = sql.unsafe(`copy ${table.name} (${table.columns.join(', ')}) from stdin`);
  // postgres.js (3.4) settles a COPY's query when the server answers CopyInResponse, so an error
  // the server reports afterwards (a check constraint, a duplicate key) reaches only the query's
  // reject, which it still calls, and the stream never finishes. Listen there too, or a bad row
  // would leave the load waiting forever instead of failing.
  const settle: unknown = Reflect.get(query, 'reject');
  if (typeof settle !== 'function') throw new Error('postgres.js queries no longer have reject(): a failing COPY could hang');
  const failed = new Promise<never>((_, reject) => {
    Reflect.set(query, 'reject', (error: unknown) => { settle.call(query, error); reject(error); });
  });
  failed.catch(() => undefined); // handled by the race below; never an unhandled rejection
  const writable = await query.writable();
  const chunks = function* () {
    for (let i = 0; i < lines.length; i += 2_000) yield lines.slice(i, i + 2_000).join('');
  };
  await Promise.race([pipeline(Readable.from(chunks()), writable), failed]);
}

async function readContext(sql: postgres.TransactionSql, run: { seed: number; persons: number; now: Date }): Promise<ScaleContext> {
  const clinics = await sql<ScaleClinic[]>`
    select c.id, c.state, c.subdelegation, array_agg(p.postal_code_prefix order by p.postal_code_prefix) as "postalCodePrefixes"
    from persons.clinics c join persons.clinic_postal_codes p on p.clinic_id = c.id
    group by c.id order by c.id`;
  if (clinics.length === 0) throw new Error('no clinics: the scale seed goes on top of the demo seed (run `npm run db:seed` first)');
  // Every CURP any subgraph already names: a scale person must not become one of them.
  const taken = await sql<{ curp: string }[]>`
    select curp from persons.persons union select curp from persons.beneficiaries where curp is not null
    union select curp from enrollments.enrollments union select curp from enrollments.family_health_members
    union select curp from appointments.appointments union select curp from biometrics.consent_records`;
  return {
    ...run,
    today: run.now.toISOString().slice(0, 10),
    clinics,
    identities: identitySource(run.seed, new Set(taken.map((r) => r.curp))),
  };
}

/** NSS already assigned, by (subdelegation, registration year, birth year): the highest sequence of each. */
async function existingNss(sql: postgres.TransactionSql): Promise<Map<string, number>> {
  const rows = await sql<{ key: string; last: number }[]>`
    select substr(nss, 1, 6) as key, max(substr(nss, 7, 4)::int) as last from persons.persons where nss is not null group by 1`;
  return new Map(rows.map((r) => [r.key, r.last]));
}

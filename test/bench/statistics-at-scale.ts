/**
 * The analyst statistics query at scale, through the gateway: p50/p95 of
 * `enrollmentStatisticsTable` (and the older `enrollmentStatistics`) against a database seeded
 * with `npm run db:seed -- --persons N`. Target (issue 17): p95 under 100 ms.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/<seeded db> npx tsx test/bench/statistics-at-scale.ts
 *
 * Compiles the system as the image does, then starts the enrollments subgraph and the gateway as
 * processes on that database the way the image runs them: NODE_ENV=production, keys generated for
 * the run and passed in the environment, the subgraph connecting as its own role (nothing is
 * written to the database but the summary's change counter). Production mode matters here beyond
 * our own settings: graphql-js checks every `instanceof` it makes for a second copy of itself
 * unless NODE_ENV is production, and in the subgraph's profile of the largest table those checks
 * were 12.5 % of its busy time. Sends each query STAT_ROUNDS times (default 100) one after another
 * after a warm-up — latency, not throughput, is the question — and writes
 * .data/bench/statistics-at-scale.json.
 * Each query is timed twice over: with the summary unchanged (answered from the last table) and
 * right after a write (the change counter moved before each request, so the summary is read and
 * grouped again: the path the 100 ms target is about).
 */
import type { ChildProcess } from 'node:child_process';
import { forkScript, readyUrl } from '../support/fork-script.ts';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
mkdirSync(join(root, '.data'), { recursive: true });
process.env.IMSS_DATA_DIR = mkdtempSync(join(root, '.data', 'bench-statistics-'));
process.env.LOG_LEVEL = 'silent';

const { default: postgres } = await import('postgres');
const { mintDevToken } = await import('../../gateway/auth/dev-tokens.ts');
const { SUBGRAPH_NAMES } = await import('../../schema/subgraphs.ts');
const { developmentRoleUrl } = await import('../../db/privileges.ts');
const { productionKeys } = await import('../support/processes.ts');
const { TEST_AUTH } = await import('../support/keys.ts');
const { freePort } = await import('../../db/embedded.ts');
const { createIdentitySigner, IDENTITY_HEADER } = await import('../../schema/identity/gateway-token.ts');
const { buildSystem, compiledScript } = await import('../../gateway/deploy/build.ts');

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('set DATABASE_URL to a database seeded with `npm run db:seed -- --persons N`');
if (!['127.0.0.1', 'localhost'].includes(new URL(databaseUrl).hostname)) throw new Error('this benchmark only runs against 127.0.0.1');
const rounds = Number(process.env.STAT_ROUNDS ?? 100);
const children: ChildProcess[] = [];

const TABLE = `query($d: [StatisticsDimension!]!, $y: Int) {
  enrollmentStatisticsTable(dimensions: $d, year: $y) {
    k cells { key { dimension value } count suppressed growth } totals { key { dimension value } over count suppressed } grandTotal { count }
  }
}`;
const CASES: Array<{ name: string; query: string; variables?: Record<string, unknown> }> = [
  { name: 'table PROGRAM', query: TABLE, variables: { d: ['PROGRAM'] } },
  { name: 'table CONSULATE×PROGRAM', query: TABLE, variables: { d: ['CONSULATE', 'PROGRAM'] } },
  { name: 'table CONSULATE×SEX×AGE_BAND', query: TABLE, variables: { d: ['CONSULATE', 'SEX', 'AGE_BAND'] } },
  { name: 'table COUNTRY×MONTH 2025', query: TABLE, variables: { d: ['COUNTRY', 'MONTH'], y: 2025 } },
  { name: 'table PROGRAM×AGE_BAND×SEX', query: TABLE, variables: { d: ['PROGRAM', 'AGE_BAND', 'SEX'] } },
  { name: 'enrollmentStatistics', query: `{ enrollmentStatistics { kind count suppressed } }` },
];

// The processes run compiled, as deployed and as `npm run bench` runs them (gateway/deploy/build.ts).
const built = buildSystem({ out: join(root, '.data', 'bench', 'build-statistics') });
const start = (script: string, args: string[], env: Record<string, string>): Promise<string> => {
  const { child, ready } = forkScript(compiledScript(built, script), args, { cwd: root, env: { ...process.env, ...env }, ready: readyUrl });
  children.push(child);
  return ready;
};

const nearestRank = (sorted: number[], q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! * 10) / 10;

try {
  const admin = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  const [size] = await admin`select (select count(*) from persons.persons)::int as persons, (select count(*) from enrollments.enrollments)::int as enrollments,
    (select count(*) from enrollments.enrollment_statistics)::int as "summaryRows"`;
  console.log(`database: ${size!.persons.toLocaleString('en')} persons, ${size!.enrollments.toLocaleString('en')} enrollments, ${size!.summaryRows.toLocaleString('en')} summary rows`);

  const keys = productionKeys();
  const enrollmentsUrl = await start('subgraphs/start.ts', ['enrollments'], {
    ...keys.subgraphEnv('enrollments'),
    ENROLLMENTS_PORT: '0',
    ENROLLMENTS_DATABASE_URL: developmentRoleUrl('enrollments', databaseUrl),
    SKIP_MIGRATIONS: 'true',
  });
  // Only enrollments answers statistics; the other subgraphs' URLs point where nothing listens.
  const urlEnv: Record<string, string> = {};
  for (const name of SUBGRAPH_NAMES) urlEnv[`${name.toUpperCase()}_URL`] = name === 'enrollments' ? enrollmentsUrl : `http://127.0.0.1:${await freePort()}/graphql`;
  const gateway = await start('gateway/index.ts', [], { ...keys.gatewayEnv, ...urlEnv, GATEWAY_PORT: '0', RATE_LIMIT_PER_MINUTE: '100000000' });
  const token = await mintDevToken(keys.idpPrivateKey, TEST_AUTH, 'ANALYST');

  // The same query straight to the enrollments subgraph, with the token the gateway would sign:
  // what the gateway adds is the difference.
  const analyst = { kind: 'user' as const, viewer: { subject: 'bench-analyst', roles: ['ANALYST' as const], curp: null, consulateId: null, employerRegistrations: [], bankId: null, subdelegation: null } };
  const directToken = await createIdentitySigner({ privateKey: keys.gatewaySigningKey, ttlSeconds: 3600 }).sign(analyst, 'enrollments', null);
  const targets = {
    gateway: { url: gateway, headers: { authorization: `Bearer ${token}` } },
    direct: { url: enrollmentsUrl, headers: { [IDENTITY_HEADER]: directToken } },
  };

  const send = async (target: keyof typeof targets, query: string, variables?: Record<string, unknown>) => {
    const started = performance.now();
    const response = await fetch(targets[target].url, {
      method: 'POST', headers: { 'content-type': 'application/json', ...targets[target].headers }, body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    if (response.status !== 200 || body.errors) throw new Error(`statistics query failed: ${JSON.stringify(body).slice(0, 500)}`);
    return performance.now() - started;
  };

  // What a committed write to the summary does to the counter, without changing a count.
  const moveChangeCounter = () => admin`update enrollments.statistics_changes set changes = changes + 1 where slot = 0`;

  const results: Array<{ name: string; target: string; summary: string; p50: number; p95: number; max: number }> = [];
  for (const c of CASES) {
    for (const target of ['gateway', 'direct'] as const) {
      for (const summary of ['after a write', 'unchanged'] as const) {
        for (let i = 0; i < 10; i += 1) await send(target, c.query, c.variables);
        const times: number[] = [];
        for (let i = 0; i < rounds; i += 1) {
          if (summary === 'after a write') await moveChangeCounter();
          times.push(await send(target, c.query, c.variables));
        }
        times.sort((a, b) => a - b);
        const row = { name: c.name, target, summary, p50: nearestRank(times, 0.5), p95: nearestRank(times, 0.95), max: Math.round(times.at(-1)! * 10) / 10 };
        results.push(row);
        console.log(`${c.name.padEnd(30)} ${target.padEnd(8)} ${summary.padEnd(14)} p50 ${String(row.p50).padStart(7)} ms  p95 ${String(row.p95).padStart(7)} ms  max ${String(row.max).padStart(7)} ms`);
      }
    }
  }
  await admin.end();
  mkdirSync(join(root, '.data/bench'), { recursive: true });
  writeFileSync(join(root, '.data/bench/statistics-at-scale.json'), `${JSON.stringify({ at: new Date().toISOString(), rounds, size, results }, null, 2)}\n`);
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  rmSync(process.env.IMSS_DATA_DIR!, { recursive: true, force: true });
}

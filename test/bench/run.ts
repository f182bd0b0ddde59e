/**
 * `npm run bench`: throughput of our gateway against @apollo/gateway as shipped, side by side on
 * the same four subgraphs (each its own process, real HTTP, PostgreSQL), with a direct subgraph
 * call as the ceiling; plus SQL statements per operation for a small and a large batch (they must
 * be equal: no N+1). Results: a table on stdout and .data/bench/latest.json.
 *
 * BENCH_SECONDS (default 6) and BENCH_CONNECTIONS (default 20) tune the load.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
process.env.IMSS_DATA_DIR = mkdtempSync(join(root, '.data', 'bench-'));
process.env.LOG_LEVEL = 'silent';

const { default: postgres } = await import('postgres');
const { startEmbeddedDatabase } = await import('../../db/embedded.ts');
const { runMigrations } = await import('../../db/migrate.ts');
const { openDatabase } = await import('../../db/client.ts');
const { seedDemoData, syntheticCurp } = await import('../../db/seed.ts');
const { DEMO } = await import('../../db/demo-identities.ts');
const { loadSystemKeys } = await import('../../gateway/system-keys.ts');
const { loadSubgraphKeys } = await import('../../schema/runtime/keys.ts');
const { DEV_TOKEN_SETTINGS, mintDevToken } = await import('../../gateway/auth/dev-tokens.ts');
const { createIdentitySigner, IDENTITY_HEADER } = await import('../../schema/identity/gateway-token.ts');
const { runSubgraph } = await import('../../subgraphs/runtime.ts');
const { developmentRoleUrl } = await import('../../db/privileges.ts');
const { SUBGRAPH_NAMES } = await import('../../schema/subgraphs.ts');
const { runLoad } = await import('./load.ts');

const seconds = Number(process.env.BENCH_SECONDS ?? 6);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const children: ChildProcess[] = [];

// A fresh database: on the configured server, or the embedded one.
const configured = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
const embedded = configured ? null : await startEmbeddedDatabase({ dataDir: join(root, '.data/pg-bench'), port: 0, database: 'postgres' });
const adminUrl = configured ?? embedded!.url;
const dbName = `imss_bench_${Date.now().toString(36)}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
await admin.unsafe(`create database "${dbName}"`);
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
const databaseUrl = url.toString();

try {
  await runMigrations(databaseUrl);
  const seedDb = openDatabase(databaseUrl, { name: 'bench-seed', max: 1 });
  await seedDemoData(seedDb);
  await seedDb.close();

  const start = (script: string, args: string[], env: Record<string, string>) =>
    new Promise<string>((resolveUrl, reject) => {
      const child = fork(join(root, script), args, { cwd: root, execArgv: ['--import', 'tsx'], env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.push(child);
      child.once('message', (m: { url?: string }) => resolveUrl(m.url ?? ''));
      child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    });
  const subgraphUrls = await Promise.all(
    SUBGRAPH_NAMES.map((name) => start('subgraphs/start.ts', [name], { DATABASE_URL: databaseUrl, SKIP_MIGRATIONS: 'true', [`${name.toUpperCase()}_PORT`]: '0', DB_POOL_SIZE: '10' })),
  );
  const urlEnv = Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [`${name.toUpperCase()}_URL`, subgraphUrls[i]!]));
  const ours = await start('gateway/index.ts', [], { ...urlEnv, GATEWAY_PORT: '0', RATE_LIMIT_PER_MINUTE: '100000000' });
  const apollo = await start('test/bench/apollo-baseline.ts', [], { ...urlEnv, GATEWAY_PORT: '0' });

  const keys = await loadSystemKeys();
  const insuredCurp = syntheticCurp(DEMO.insured as never);
  const token = await mintDevToken(keys.devIdp!.privateKey, DEV_TOKEN_SETTINGS, 'INSURED');
  const identity = { kind: 'user' as const, viewer: { subject: 'bench', roles: ['INSURED' as const], curp: insuredCurp, consulateId: null, employerRegistrations: [], bankId: null, subdelegation: null } };
  const directToken = await createIdentitySigner({ privateKey: keys.gatewaySigningKey, ttlSeconds: 3600 }).sign(identity, 'persons', null);

  const queries = {
    'one subgraph': `{ me { curp nss givenNames } }`,
    'two subgraphs': `{ me { curp enrollments { kind startDate } } }`,
    'four subgraphs': `{ me { curp nss enrollments { kind } appointments { startsAt } biometricStatus { consentInForce } } }`,
  };
  const rows: Array<Record<string, string | number>> = [];
  const run = async (workload: string, target: string, endpoint: string, query: string, headers: Record<string, string>) => {
    const body = JSON.stringify({ query });
    await runLoad(endpoint, body, headers, { connections, seconds: 1 }); // warm-up
    const result = await runLoad(endpoint, body, headers, { connections, seconds });
    rows.push({ workload, target, ...result });
    console.log(`${workload.padEnd(15)} ${target.padEnd(26)} ${String(result.rps).padStart(6)} req/s  p50 ${String(result.p50).padStart(6)} ms  p99 ${String(result.p99).padStart(6)} ms  errors ${result.errors}`);
  };

  await run('one subgraph', 'persons subgraph (direct)', subgraphUrls[0]!, `{ person(curp: "${insuredCurp}") { curp nss givenNames } }`, { [IDENTITY_HEADER]: directToken });
  for (const [workload, query] of Object.entries(queries)) {
    await run(workload, 'imss-federation gateway', ours, query, { authorization: `Bearer ${token}` });
    await run(workload, '@apollo/gateway as shipped', apollo, query, { authorization: `Bearer ${token}` });
  }

  // SQL statements per operation, in-process on the same database: a batch of 5 and of 50.
  const counting = await runSubgraph({ name: 'persons', databaseUrl: developmentRoleUrl('persons', databaseUrl), port: 0, keys: await loadSubgraphKeys('persons') });
  const staff = { kind: 'user' as const, viewer: { subject: 'bench-staff', roles: ['CONSULATE_STAFF' as const], curp: null, consulateId: 'CON-LAX', employerRegistrations: [], bankId: null, subdelegation: null } };
  const staffToken = await createIdentitySigner({ privateKey: keys.gatewaySigningKey }).sign(staff, 'persons', 'BENCH:statements');
  const curps = (await counting.database.sql<{ curp: string }[]>`select curp from persons.persons order by curp limit 50`).map((r) => r.curp);
  const statements: Record<string, number> = {};
  for (const size of [5, Math.min(50, curps.length)]) {
    const before = counting.database.statements.count;
    await fetch(counting.http.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: staffToken },
      body: JSON.stringify({ query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { curp nss clinic { name } } } }`, variables: { r: curps.slice(0, size).map((curp) => ({ __typename: 'Person', curp })) } }),
    });
    statements[`_entities x${size}`] = counting.database.statements.count - before;
  }
  await counting.close();
  console.log('SQL statements per operation:', statements);

  const ceiling = Number(rows[0]?.rps ?? 1);
  const report = { at: new Date().toISOString(), connections, seconds, rows: rows.map((r) => ({ ...r, ratioToDirect: Math.round((Number(r.rps) / ceiling) * 100) / 100 })), statements };
  mkdirSync(join(root, '.data/bench'), { recursive: true });
  writeFileSync(join(root, '.data/bench/latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`written ${resolve(root, '.data/bench/latest.json')}`);
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`).catch(() => undefined);
  await admin.end();
  await embedded?.stop();
  rmSync(process.env.IMSS_DATA_DIR!, { recursive: true, force: true });
}

/**
 * `npm start`: the whole system on one machine. Database (DATABASE_URL or the embedded server),
 * migrations, demo data when empty, then the four subgraphs and the gateway as five supervised
 * processes talking HTTP, as in production. Prints the gateway URL and an example token per role;
 * the processes' pids are in <IMSS_DATA_DIR>/processes.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/client.ts';
import { DATA_DIR, resolveDatabaseUrl } from '../db/config.ts';
import { runMigrations } from '../db/migrate.ts';
import { isEmpty, seedDemoData } from '../db/seed.ts';
import { DEFAULT_SUBGRAPH_PORTS, SUBGRAPH_NAMES, type SubgraphName } from '../schema/subgraphs.ts';
import { logger } from '../schema/runtime/logger.ts';
import { onShutdown, shutdownSettings } from '../schema/runtime/shutdown.ts';
import { createSupervisor } from './supervisor.ts';
import { DEV_TOKEN_SETTINGS, exampleTokens } from './auth/dev-tokens.ts';
import { loadSystemKeys } from './system-keys.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const log = logger.child({ component: 'system' });

const { url: databaseUrl, embedded } = await resolveDatabaseUrl(null, (m) => log.debug(m));
await runMigrations(databaseUrl);
const database = openDatabase(databaseUrl, { name: 'seed', max: 1 });
if (await isEmpty(database)) {
  const { persons } = await seedDemoData(database);
  log.info({ persons }, 'seeded synthetic demo data');
}
await database.close();
const keys = await loadSystemKeys();

// Every process is supervised: one that crashes is restarted with backoff (and logged), so a
// failing subgraph degrades the system (partial results) instead of stopping it.
const processes: Record<string, number> = {};
// Each child drains within SHUTDOWN_TIMEOUT_MS (it reads the same environment) and exits a little later.
const shutdown = shutdownSettings();
const childStopMs = shutdown.deadlineMs + 5_000;
const supervisor = createSupervisor({
  cwd: root,
  log,
  stopTimeoutMs: childStopMs,
  onStart: (name, pid) => {
    processes[name] = pid;
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(join(DATA_DIR, 'processes.json'), `${JSON.stringify(processes, null, 2)}\n`);
  },
});

const portOf = (name: SubgraphName) => Number(process.env[`${name.toUpperCase()}_PORT`] ?? DEFAULT_SUBGRAPH_PORTS[name]);

async function startAll() {
  const subgraphUrls = await Promise.all(
    SUBGRAPH_NAMES.map((name) =>
      supervisor.start({
        name,
        script: join(root, 'subgraphs/start.ts'),
        args: [name],
        env: { DATABASE_URL: databaseUrl, SKIP_MIGRATIONS: 'true', [`${name.toUpperCase()}_PORT`]: String(portOf(name)) },
      }),
    ),
  );
  const gatewayUrl = await supervisor.start({
    name: 'gateway',
    script: join(root, 'gateway/index.ts'),
    args: [],
    env: Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [`${name.toUpperCase()}_URL`, subgraphUrls[i]!])),
    // The gateway first, so that its last requests still reach the subgraphs.
    stopFirst: true,
  });
  return { subgraphUrls, gatewayUrl };
}

// A process that cannot start at all (a port taken, a bad key) stops the whole start, children included.
const { subgraphUrls, gatewayUrl } = await startAll().catch(async (error: unknown) => {
  log.error({ err: error }, 'the system could not start');
  await supervisor.stop();
  await embedded?.stop();
  process.exit(1);
});

onShutdown(
  log,
  async () => {
    const { exits, clean } = await supervisor.stop();
    await embedded?.stop();
    if (!clean) throw new Error(`not every process stopped cleanly: ${JSON.stringify(exits)}`);
  },
  {
    // The gateway, then the subgraphs, one after the other: each may take its whole deadline.
    settings: { ...shutdown, deadlineMs: 2 * childStopMs },
    // A second Ctrl-C: stop waiting.
    onRepeatedSignal: () => {
      supervisor.kill();
      process.exit(1);
    },
  },
);

if (keys.devIdp) {
  const tokens = await exampleTokens(keys.devIdp.privateKey, DEV_TOKEN_SETTINGS);
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(join(DATA_DIR, 'tokens.json'), `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
  const lines = Object.entries(tokens).map(([role, token]) => `  ${role.padEnd(16)} ${token}`);
  process.stdout.write(
    [
      '',
      `IMSS federation gateway ready at ${gatewayUrl}`,
      `Subgraphs: ${SUBGRAPH_NAMES.map((name, i) => `${name} ${subgraphUrls[i]}`).join(', ')}`,
      `Database: ${embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'}`,
      '',
      `Example tokens (development identity provider, 12 h; also in ${join(DATA_DIR, 'tokens.json')}):`,
      ...lines,
      '',
      'Try:',
      `  curl -s ${gatewayUrl} -H 'content-type: application/json' \\`,
      `    -H "authorization: Bearer $(node -p "require('${resolve(DATA_DIR, 'tokens.json')}').INSURED")" \\`,
      `    -d '{"query":"{ me { curp nss givenNames enrollments { kind startDate } appointments { startsAt } biometricStatus { enrolledModalities } } }"}'`,
      '',
    ].join('\n'),
  );
}

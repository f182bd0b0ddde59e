/**
 * `npm start`: the whole system on one machine. Database (DATABASE_URL or the embedded server),
 * migrations, demo data when empty, then the four subgraphs and the gateway as five processes
 * talking HTTP, as in production. Prints the gateway URL and an example token per role.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/client.ts';
import { DATA_DIR, resolveDatabaseUrl } from '../db/config.ts';
import { runMigrations } from '../db/migrate.ts';
import { isEmpty, seedDemoData } from '../db/seed.ts';
import { DEFAULT_SUBGRAPH_PORTS, SUBGRAPH_NAMES, type SubgraphName } from '../schema/subgraphs.ts';
import { logger } from '../schema/runtime/logger.ts';
import { onShutdown } from '../schema/runtime/shutdown.ts';
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

const children: ChildProcess[] = [];
let stopping = false;

function start(script: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = fork(join(root, script), args, {
      cwd: root,
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.push(child);
    child.once('message', (message: { url?: string }) => resolve(message.url ?? ''));
    child.once('exit', (code) => {
      reject(new Error(`${script} ${args.join(' ')} exited with code ${code}`));
      if (!stopping) {
        log.error({ script, args, code }, 'a process of the system died; stopping the rest');
        void shutdown().then(() => process.exit(1));
      }
    });
  });
}

const portOf = (name: SubgraphName) => Number(process.env[`${name.toUpperCase()}_PORT`] ?? DEFAULT_SUBGRAPH_PORTS[name]);
const subgraphUrls = await Promise.all(
  SUBGRAPH_NAMES.map((name) =>
    start('subgraphs/start.ts', [name], { DATABASE_URL: databaseUrl, SKIP_MIGRATIONS: 'true', [`${name.toUpperCase()}_PORT`]: String(portOf(name)) }),
  ),
);
const gatewayUrl = await start('gateway/index.ts', [], {
  ...Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [`${name.toUpperCase()}_URL`, subgraphUrls[i]!])),
});

async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  await embedded?.stop();
}
onShutdown(log, shutdown);

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

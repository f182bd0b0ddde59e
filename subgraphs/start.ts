/**
 * `npm run start:subgraph -- <name>` (or SUBGRAPH=<name>): one subgraph in its own process on its
 * own port (<NAME>_PORT, default 4001–4004) on SUBGRAPH_HOST (default 127.0.0.1; a container
 * listens on 0.0.0.0). Without a database URL it uses the embedded server.
 */
import { resolveDatabaseUrl, subgraphDatabaseUrl } from '../db/config.ts';
import { runMigrations } from '../db/migrate.ts';
import { isProduction, loadSubgraphKeys } from '../schema/runtime/keys.ts';
import { DEFAULT_SUBGRAPH_PORTS, SUBGRAPH_NAMES, isSubgraphName } from '../schema/subgraphs.ts';
import { logger } from '../schema/runtime/logger.ts';
import { onShutdown } from '../schema/runtime/shutdown.ts';
import { startTracing } from '../schema/runtime/telemetry.ts';
import { runSubgraph } from './runtime.ts';

const name = process.argv[2] ?? process.env.SUBGRAPH ?? '';
if (!isSubgraphName(name)) {
  console.error(`usage: npm run start:subgraph -- <${SUBGRAPH_NAMES.join('|')}>`);
  process.exit(2);
}
const log = logger.child({ subgraph: name });
// Off unless OTEL_* configures an exporter (docs/operations.md, "Traces").
const tracing = startTracing({ serviceName: `imss-${name}` });
// Migrations need an administrator (DATABASE_URL, or the embedded server); the subgraph itself
// connects as its own role: <NAME>_DATABASE_URL, or in development that role on the same server.
const specificUrl = process.env[`${name.toUpperCase()}_DATABASE_URL`];
const migrate = process.env.SKIP_MIGRATIONS !== 'true';
const shared = specificUrl && !migrate ? null : await resolveDatabaseUrl(null, (m) => log.debug(m));
if (shared && migrate) await runMigrations(shared.url);
const embedded = shared?.embedded ?? null;
const port = Number(process.env[`${name.toUpperCase()}_PORT`] ?? DEFAULT_SUBGRAPH_PORTS[name]);
const subgraph = await runSubgraph({
  name,
  databaseUrl: specificUrl ?? subgraphDatabaseUrl(name, shared!.url),
  port,
  host: process.env.SUBGRAPH_HOST || '127.0.0.1',
  keys: await loadSubgraphKeys(name),
  production: isProduction(),
  poolSize: Number(process.env.DB_POOL_SIZE ?? 10),
  processMetrics: true,
});
// Handlers first: a supervisor may signal as soon as it hears that we are ready.
onShutdown(log, async (settings) => {
  const drained = await subgraph.close(settings);
  await tracing.shutdown();
  await embedded?.stop();
  return drained;
});
log.info({ url: subgraph.http.url }, 'subgraph ready');
// Parent processes (npm start, the e2e test) wait for this message over IPC.
if (process.send) process.send({ ready: name, url: subgraph.http.url });

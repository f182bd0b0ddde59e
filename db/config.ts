/**
 * Where each part of the system finds its database: `<SUBGRAPH>_DATABASE_URL`, else DATABASE_URL,
 * else the embedded PostgreSQL (started, or reused when a previous run left it up).
 */
import { isProduction } from '../schema/runtime/environment.ts';
import type { SubgraphName } from '../schema/subgraphs.ts';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded.ts';
import { developmentRoleUrl, subgraphRole } from './privileges.ts';

export const DATA_DIR = process.env.IMSS_DATA_DIR ?? '.data';

/** Where signed audit checkpoints are appended: storage the database cannot reach (docs/security.md, "Audit"). */
export function auditCheckpointDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.AUDIT_CHECKPOINT_DIR ?? `${DATA_DIR}/audit-checkpoints`;
}

export function configuredDatabaseUrl(subgraph: string | null, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const specific = subgraph ? env[`${subgraph.toUpperCase()}_DATABASE_URL`] : undefined;
  return specific || env.DATABASE_URL || undefined;
}

export interface ResolvedDatabase {
  url: string;
  embedded: EmbeddedDatabase | null;
}

export async function resolveDatabaseUrl(subgraph: string | null, log: (m: string) => void): Promise<ResolvedDatabase> {
  const url = configuredDatabaseUrl(subgraph);
  if (url) return { url, embedded: null };
  const embedded = await startEmbeddedDatabase({ dataDir: `${DATA_DIR}/pg`, port: Number(process.env.EMBEDDED_PG_PORT ?? 54329), log });
  return { url: embedded.url, embedded };
}

/**
 * The URL a subgraph process connects with: `<SUBGRAPH>_DATABASE_URL` as given (production: the
 * operator's login for role imss_<subgraph>), else — in development — the shared server and
 * database as the subgraph's own role (db/privileges.ts), never as the administrator.
 */
export function subgraphDatabaseUrl(subgraph: SubgraphName, sharedUrl: string, env: NodeJS.ProcessEnv = process.env): string {
  const specific = env[`${subgraph.toUpperCase()}_DATABASE_URL`];
  if (specific) return specific;
  if (isProduction(env)) {
    throw new Error(`${subgraph.toUpperCase()}_DATABASE_URL is required in production: each subgraph connects as its own role (${subgraphRole(subgraph)}), see docs/operations.md`);
  }
  return developmentRoleUrl(subgraph, sharedUrl);
}

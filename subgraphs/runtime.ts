/**
 * Starts one subgraph on its own port: opens its pool, builds its module from the registry and
 * serves it. Used by `npm run start:subgraph -- <name>`, by `npm start` (one child process per
 * subgraph) and by the integration tests (in-process, real HTTP).
 */
import { openDatabase, type Database } from '../db/client.ts';
import { SUBGRAPH_SESSION_SETTINGS } from './session-settings.ts';
import { connectionRoleProblems } from '../db/privileges.ts';
import { createIdentityVerifier } from '../schema/identity/gateway-token.ts';
import type { DrainOptions, DrainResult } from '../schema/runtime/graceful-shutdown.ts';
import type { RunningHttpServer } from '../schema/runtime/http-server.ts';
import type { SubgraphKeys } from '../schema/runtime/keys.ts';
import { logger } from '../schema/runtime/logger.ts';
import { createServiceMetrics, type ServiceMetrics } from '../schema/runtime/metrics.ts';
import type { SubgraphName } from '../schema/subgraphs.ts';
import { SUBGRAPHS } from './registry.ts';
import { createDocumentSigner } from './shared/documents/document-signer.ts';
import { createDocumentVerifier } from './shared/documents/document-verifier.ts';
import { startSubgraphServer } from './shared/subgraph-server.ts';
import { createAuditSigner } from './shared/audit/row-signature.ts';

export interface RunSubgraphOptions {
  name: SubgraphName;
  databaseUrl: string;
  port: number;
  /** Listening address. @default '127.0.0.1' */
  host?: string;
  keys: SubgraphKeys;
  production?: boolean;
  /** The clock, injectable for tests of date rules. @default () => new Date() */
  now?: () => Date;
  /** Pool size. @default 10 */
  poolSize?: number;
  /** Count the pool's statements (`database.statements`; tests and the benchmark, db/client.ts). @default false */
  countStatements?: boolean;
  /** Node's process metrics on /metrics (the service processes; not the in-process tests). */
  processMetrics?: boolean;
}

export interface RunningSubgraph {
  name: SubgraphName;
  http: RunningHttpServer;
  database: Database;
  metrics: ServiceMetrics;
  /** Drains the HTTP server (graceful-shutdown.ts), then stops the module and closes the pool. */
  close(options?: DrainOptions): Promise<DrainResult>;
}

export async function runSubgraph(options: RunSubgraphOptions): Promise<RunningSubgraph> {
  const metrics = createServiceMetrics({ service: options.name, processMetrics: options.processMetrics });
  const database = openDatabase(options.databaseUrl, { name: options.name, max: options.poolSize ?? 10, metrics: metrics.db, countStatements: options.countStatements === true, settings: SUBGRAPH_SESSION_SETTINGS });
  const now = options.now ?? (() => new Date());
  const log = logger.child({ subgraph: options.name });
  // A superuser or owner could bypass the audit trail's protections: production will not run as one.
  const problems = await connectionRoleProblems(database.sql);
  if (problems.length > 0) {
    if (options.production) {
      await database.close();
      throw new Error(`the ${options.name} subgraph must connect as its own role (docs/operations.md): ${problems.join('; ')}`);
    }
    log.warn({ problems }, 'connected with more privileges than the subgraph needs');
  }
  const documents = {
    signer: await createDocumentSigner(options.name, options.keys.documentSigning),
    verifier: await createDocumentVerifier(options.keys.documentKeys),
  };
  const instance = await SUBGRAPHS[options.name].create({ database, keys: options.keys, now, log, documents });
  const http = await startSubgraphServer(instance, {
    name: options.name,
    database,
    now,
    log,
    auditSigner: createAuditSigner(options.keys.auditSigning.privateKey),
    port: options.port,
    host: options.host,
    production: options.production ?? false,
    metrics,
    identityVerifier: createIdentityVerifier({ publicKey: options.keys.gatewayPublicKey, audience: options.name }),
  });
  return {
    name: options.name,
    http,
    database,
    metrics,
    async close(options) {
      const drained = await http.close(options);
      await instance.close?.();
      await database.close();
      return drained;
    },
  };
}

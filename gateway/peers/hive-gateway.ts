/**
 * Hive Gateway (@graphql-hive/gateway-runtime) serving our supergraph with the IMSS identity plugin
 * (hive-gateway-plugin.ts): what `npm run start:hive-gateway`, the benchmark and the tests run.
 *
 * - `planner: 'js'` is Hive's own JavaScript planner; `'rust'` the Rust one of
 *   @graphql-hive/router-runtime (the planner of Hive Router).
 * - In-flight de-duplication is off both ways: identical concurrent requests are each executed
 *   (it would merge requests of different people only if their identity tokens matched, but it
 *   also hides the real cost of a request, and our gateway does not do it).
 * - Subgraph URLs: the supergraph's, or the ones given (PERSONS_URL, … as for our gateway).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { createClientTokenVerifier, type ClientTokenVerifierOptions } from '../auth/client-token.ts';
import { createCaseVerifier } from '../case-verification.ts';
import { createKeepAliveFetcher } from '../fetcher.ts';
import { createIdentitySigner } from '../../schema/identity/gateway-token.ts';
import type { KeyObject } from 'node:crypto';
import type { Logger } from '../../schema/runtime/logger.ts';
import { defaultSubgraphUrl, type SubgraphName } from '../../schema/subgraphs.ts';
import { useImssIdentity } from './hive-gateway-plugin.ts';
import { HiveLogBridge, createGatewayRuntime, rustPlanner, type HiveGatewayPlugin } from './hive-runtime.ts';

export type HivePlanner = 'js' | 'rust';

export interface HiveGatewayOptions {
  supergraphPath: string;
  planner: HivePlanner;
  /** Where each subgraph is; absent ones use the supergraph's URL. */
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
  keys: { signingKey: KeyObject; client: ClientTokenVerifierOptions };
  log: Logger;
  /** Appointments' timeout for case verification, ms. @default 5000 */
  caseTimeoutMs?: number;
  /** More plugins, after the identity plugin. */
  plugins?: HiveGatewayPlugin<any>[];
}

export interface RunningHiveGateway {
  url: string;
  close(): Promise<void>;
}

/**
 * The plugin with what it needs: the client-token verifier, the identity signer and the case
 * verifier (over its own keep-alive pool to appointments). For a Hive Gateway an operator runs
 * some other way (its CLI's `gateway.config.ts`): `plugins: () => [createImssIdentityPlugin(…).plugin]`.
 */
export function createImssIdentityPlugin(options: { keys: HiveGatewayOptions['keys']; appointmentsUrl?: string; caseTimeoutMs?: number; log: Logger }) {
  const caseTimeoutMs = options.caseTimeoutMs ?? 5_000;
  const http = createKeepAliveFetcher(caseTimeoutMs);
  const identitySigner = createIdentitySigner({ privateKey: options.keys.signingKey });
  const cases = createCaseVerifier({ appointmentsUrl: options.appointmentsUrl ?? defaultSubgraphUrl('appointments'), fetcher: http.withTimeout(caseTimeoutMs), signer: identitySigner });
  return {
    plugin: useImssIdentity({ clientTokens: createClientTokenVerifier(options.keys.client), identitySigner, cases, log: options.log }),
    close: () => http.close(),
  };
}

export async function startHiveGateway(options: HiveGatewayOptions, listen: { port: number; host?: string }): Promise<RunningHiveGateway> {
  const { plugin: identity, close: closeCases } = createImssIdentityPlugin({
    keys: options.keys,
    appointmentsUrl: options.subgraphUrls?.appointments,
    caseTimeoutMs: options.caseTimeoutMs,
    log: options.log,
  });

  const locations = Object.fromEntries(Object.entries(options.subgraphUrls ?? {}).map(([name, location]) => [name, { location }]));
  const runtime = createGatewayRuntime({
    supergraph: readFileSync(options.supergraphPath, 'utf8'),
    ...(options.planner === 'rust' && { unifiedGraphHandler: rustPlanner }),
    transportEntries: { ...locations, '*.http': { options: { deduplicateInflightRequests: false } } },
    inboundInflightRequestDeduplication: false,
    logging: new HiveLogBridge(options.log),
    plugins: () => [identity, ...(options.plugins ?? [])],
  });
  const server = createServer(runtime);
  server.keepAliveTimeout = 65_000;
  const host = listen.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/graphql`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await runtime.dispose();
      await closeCases();
    },
  };
}

/** The supergraph's subgraph URLs overridden by PERSONS_URL, … when set. */
export function subgraphUrlsFromEnv(env: NodeJS.ProcessEnv, names: readonly SubgraphName[]): Partial<Record<SubgraphName, string>> {
  return Object.fromEntries(names.flatMap((name) => (env[`${name.toUpperCase()}_URL`] ? [[name, env[`${name.toUpperCase()}_URL`]!]] : [])));
}

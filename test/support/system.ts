/**
 * The whole system for integration tests, in this process but over real HTTP: four subgraphs on
 * free ports and the gateway in front of them, on a fresh database. `query()` goes through the
 * gateway; `querySubgraph()` calls one subgraph directly (with or without a gateway token).
 */
import { loadGatewayConfig } from '../../gateway/config.ts';
import { createGateway } from '../../gateway/create.ts';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../schema/subgraphs.ts';
import type { RunningHttpServer } from '../../schema/runtime/http-server.ts';
import { runSubgraph, type RunningSubgraph } from '../../subgraphs/runtime.ts';
import { mintDevToken } from '../../gateway/auth/dev-tokens.ts';
import type { Role } from '../../schema/identity/viewer.ts';
import { developmentRoleUrl } from '../../db/privileges.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { TEST_AUTH, generateTestKeys } from './keys.ts';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }>;
}

export interface QueryOptions {
  token?: string | null;
  purpose?: string;
  headers?: Record<string, string>;
}

export interface TestSystem {
  db: TestDatabase;
  keys: ReturnType<typeof generateTestKeys>;
  gateway: RunningHttpServer;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  /** The instant the subgraphs see (a test's fixed clock, or the real one). */
  now(): Date;
  token(role: Role, overrides?: Parameters<typeof mintDevToken>[3]): Promise<string>;
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, options?: QueryOptions): Promise<GraphQLResponse<T>>;
  post(url: string, body: unknown, headers?: Record<string, string>): Promise<GraphQLResponse>;
  close(): Promise<void>;
}

/** `gatewayNow`: the clock of the gateway's partner quotas only (a month can pass in a test). */
export async function startTestSystem(options: { now?: () => Date; gatewayNow?: () => Date; env?: Record<string, string> } = {}): Promise<TestSystem> {
  const db = await createTestDatabase();
  const keys = generateTestKeys();
  const started = await Promise.all(
    SUBGRAPH_NAMES.map((name) => runSubgraph({ name, databaseUrl: developmentRoleUrl(name, db.url), port: 0, keys: keys.subgraph(name), poolSize: 4, countStatements: true, now: options.now })),
  );
  const subgraphs = Object.fromEntries(started.map((s) => [s.name, s])) as Record<SubgraphName, RunningSubgraph>;
  const config = loadGatewayConfig({
    GATEWAY_PORT: '0',
    AUTH_ISSUER: TEST_AUTH.issuer,
    AUTH_AUDIENCE: TEST_AUTH.audience,
    ...Object.fromEntries(started.map((s) => [`${s.name.toUpperCase()}_URL`, s.http.url])),
    ...options.env,
  });
  const gateway = await createGateway(config, keys, { now: options.gatewayNow });

  async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<GraphQLResponse> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    const json = text ? (JSON.parse(text) as Omit<GraphQLResponse, 'status' | 'headers'>) : {};
    return { status: response.status, headers: response.headers, ...json };
  }

  return {
    db,
    keys,
    gateway,
    subgraphs,
    now: options.now ?? (() => new Date()),
    token: (role, overrides) => mintDevToken(keys.devIdp.privateKey, TEST_AUTH, role, overrides),
    query: (query, variables, opts = {}) =>
      post(gateway.url, { query, variables }, {
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.purpose ? { 'x-access-purpose': opts.purpose } : {}),
        ...opts.headers,
      }) as never,
    post,
    async close() {
      await gateway.close();
      await Promise.all(started.map((s) => s.close()));
      await db.drop();
    },
  };
}

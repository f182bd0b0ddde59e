/**
 * Builds and serves one subgraph: SDL from schema/<name>.graphql, resolvers, graphql-shield rules,
 * a context that refuses any request without a valid gateway-signed identity token, error masking
 * and health endpoints. Every subgraph plugs into this the same way (subgraphs/registry.ts).
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse, type GraphQLSchema } from 'graphql';
import type { Database } from '../../db/client.ts';
import { errorLoggingPlugin, formatErrorMasked } from '../../schema/errors/masking.ts';
import { IDENTITY_HEADER, identityChallenge } from '../../schema/identity/gateway-token.ts';
import { NO_GROUNDS, type AccessGrounds } from '../../schema/identity/access-grounds.ts';
import { viewerOf, type Identity } from '../../schema/identity/viewer.ts';
import { startGraphQLHttpServer, type RunningHttpServer } from '../../schema/runtime/http-server.ts';
import type { Logger } from '../../schema/runtime/logger.ts';
import { graphqlMetricsPlugin } from '../../schema/runtime/graphql-metrics.ts';
import type { ServiceMetrics } from '../../schema/runtime/metrics.ts';
import { readSubgraphSdl, type SubgraphName } from '../../schema/subgraphs.ts';
import { ReleasedRows } from './access/released-rows.ts';
import { createAuditTrail } from './audit/audit-trail.ts';
import type { AuditSigner } from './audit/row-signature.ts';
import { clockAt, type BaseContext } from './context.ts';
import { withShield } from './shield.ts';
import type { SubgraphInstance } from './subgraph-module.ts';

export interface IdentityVerifierLike {
  verify(token: string | undefined): Promise<{ identity: Identity; purpose: string | null; grounds?: AccessGrounds; idempotencyKey?: string | null }>;
}

export interface SubgraphServerOptions {
  name: SubgraphName;
  database: Database;
  identityVerifier: IdentityVerifierLike;
  now: () => Date;
  log: Logger;
  /** Signs the audit rows this subgraph appends. */
  auditSigner: AuditSigner;
  port: number;
  host?: string;
  /** Production turns introspection off; `_service` (composition) stays available to the gateway. */
  production?: boolean;
  /** Served at /metrics: requests, latency and errors per operation, and the database pool. */
  metrics?: ServiceMetrics;
}

export function buildShieldedSchema(name: SubgraphName, instance: SubgraphInstance): GraphQLSchema {
  const schema = buildSubgraphSchema([{ typeDefs: parse(readSubgraphSdl(name)), resolvers: instance.resolvers }]);
  return withShield(schema, instance.permissions);
}

/** The shared part of every request's context, from the verified identity. */
export function createBaseContext(
  options: Pick<SubgraphServerOptions, 'name' | 'database' | 'now' | 'log' | 'auditSigner'>,
  verified: { identity: Identity; purpose: string | null; grounds?: AccessGrounds; idempotencyKey?: string | null },
  requestId: string,
): BaseContext {
  const viewer = viewerOf(verified.identity);
  const grounds = verified.grounds ?? NO_GROUNDS;
  return {
    identity: verified.identity,
    viewer,
    purpose: verified.purpose,
    case: grounds.case,
    exception: grounds.exception,
    idempotencyKey: verified.idempotencyKey ?? null,
    requestId,
    log: options.log.child({ requestId }),
    clock: clockAt(options.now()),
    audit: createAuditTrail({
      database: options.database,
      subgraph: options.name,
      viewer,
      purpose: verified.purpose,
      requestId,
      case: grounds.case,
      exceptionReason: grounds.exception,
      signer: options.auditSigner,
    }),
    released: new ReleasedRows(),
  };
}

export async function startSubgraphServer(instance: SubgraphInstance, options: SubgraphServerOptions): Promise<RunningHttpServer> {
  const apollo = new ApolloServer<BaseContext>({
    schema: buildShieldedSchema(options.name, instance),
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    // Our own handler (schema/runtime/shutdown.ts) drains and exits; Apollo's would stop the server
    // too and re-send the signal, so the process exited 1 on every `docker stop` (NODE_ENV=test hid it).
    stopOnTerminationSignals: false,
    formatError: formatErrorMasked,
    logger: options.log,
    // No inline tracing (ftv1): it costs per field and we do not report to Apollo Studio. No cache
    // control either: no type or field has a cache hint (every answer is personal or audited), and
    // its hook runs on every field resolved (a large statistics table has ~40,000).
    plugins: [
      errorLoggingPlugin<BaseContext>(options.log),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...(options.metrics ? [graphqlMetricsPlugin<BaseContext>(options.metrics)] : []),
    ],
  });
  await apollo.start();

  const running = await startGraphQLHttpServer<BaseContext>(
    {
      apollo,
      metrics: options.metrics,
      extraRoutes: instance.extraRoutes,
      context: async ({ req, requestId }) => {
        const header = req.headers[IDENTITY_HEADER];
        const verified = await options.identityVerifier.verify(typeof header === 'string' ? header : undefined).catch(() => {
          // Direct calls without the gateway's token gain nothing, not even introspection.
          throw new GraphQLError('This service only accepts requests from the gateway', {
            // RFC 9110 §11.6.1: a 401 names the scheme that would be accepted.
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: new Map([['www-authenticate', identityChallenge(options.name)]]) } },
          });
        });
        return instance.context(createBaseContext(options, verified, requestId));
      },
      ready: async () => {
        await options.database.sql`select 1`;
        return { database: true };
      },
    },
    { port: options.port, host: options.host },
  );
  return {
    ...running,
    close: async (options) => {
      const drained = await running.close(options);
      await apollo.stop();
      return drained;
    },
  };
}

/**
 * Builds and serves one subgraph: SDL from schema/<name>.graphql, resolvers, graphql-shield rules,
 * a context that refuses any request without a valid gateway-signed identity token, error masking
 * and health endpoints. Every subgraph module plugs into this the same way (subgraphs/<name>/index.ts).
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { GraphQLError, parse, type GraphQLSchema } from 'graphql';
import type { IRules } from 'graphql-shield';
import type { Database } from '../../db/client.ts';
import { readSubgraphSdl, type SubgraphName } from '../../schema/subgraphs.ts';
import { createAuditRecorder } from './audit.ts';
import { viewerOf, type BaseContext } from './context.ts';
import { startGraphQLHttpServer, type RunningHttpServer } from '../../schema/runtime/http-server.ts';
import { IDENTITY_HEADER } from '../../schema/identity/gateway-token.ts';
import { logger } from '../../schema/runtime/logger.ts';
import { errorLoggingPlugin, formatErrorMasked } from '../../schema/errors/masking.ts';
import { withShield } from './shield.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface SubgraphModule<TContext extends BaseContext> {
  name: SubgraphName;
  resolvers: object;
  permissions: IRules;
  /** Adds the subgraph's loaders and services to the base context, once per request. */
  extendContext(base: BaseContext, database: Database): TContext;
  /** Extra HTTP routes, e.g. the public keys that verify signed documents. */
  extraRoutes?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
}

export interface IdentityVerifierLike {
  verify(token: string | undefined): Promise<{ identity: BaseContext['identity']; purpose: string | null }>;
}

export interface SubgraphServerOptions {
  database: Database;
  identityVerifier: IdentityVerifierLike;
  port: number;
  host?: string;
  /** Production turns introspection off; `_service` (composition) stays available to the gateway. */
  production?: boolean;
}

export function buildShieldedSchema<TContext extends BaseContext>(module: SubgraphModule<TContext>): GraphQLSchema {
  const schema = buildSubgraphSchema([
    { typeDefs: parse(readSubgraphSdl(module.name)), resolvers: module.resolvers as GraphQLResolverMap<unknown> },
  ]);
  return withShield(schema, module.permissions);
}

export async function startSubgraphServer<TContext extends BaseContext>(
  module: SubgraphModule<TContext>,
  options: SubgraphServerOptions,
): Promise<RunningHttpServer> {
  const log = logger.child({ subgraph: module.name });
  const apollo = new ApolloServer<TContext>({
    schema: buildShieldedSchema(module),
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    formatError: formatErrorMasked,
    // No inline tracing (ftv1): it costs per field and we do not report to Apollo Studio.
    plugins: [errorLoggingPlugin<TContext>(log), ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();

  const running = await startGraphQLHttpServer<TContext>(
    {
      apollo,
      extraRoutes: module.extraRoutes,
      context: async ({ req, requestId }) => {
        const header = req.headers[IDENTITY_HEADER];
        const { identity, purpose } = await options.identityVerifier
          .verify(typeof header === 'string' ? header : undefined)
          .catch(() => {
            // Direct calls without the gateway's token gain nothing, not even introspection.
            throw new GraphQLError('This service only accepts requests from the gateway', {
              extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
            });
          });
        const viewer = viewerOf(identity);
        const base: BaseContext = {
          identity,
          viewer,
          purpose,
          requestId,
          log: log.child({ requestId }),
          audit: createAuditRecorder({ database: options.database, subgraph: module.name, viewer, purpose, requestId }),
        };
        return module.extendContext(base, options.database);
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
    close: async () => {
      await running.close();
      await apollo.stop();
    },
  };
}

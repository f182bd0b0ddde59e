/**
 * The gateway: @apollo/gateway over the supergraph (a file or URL, reloaded on change), behind @apollo/server with
 * operation limits (graphql-armor), CSRF prevention, error masking, rate limiting, client-token
 * verification and identity propagation to the subgraphs.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError } from 'graphql';
import type { JWK } from 'jose';
import { startGraphQLHttpServer, sendJson, requestIdOf, type RunningHttpServer } from '../schema/runtime/http-server.ts';
import { logger } from '../schema/runtime/logger.ts';
import { errorLoggingPlugin } from '../schema/errors/masking.ts';
import type { GatewayConfig } from './config.ts';
import type { GatewayContext } from './context.ts';
import type { IdentitySignerLike } from './datasource.ts';
import { gatewayErrorFormatter, localizedBody } from './errors.ts';
import { operationLimits } from './limits.ts';
import { accessGrounds, declaredPurpose } from './access-grounds.ts';
import { createCaseVerifier } from './case-verification.ts';
import { requestLoggingPlugin } from './request-logging.ts';
import { createKeepAliveFetcher } from './fetcher.ts';
import { subgraphServices } from './subgraph-services.ts';
import { supergraphSource } from './supergraph-source.ts';
import { IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey } from '../schema/identity/idempotency-key.ts';
import { createRateLimiter, type RateLimitDecision } from './rate-limit.ts';
import { createAuthenticator, type ClientTokenVerifierLike } from './authenticate.ts';
import type { ServiceMetrics } from '../schema/runtime/metrics.ts';
import { graphqlMetricsPlugin } from '../schema/runtime/graphql-metrics.ts';
import { observedFetcher } from './subgraph-fetch.ts';
import { contentLanguagePlugin } from './error-messages/content-language.ts';
import { clientAddress } from './client-address.ts';
import { createQuotaStore } from './partners/quota-store.ts';
import { createPartnerQuotas } from './partners/quotas.ts';
import { paymentQuotaPlugin } from './partners/quota-plugin.ts';
import { quotaReportRoute } from './partners/quota-report.ts';
import { checkDocumentRequest, loadTrustedDocuments, resolveDocument, type DocumentRequest } from './partners/trusted-documents.ts';
import type { Identity } from '../schema/identity/viewer.ts';
import { compileResultShaping } from './result-shaping.ts';
import { createPlanMerging } from './plan-merging/dependencies.ts';

export type { ClientTokenVerifierLike } from './authenticate.ts';

export interface GatewayDependencies {
  config: GatewayConfig;
  clientTokens: ClientTokenVerifierLike;
  identitySigner: IdentitySignerLike;
  /** Public keys published at /.well-known/jwks.json (NSS certificates are verified with them). */
  publishedKeys: () => Promise<JWK[]>;
  /** Served at /metrics (gateway/create.ts makes them). */
  metrics?: ServiceMetrics;
  /** The clock partner quotas count months by (tests move it across a month). @default the real one */
  now?: () => Date;
}

export async function startGateway(deps: GatewayDependencies): Promise<RunningHttpServer> {
  const { config } = deps;
  const log = logger.child({ component: 'gateway' });
  const http = createKeepAliveFetcher(Math.max(config.subgraphTimeoutMs, ...Object.values(config.resilience.timeoutMs)));
  const rateLimiter = createRateLimiter(config.rateLimit.redisUrl, (error) => log.warn({ err: error }, 'rate-limit store unavailable; counting in memory'), config.rateLimit.redisPrefix);
  // 401 with WWW-Authenticate; failed authentications counted per address, then 429 (authenticate.ts).
  // The caller's address: the socket's, or behind trusted proxies the one they recorded (client-address.ts).
  const addressOf = (req: IncomingMessage) => clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], config.trustedProxyHops);
  const authenticate = createAuthenticator({ clientTokens: deps.clientTokens, failures: rateLimiter, failuresPerMinute: config.rateLimit.authFailuresPerMinute, log, addressOf });
  // Partner banks' monthly quotas (partners/quotas.ts) and the registered partner operations (partners/trusted-documents.ts).
  const now = deps.now ?? (() => new Date());
  const quotaStore = createQuotaStore(config.rateLimit.redisUrl, config.quotas.redisPrefix, (error) => log.warn({ err: error }, 'quota store unavailable; counting in memory'), () => now().getTime());
  const quotas = createPartnerQuotas({ config: config.quotas, store: quotaStore, now, metrics: deps.metrics });
  const trustedDocuments = loadTrustedDocuments(config.trustedDocuments.manifestPath);
  const documentRequests = new WeakMap<IncomingMessage, DocumentRequest>();

  // @apollo/gateway reports usage to Apollo (usage-reporting.api.apollographql.com) and probes cloud
  // metadata servers (169.254.169.254) unless this is set: no data about this system leaves it.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  // Late entity fetches of queries merged into one call (plan-merging/).
  const planMerging = createPlanMerging();
  const gateway = new ApolloGateway({
    // SUPERGRAPH_PATH or SUPERGRAPH_URL, reloaded when it changes (supergraph-source.ts); always
    // validated, production included, so a broken one is refused and the previous one keeps serving.
    supergraphSdl: supergraphSource({ ...config.supergraph, log }),
    validateSupergraph: true,
    // Configured URLs, per-subgraph timeouts and circuit breakers (subgraph-services.ts).
    buildService: subgraphServices({ config, http, signer: deps.identitySigner, log, metrics: deps.metrics }),
    logger: log,
    experimental_didResolveQueryPlan: planMerging.didResolveQueryPlan,
  });
  planMerging.install(gateway);
  // Responses shaped from a plan compiled from the operation, not by interpreting it per value (result-shaping.ts).
  compileResultShaping(gateway);

  const limits = operationLimits(config.limits);
  const cases = createCaseVerifier({ appointmentsUrl: config.subgraphUrls.appointments, fetcher: observedFetcher(http.withTimeout(config.resilience.timeoutMs.appointments), 'appointments', deps.metrics), signer: deps.identitySigner });

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: config.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Automatic persisted queries would let any client register a document under a hash; only the
    // trusted documents manifest names documents (partners/trusted-documents.ts).
    persistedQueries: false,
    // Our own handler (schema/runtime/shutdown.ts) drains and exits; Apollo's would stop the server
    // too and re-send the signal, so the process exited 1 on every `docker stop` (NODE_ENV=test hid it).
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    formatError: gatewayErrorFormatter({ production: config.production }),
    logger: log,
    plugins: [
      errorLoggingPlugin<GatewayContext>(log),
      requestLoggingPlugin(),
      ...(deps.metrics ? [graphqlMetricsPlugin<GatewayContext>(deps.metrics)] : []),
      contentLanguagePlugin<GatewayContext>(),
      paymentQuotaPlugin(quotas),
      // No field has a cache hint (the subgraphs turn cache control off: every answer is personal
      // data), yet the plugin built a cache policy per request (in the gateway's heap profile).
      ApolloServerPluginCacheControlDisabled(),
      ...(config.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  const decisions = new WeakMap<object, RateLimitDecision>();
  /** Who is calling, within their per-minute rate limit (GraphQL and /partners/quota alike). */
  const admit = async (req: IncomingMessage, requestId: string): Promise<{ identity: Identity; clientKey: string }> => {
    const identity = await authenticate(req, requestId);
    const clientKey = identity.kind === 'user' ? `sub:${identity.viewer.subject}` : `ip:${addressOf(req)}`;
    const limit = identity.kind === 'user' ? config.rateLimit.perMinute : config.rateLimit.anonymousPerMinute;
    const decision = await rateLimiter.hit(clientKey, limit);
    decisions.set(req, decision);
    if (!decision.allowed) {
      deps.metrics?.refusals.inc({ reason: 'rate_limit', caller: identity.kind === 'user' ? 'user' : 'anonymous' });
      throw new GraphQLError('Too many requests: slow down and retry after the reset', {
        extensions: {
          code: 'RATE_LIMITED',
          retryAfterSeconds: decision.resetSeconds,
          http: { status: 429, headers: new Map([['retry-after', String(decision.resetSeconds)]]) },
        },
      });
    }
    return { identity, clientKey };
  };
  const quotaReport = quotaReportRoute({ quotas, admit: async (req) => (await admit(req, requestIdOf(req))).identity });

  const running = await startGraphQLHttpServer<GatewayContext>(
    {
      apollo,
      metrics: deps.metrics,
      prepareBody: (body, { req }) => {
        const resolved = resolveDocument(body, trustedDocuments);
        documentRequests.set(req, resolved.request);
        return resolved.body;
      },
      finishBody: (body, { req }) => localizedBody(body, req.headers['accept-language']),
      context: async ({ req, requestId }) => {
        const { identity, clientKey } = await admit(req, requestId);
        // Before the quota: a refused free-form request does not use the bank's quota up.
        try {
          checkDocumentRequest(documentRequests.get(req) ?? { kind: 'free-form' }, identity, config.trustedDocuments);
        } catch (error) {
          deps.metrics?.refusals.inc({ reason: 'trusted_document', caller: identity.kind === 'user' ? 'user' : 'anonymous' });
          throw error;
        }
        if (identity.kind === 'user' && identity.viewer.bankId !== null) await quotas.admit(identity.viewer.bankId, 'requests');
        const purpose = declaredPurpose(req.headers['x-access-purpose']);
        const grounds = await accessGrounds(identity, purpose, { case: req.headers['x-access-case'], exception: req.headers['x-access-exception'] }, cases, requestId);
        const idempotencyKey = parseIdempotencyKey(req.headersDistinct[IDEMPOTENCY_KEY_HEADER]);
        return { identity, purpose, grounds, idempotencyKey, requestId, log: log.child({ requestId }), clientKey };
      },
      onResponse: ({ req }, res: ServerResponse) => {
        const decision = decisions.get(req);
        if (!decision) return;
        res.setHeader('ratelimit-limit', decision.limit);
        res.setHeader('ratelimit-remaining', decision.remaining);
        res.setHeader('ratelimit-reset', decision.resetSeconds);
      },
      extraRoutes: async (req, res) => {
        if (await quotaReport(req, res)) return true;
        if (req.url !== '/.well-known/jwks.json') return false;
        sendJson(res, 200, { keys: await deps.publishedKeys() });
        return true;
      },
      ready: async () => {
        const checks = await Promise.all(
          Object.entries(config.subgraphUrls).map(async ([name, url]) => {
            const health = new URL('/readyz', url);
            const ok = await fetch(health, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
            return [name, ok] as const;
          }),
        );
        return Object.fromEntries(checks);
      },
    },
    { port: config.port, host: config.host },
  );
  return {
    ...running,
    close: async (options) => {
      const drained = await running.close(options);
      await apollo.stop();
      await http.close();
      await rateLimiter.close();
      await quotaStore.close();
      return drained;
    },
  };
}

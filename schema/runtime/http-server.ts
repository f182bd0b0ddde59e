/**
 * A small node:http front for an ApolloServer (what `startStandaloneServer` does, plus health
 * endpoints, a body limit, request ids and graceful shutdown). Used by every subgraph and the
 * gateway, so all five processes answer /healthz and /readyz the same way.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { logger } from './logger.ts';
import { trackConnections, type DrainOptions, type DrainResult } from './graceful-shutdown.ts';
import type { ServiceMetrics } from './metrics.ts';
import { withServerSpan } from './telemetry.ts';

export interface HttpRequestInfo {
  req: IncomingMessage;
  /** Propagated from `x-request-id` when it looks sane, otherwise generated here. */
  requestId: string;
}

export interface GraphQLHttpServerOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  context: (info: HttpRequestInfo) => Promise<TContext>;
  /** Readiness: database reachable, dependencies up. Liveness (/healthz) never checks them. */
  ready: () => Promise<Record<string, boolean>>;
  /** Largest accepted request body. @default 1_000_000 */
  maxBodyBytes?: number;
  /** Extra routes (e.g. /.well-known/jwks.json); return true when handled. */
  extraRoutes?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  /**
   * Rewrites a parsed JSON body before Apollo Server sees it (the gateway resolves persisted
   * document ids into their registered text: gateway/partners/trusted-documents.ts).
   */
  prepareBody?: (body: unknown, info: HttpRequestInfo) => unknown;
  /**
   * Rewrites a complete GraphQL response body before it is sent (the gateway gives its errors in
   * the caller's language: gateway/errors.ts). Where the request is at hand, so nothing needs an
   * AsyncLocalStorage to find it: on Node 20 one `run` per request turns on promise hooks for every
   * promise in the process (~3 % of the gateway's busy time in `npm run bench -- --profile ours`).
   */
  finishBody?: (body: string, info: HttpRequestInfo) => string;
  /** Headers added to every GraphQL response (e.g. rate-limit headers); may be async. */
  onResponse?: (info: HttpRequestInfo, res: ServerResponse) => void;
  /** This process's metrics, served at GET /metrics (Prometheus text format). */
  metrics?: ServiceMetrics;
}

export interface RunningHttpServer {
  server: Server;
  url: string;
  port: number;
  /**
   * Stops accepting connections, answers readiness 503, finishes the requests in flight (their
   * responses close their keep-alive connections) and closes the rest (graceful-shutdown.ts).
   */
  close(options?: DrainOptions): Promise<DrainResult>;
}

/** A request id a caller may choose: anything else is replaced, never written to logs or audit rows. */
export const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

export async function startGraphQLHttpServer<TContext extends BaseContext>(
  options: GraphQLHttpServerOptions<TContext>,
  listen: { port: number; host?: string },
): Promise<RunningHttpServer> {
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const server = createServer((req, res) => {
    traced(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'unhandled HTTP error');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error' }] });
      else res.destroy();
    });
  });
  // Keep connections from the gateway (and load balancers) open longer than their idle timeout.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 30_000;
  const connections = trackConnections(server);

  /** GraphQL requests run in a server span (continuing the caller's traceparent). */
  async function traced(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path !== '/graphql' && path !== '/') return handle(req, res, path);
    const attributes = { 'http.request.method': req.method ?? 'GET', 'url.path': path, ...(options.metrics ? { 'imss.service': options.metrics.service } : {}) };
    await withServerSpan(`${req.method ?? 'GET'} /graphql`, req.headers, attributes, async (span) => {
      await handle(req, res, path);
      span?.setAttribute('http.response.status_code', res.statusCode);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (path === '/metrics' && options.metrics && req.method === 'GET') {
      const body = await options.metrics.registry.metrics();
      res.writeHead(200, { 'content-type': options.metrics.registry.contentType, 'content-length': Buffer.byteLength(body) });
      res.end(body);
      return;
    }
    if (path === '/readyz') {
      if (connections.draining) return sendJson(res, 503, { status: 'shutting down' });
      const checks = await options.ready().catch(() => ({ ready: false }));
      const ok = Object.values(checks).every(Boolean);
      return sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready', checks });
    }
    if (options.extraRoutes && (await options.extraRoutes(req, res))) return;
    if (path !== '/graphql' && path !== '/') return sendJson(res, 404, { error: 'not found' });

    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    const body = await readBody(req, maxBodyBytes);
    if (body === TOO_LARGE) {
      return sendJson(res, 413, { errors: [{ message: 'Request body too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let parsedBody: unknown = undefined;
    if (body.length > 0 && (headers.get('content-type') ?? '').includes('application/json')) {
      try {
        parsedBody = JSON.parse(body);
      } catch {
        return sendJson(res, 400, { errors: [{ message: 'Malformed JSON body', extensions: { code: 'BAD_REQUEST' } }] });
      }
    }
    const info: HttpRequestInfo = { req, requestId };
    if (options.prepareBody) parsedBody = options.prepareBody(parsedBody, info);
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (req.method ?? 'GET').toUpperCase(),
        headers,
        search: (req.url ?? '').includes('?') ? (req.url ?? '').slice((req.url ?? '').indexOf('?')) : '',
        body: parsedBody,
      },
      context: () => options.context(info),
    });
    options.onResponse?.(info, res);
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(options.finishBody ? options.finishBody(response.body.string, info) : response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    url: `http://${listen.host ?? '127.0.0.1'}:${port}/graphql`,
    close: (options) => connections.drain(options),
  };
}

const TOO_LARGE = Symbol('too large');

function readBody(req: IncomingMessage, limit: number): Promise<string | typeof TOO_LARGE> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? TOO_LARGE : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

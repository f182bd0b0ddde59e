/**
 * An Apollo Router coprocessor (external coprocessing protocol, version 1) that gives the Router
 * what our gateway does in gateway/datasource.ts: every subgraph request carries a fresh Ed25519
 * identity token signed for that subgraph only (schema/identity/gateway-token.ts), with the
 * caller's verified roles and scopes, the declared purpose and the grounds staff act on (a case
 * verified with the appointments subgraph, or a declared exception: gateway/access-grounds.ts), and
 * no client credential reaches a subgraph. Rhai scripts cannot sign Ed25519, hence a coprocessor.
 *
 * Stages (README, "Other gateways"):
 * - RouterRequest: the client's token is verified once per request; an invalid one ends the request
 *   with 401, as our gateway does. A malformed X-Access-Purpose ends it with 400 PURPOSE_INVALID;
 *   X-Access-Case / X-Access-Exception are checked as our gateway checks them (400 when malformed,
 *   403 CASE_NOT_VERIFIED, 503 when appointments cannot answer).
 * - SubgraphRequest: the same checks (tokens and verified cases are cached), then the headers come
 *   back with `x-imss-identity` set for `serviceName` and Authorization, Cookie, X-Access-Purpose,
 *   X-Access-Case and X-Access-Exception removed (they travel inside the token).
 * Any other stage is passed through unchanged.
 */
import { GraphQLError } from 'graphql';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { IDENTITY_HEADER, NOT_FORWARDED, type IdentitySigner } from '../../schema/identity/gateway-token.ts';
import { IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey } from '../../schema/identity/idempotency-key.ts';
import type { Identity } from '../../schema/identity/viewer.ts';
import type { Logger } from '../../schema/runtime/logger.ts';
import { isSubgraphName } from '../../schema/subgraphs.ts';
import { REQUEST_ID } from '../../schema/runtime/http-server.ts';
import { accessGrounds, declaredPurpose } from '../access-grounds.ts';
import { INVALID_TOKEN_MESSAGE } from '../auth/errors.ts';
import type { CaseVerifier } from '../case-verification.ts';

/** The fields of a coprocessor request this coprocessor reads; the Router sends more, which are ignored. */
const coprocessorRequestSchema = z.object({
  version: z.literal(1),
  stage: z.string(),
  id: z.string(),
  control: z.unknown().optional(),
  headers: z.record(z.string(), z.array(z.string())).optional(),
  serviceName: z.string().optional(),
  subgraphRequestId: z.string().optional(),
});

export type CoprocessorRequest = z.infer<typeof coprocessorRequestSchema>;

export interface CoprocessorResponse {
  version: 1;
  stage: string;
  id: string;
  subgraphRequestId?: string;
  control: 'continue' | { break: number };
  headers?: Record<string, string[]>;
  body?: unknown;
}

export interface RouterCoprocessorDependencies {
  clientTokens: { verify(authorizationHeader: string | undefined): Promise<Identity> };
  identitySigner: IdentitySigner;
  /** X-Access-Case verification with the appointments subgraph, as our gateway does it (gateway/case-verification.ts). */
  cases: CaseVerifier;
  log: Logger;
}


class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extensions besides the code (a case refusal's `reason`). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** An error of gateway/access-grounds.ts or case-verification.ts as the Router's break: its status, code and reason. */
function refusalOf(error: GraphQLError): Refusal {
  const { code, http, reason } = error.extensions as { code?: unknown; http?: { status?: unknown }; reason?: unknown };
  const status = typeof http?.status === 'number' ? http.status : 400;
  return new Refusal(status, typeof code === 'string' ? code : 'BAD_USER_INPUT', error.message, typeof reason === 'string' ? { reason } : {});
}

/** Decides one coprocessor request. Throws only for a payload that is not the protocol's (the server answers 400). */
export function createCoprocessorHandler(deps: RouterCoprocessorDependencies) {
  async function caller(headers: Record<string, string[]>, requestId: string | undefined) {
    const authorization = headers.authorization;
    if (authorization !== undefined && authorization.length !== 1) throw new Refusal(401, 'UNAUTHENTICATED', INVALID_TOKEN_MESSAGE);
    const identity = await deps.clientTokens.verify(authorization?.[0]).catch((error: { reason?: string }) => {
      deps.log.info({ reason: error.reason }, 'client token rejected');
      throw new Refusal(401, 'UNAUTHENTICATED', INVALID_TOKEN_MESSAGE);
    });
    let purpose: string | null;
    let idempotencyKey: string | null;
    try {
      purpose = declaredPurpose(headers['x-access-purpose']);
      idempotencyKey = parseIdempotencyKey(headers[IDEMPOTENCY_KEY_HEADER]);
    } catch (error) {
      throw error instanceof GraphQLError ? refusalOf(error) : error;
    }
    // The same rules as our gateway's (gateway/server.ts): only staff's grounds count, verified as the caller.
    const grounds = await accessGrounds(identity, purpose, { case: headers['x-access-case'], exception: headers['x-access-exception'] }, deps.cases, requestId).catch((error: unknown) => {
      throw error instanceof GraphQLError ? refusalOf(error) : error;
    });
    return { identity, purpose, grounds, idempotencyKey };
  }

  return async function handle(payload: unknown): Promise<CoprocessorResponse> {
    const request = coprocessorRequestSchema.parse(payload);
    const reply: CoprocessorResponse = {
      version: 1,
      stage: request.stage,
      id: request.id,
      ...(request.subgraphRequestId !== undefined && { subgraphRequestId: request.subgraphRequestId }),
      control: 'continue',
    };
    if (request.stage !== 'RouterRequest' && request.stage !== 'SubgraphRequest') return reply;
    const headers = lowerCased(request.headers ?? {});
    try {
      const requestId = REQUEST_ID.test(request.id) ? request.id : undefined;
      const { identity, purpose, grounds, idempotencyKey } = await caller(headers, requestId);
      if (request.stage === 'RouterRequest') return reply;
      const audience = request.serviceName ?? '';
      // The Router must send serviceName (service_name: true); a token for an unknown audience helps no one.
      if (!isSubgraphName(audience)) throw new Refusal(500, 'INTERNAL_SERVER_ERROR', 'The coprocessor was called for an unknown subgraph');
      const forwarded = Object.fromEntries(Object.entries(headers).filter(([name]) => !NOT_FORWARDED.has(name)));
      forwarded[IDENTITY_HEADER] = [await deps.identitySigner.sign(identity, audience, purpose, grounds, idempotencyKey)];
      if (requestId !== undefined) forwarded['x-request-id'] = [requestId];
      return { ...reply, headers: forwarded };
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      if (error.status === 500) deps.log.error({ serviceName: request.serviceName }, error.message);
      const body = { errors: [{ message: error.message, extensions: { code: error.code, ...error.details } }] };
      return {
        ...reply,
        control: { break: error.status },
        // The RouterRequest stage sends its body to the client as is (a string); SubgraphRequest takes a GraphQL response.
        body: request.stage === 'RouterRequest' ? JSON.stringify(body) : body,
        ...(request.stage === 'RouterRequest' && { headers: { 'content-type': ['application/json'], ...(error.status === 401 && { 'www-authenticate': ['Bearer error="invalid_token"'] }) } }),
      };
    }
  };
}

function lowerCased(headers: Record<string, string[]>): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(headers)) (result[name.toLowerCase()] ??= []).push(...values);
  return result;
}

export interface RunningCoprocessor {
  url: string;
  close(): Promise<void>;
}

/** Serves the handler: POST / (the Router's calls), GET /healthz. */
export async function startRouterCoprocessor(deps: RouterCoprocessorDependencies, listen: { port: number; host?: string }): Promise<RunningCoprocessor> {
  const handle = createCoprocessorHandler(deps);
  const server = createServer((req, res) => {
    respond(req, res).catch((error: unknown) => {
      deps.log.error({ err: error }, 'coprocessor request failed');
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
    });
  });
  server.keepAliveTimeout = 65_000;

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET' && req.url === '/healthz') return send(res, 200, { status: 'ok' });
    if (req.method !== 'POST') return send(res, 405, { error: 'POST only' });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > 4_000_000) return send(res, 413, { error: 'payload too large' });
      chunks.push(chunk);
    }
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return send(res, 400, { error: 'malformed JSON' });
    }
    const reply = await handle(payload).catch((error: unknown) => (error instanceof z.ZodError ? null : Promise.reject(error)));
    // Not the protocol's shape: the Router treats a failed coprocessor call as an error (no request goes through).
    if (reply === null) return send(res, 400, { error: 'not a version 1 coprocessor request' });
    send(res, 200, reply);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${listen.host ?? '127.0.0.1'}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

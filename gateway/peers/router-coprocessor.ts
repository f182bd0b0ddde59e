/**
 * An Apollo Router coprocessor (external coprocessing protocol, version 1) that gives the Router
 * what our gateway does in gateway/datasource.ts: every subgraph request carries a fresh Ed25519
 * identity token signed for that subgraph only (schema/identity/gateway-token.ts), with the
 * caller's verified roles and scopes and the declared purpose, and no client credential reaches a
 * subgraph. Rhai scripts cannot sign Ed25519, hence a coprocessor.
 *
 * Stages (README, "Other gateways"):
 * - RouterRequest: the client's token is verified once per request; an invalid one ends the request
 *   with 401, as our gateway does. A malformed X-Access-Purpose ends it with 400, and so do staff's
 *   grounds when malformed; a case that does not verify ends it with 403 (503 when unverifiable).
 * - SubgraphRequest: the same checks (tokens are cached, case verifications remembered for a few
 *   seconds), then the headers come back with `x-imss-identity` set for `serviceName`, carrying the
 *   purpose and staff's grounds (X-Access-Case verified with appointments, or X-Access-Exception:
 *   gateway/access-grounds.ts), and Authorization, Cookie, X-Access-* removed.
 * Any other stage is passed through unchanged.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { IDENTITY_HEADER, type IdentitySigner } from '../../schema/identity/gateway-token.ts';
import { InvalidPurposeError, parsePurpose } from '../../schema/identity/purpose.ts';
import type { Identity } from '../../schema/identity/viewer.ts';
import type { Logger } from '../../schema/runtime/logger.ts';
import { isSubgraphName } from '../../schema/subgraphs.ts';
import { GraphQLError } from 'graphql';
import { INVALID_TOKEN_MESSAGE } from '../auth/errors.ts';
import { accessGrounds } from '../access-grounds.ts';
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
  /** Verifies X-Access-Case with appointments (createCaseVerifier). */
  cases: CaseVerifier;
  log: Logger;
}

/** Headers never forwarded to a subgraph: client credentials, and an identity header a client may have sent. */
const REMOVED = new Set(['authorization', 'cookie', 'x-access-purpose', 'x-access-case', 'x-access-exception', IDENTITY_HEADER]);
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Decides one coprocessor request. Throws only for a payload that is not the protocol's (the server answers 400). */
export function createCoprocessorHandler(deps: RouterCoprocessorDependencies) {
  async function caller(headers: Record<string, string[]>) {
    const authorization = headers.authorization;
    if (authorization !== undefined && authorization.length !== 1) throw new Refusal(401, 'UNAUTHENTICATED', INVALID_TOKEN_MESSAGE);
    const identity = await deps.clientTokens.verify(authorization?.[0]).catch((error: { reason?: string }) => {
      deps.log.info({ reason: error.reason }, 'client token rejected');
      throw new Refusal(401, 'UNAUTHENTICATED', INVALID_TOKEN_MESSAGE);
    });
    let purpose: string | null;
    try {
      purpose = parsePurpose(headers['x-access-purpose']?.join(','));
    } catch (error) {
      if (error instanceof InvalidPurposeError) throw new Refusal(400, 'BAD_USER_INPUT', error.message);
      throw error;
    }
    try {
      const grounds = await accessGrounds(identity, purpose, { case: headers['x-access-case'], exception: headers['x-access-exception'] }, deps.cases);
      return { identity, purpose, grounds };
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      const { code, http } = error.extensions as { code?: string; http?: { status?: number } };
      throw new Refusal(http?.status ?? 400, code ?? 'BAD_USER_INPUT', error.message);
    }
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
      const { identity, purpose, grounds } = await caller(headers);
      if (request.stage === 'RouterRequest') return reply;
      const audience = request.serviceName ?? '';
      // The Router must send serviceName (service_name: true); a token for an unknown audience helps no one.
      if (!isSubgraphName(audience)) throw new Refusal(500, 'INTERNAL_SERVER_ERROR', 'The coprocessor was called for an unknown subgraph');
      const forwarded = Object.fromEntries(Object.entries(headers).filter(([name]) => !REMOVED.has(name)));
      forwarded[IDENTITY_HEADER] = [await deps.identitySigner.sign(identity, audience, purpose, grounds)];
      if (REQUEST_ID.test(request.id)) forwarded['x-request-id'] = [request.id];
      return { ...reply, headers: forwarded };
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      if (error.status === 500) deps.log.error({ serviceName: request.serviceName }, error.message);
      const body = { errors: [{ message: error.message, extensions: { code: error.code } }] };
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

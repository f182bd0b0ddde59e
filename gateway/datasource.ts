/**
 * How the gateway calls a subgraph: over HTTP with the keep-alive fetcher, carrying a fresh
 * gateway-signed identity token for that subgraph (audience = subgraph name) and the request id.
 * No client header is forwarded: subgraphs trust only the token (which carries the client's
 * Idempotency-Key when it sent one).
 *
 * It implements @apollo/gateway's `GraphQLDataSource` itself rather than extending
 * RemoteGraphQLDataSource: that one builds a node-fetch `Headers` and a node-fetch `Request` per
 * call that nothing here reads (≈ 2 % of the gateway's busy time on the queue workload, `npm run
 * bench -- --profile ours`), and its automatic persisted queries and subgraph Cache-Control
 * handling are off here anyway (the subgraphs send no cache hints; the gateway caches no answer).
 *
 * Resilience (docs/operations.md, "Subgraph failures"): each call has the subgraph's timeout (in
 * the fetcher); a query whose connection failed is tried again (SUBGRAPH_QUERY_RETRIES), a mutation
 * never is (it may have been applied before the connection dropped), and nothing is tried again
 * after a timeout (that would double the wait); the subgraph's circuit breaker fails calls at once
 * while it is open. Whatever fails reaches the client as SUBGRAPH_UNAVAILABLE with partial data.
 */
import type { GraphQLDataSource } from '@apollo/gateway';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import type { GraphQLError } from 'graphql';
import { isSafeCode } from '../schema/errors/masking.ts';
import { IDENTITY_HEADER } from '../schema/identity/gateway-token.ts';
import type { AccessGrounds } from '../schema/identity/access-grounds.ts';
import type { Logger } from '../schema/runtime/logger.ts';
import type { CircuitBreaker } from './circuit-breaker.ts';
import type { GatewayContext } from './context.ts';
import { RequestNotSent, SubgraphClientError, SubgraphHttpError, classifyCallFailure, subgraphUnavailable } from './subgraph-errors.ts';

export interface IdentitySignerLike {
  sign(identity: GatewayContext['identity'], audience: string, purpose: string | null, grounds?: AccessGrounds, idempotencyKey?: string | null): Promise<string>;
}

export interface SubgraphResilience {
  breaker: CircuitBreaker;
  /** Extra attempts for a query whose connection failed. */
  queryRetries: number;
  /** For calls without a request context (health checks). */
  log: Logger;
}

/** Extensions of a subgraph's 400 kept besides code, position and issues. */
const TEXT_DETAILS = new Set(['reason', 'char', 'length', 'max']);

type ProcessOptions = Parameters<GraphQLDataSource<GatewayContext>['process']>[0];
type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource<GatewayContext>['process']>>;

export class IdentityPropagatingDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraphName: string,
    readonly url: string,
    private readonly fetcher: Fetcher,
    private readonly signer: IdentitySignerLike,
    private readonly resilience: SubgraphResilience,
  ) {}

  async process(options: ProcessOptions): Promise<SubgraphResponse> {
    const { breaker } = this.resilience;
    const attempts = 1 + (isQuery(options) ? this.resilience.queryRetries : 0);
    const causes: string[] = [];
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const permit = breaker.acquire();
      if (!permit) {
        causes.push(`circuit ${breaker.state}`);
        break;
      }
      try {
        const response = await this.send(options);
        breaker.record(permit, 'success');
        return response;
      } catch (error) {
        const failure = classifyCallFailure(error);
        if (failure.kind === 'not-sent') {
          breaker.record(permit, 'cancelled');
          throw failure.error;
        }
        if (failure.kind === 'refused-by-subgraph') {
          breaker.record(permit, 'success');
          throw failure.error;
        }
        breaker.record(permit, failure.health ? 'failure' : 'success');
        causes.push(failure.cause);
        if (!failure.retryable) break;
      }
    }
    const log = contextOf(options)?.log ?? this.resilience.log;
    log.warn({ subgraph: this.subgraphName, causes, circuit: breaker.state }, 'subgraph unavailable');
    throw subgraphUnavailable(this.subgraphName);
  }

  /** One call: the operation as JSON, the identity token and the request id its only headers. */
  private async send(options: ProcessOptions): Promise<SubgraphResponse> {
    const { request } = options;
    if (!request.query) throw new RequestNotSent(new Error('Missing query'));
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const context = contextOf(options);
    // Composition-time calls (none with a static supergraph) and health checks have no identity.
    if (context?.identity) {
      // The Idempotency-Key rides in the signed token, never as a header a subgraph would have to trust.
      headers[IDENTITY_HEADER] = await this.signer.sign(context.identity, this.subgraphName, context.purpose ?? null, context.grounds, context.idempotencyKey ?? null).catch((error: unknown) => {
        throw new RequestNotSent(error);
      });
      if (context.requestId) headers['x-request-id'] = context.requestId;
    }
    const body = JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName, extensions: request.extensions });
    const response = await this.fetcher(this.url, { method: 'POST', headers, body });
    if (!response.ok) throw await this.errorFromResponse(response);
    const contentType = response.headers.get('content-type') ?? '';
    // Not a GraphQL answer: a failed call that counts against the circuit (subgraph-errors.ts).
    if (!contentType.startsWith('application/json') && !contentType.startsWith('application/graphql-response+json')) throw new Error('the subgraph answered without a JSON body');
    const answer: unknown = await response.json();
    if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) throw new Error('the subgraph answered JSON that is not a GraphQL response');
    return answer as SubgraphResponse;
  }

  /**
   * A subgraph answers 400 for requests it rejects before executing (an invalid Curp variable,
   * say): its own client-safe error (code, failing position) is kept. Any other status is a failed
   * call: the default error would carry the subgraph's URL, status line and body to the client.
   */
  private async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    if (response.status === 400) {
      const body = (await response.json().catch(() => undefined)) as { errors?: Array<{ message?: unknown; extensions?: Record<string, unknown> }> } | undefined;
      const first = body?.errors?.[0];
      if (first && typeof first.message === 'string' && isSafeCode(first.extensions?.code)) {
        const { code, position, issues, ...rest } = first.extensions ?? {};
        // A text scalar's refusal (schema/scalars/text.ts) says why in `reason`, with the character or the limits.
        const details = Object.fromEntries(Object.entries(rest).filter(([key, value]) => TEXT_DETAILS.has(key) && (typeof value === 'string' || typeof value === 'number')));
        return new SubgraphClientError(first.message, { extensions: { code, ...(position ? { position } : {}), ...(issues ? { issues } : {}), ...details } });
      }
    }
    // Thrown, not returned, like the 400 above when it is kept: process() masks it.
    throw new SubgraphHttpError(response.status);
  }
}

function contextOf(options: ProcessOptions): Partial<GatewayContext> | undefined {
  return 'context' in options ? (options.context as Partial<GatewayContext> | undefined) : undefined;
}

function isQuery(options: ProcessOptions): boolean {
  return 'incomingRequestContext' in options && options.incomingRequestContext?.operation?.operation === 'query';
}

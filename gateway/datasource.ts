/**
 * How the gateway calls a subgraph: over HTTP with the keep-alive fetcher, carrying a fresh
 * gateway-signed identity token for that subgraph (audience = subgraph name) and the request id.
 * No client header is forwarded: subgraphs trust only the token (which carries the client's
 * Idempotency-Key when it sent one).
 *
 * Resilience (docs/operations.md, "Subgraph failures"): each call has the subgraph's timeout (in
 * the fetcher); a query whose connection failed is tried again (SUBGRAPH_QUERY_RETRIES), a mutation
 * never is (it may have been applied before the connection dropped), and nothing is tried again
 * after a timeout (that would double the wait); the subgraph's circuit breaker fails calls at once
 * while it is open. Whatever fails reaches the client as SUBGRAPH_UNAVAILABLE with partial data.
 */
import { RemoteGraphQLDataSource } from '@apollo/gateway';
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

type ProcessOptions = Parameters<RemoteGraphQLDataSource<GatewayContext>['process']>[0];

export class IdentityPropagatingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraphName: string,
    url: string,
    fetcher: Fetcher,
    private readonly signer: IdentitySignerLike,
    private readonly resilience: SubgraphResilience,
  ) {
    super({ url, fetcher });
  }

  override async process(options: ProcessOptions) {
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
        const response = await super.process(options);
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

  override async willSendRequest({ request, context }: Parameters<RemoteGraphQLDataSource<GatewayContext>['willSendRequest'] & {}>[0]) {
    const headers = request.http?.headers;
    if (!headers) return;
    // Composition-time calls (none with a static supergraph) and health checks have no context.
    if (!context?.identity) return;
    // The Idempotency-Key rides in the signed token, never as a header a subgraph would have to trust.
    const token = await this.signer.sign(context.identity, this.subgraphName, context.purpose, context.grounds, context.idempotencyKey ?? null).catch((error: unknown) => {
      throw new RequestNotSent(error);
    });
    headers.set(IDENTITY_HEADER, token);
    headers.set('x-request-id', context.requestId);
  }

  /**
   * A subgraph answers 400 for requests it rejects before executing (an invalid Curp variable,
   * say): its own client-safe error (code, failing position) is kept. Any other status is a failed
   * call: the default error would carry the subgraph's URL, status line and body to the client.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    if (response.status === 400) {
      const body = (await response.json().catch(() => undefined)) as { errors?: Array<{ message?: unknown; extensions?: Record<string, unknown> }> } | undefined;
      const first = body?.errors?.[0];
      if (first && typeof first.message === 'string' && isSafeCode(first.extensions?.code)) {
        const { code, position, issues } = first.extensions ?? {};
        return new SubgraphClientError(first.message, { extensions: { code, ...(position ? { position } : {}), ...(issues ? { issues } : {}) } });
      }
    }
    // Thrown, not returned: RemoteGraphQLDataSource throws what this gives, and process() masks it.
    throw new SubgraphHttpError(response.status);
  }
}

function contextOf(options: ProcessOptions): Partial<GatewayContext> | undefined {
  return 'context' in options ? (options.context as Partial<GatewayContext> | undefined) : undefined;
}

function isQuery(options: ProcessOptions): boolean {
  return 'incomingRequestContext' in options && options.incomingRequestContext?.operation?.operation === 'query';
}

/**
 * How the gateway calls a subgraph: over HTTP with the keep-alive fetcher, carrying a fresh
 * gateway-signed identity token for that subgraph (audience = subgraph name) and the request id.
 * No client header is forwarded: subgraphs trust only the token.
 */
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { isSafeCode } from '../schema/errors/masking.ts';
import { IDENTITY_HEADER } from '../schema/identity/gateway-token.ts';
import type { AccessGrounds } from '../schema/identity/access-grounds.ts';
import type { GatewayContext } from './context.ts';

export interface IdentitySignerLike {
  sign(identity: GatewayContext['identity'], audience: string, purpose: string | null, grounds?: AccessGrounds): Promise<string>;
}

export class IdentityPropagatingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraphName: string,
    url: string,
    fetcher: Fetcher,
    private readonly signer: IdentitySignerLike,
  ) {
    super({ url, fetcher });
  }

  /**
   * A subgraph that cannot be reached (down, refusing, timing out) yields a partial result with
   * SUBGRAPH_UNAVAILABLE naming only the service — never its address — instead of a raw fetch error.
   */
  override async process(options: Parameters<RemoteGraphQLDataSource<GatewayContext>['process']>[0]) {
    try {
      return await super.process(options);
    } catch (first) {
      if (first instanceof GraphQLError) throw first;
      // A query that failed to connect is retried once (a subgraph replica restarting); a mutation
      // never is: it may have been applied before the connection dropped.
      if (isQuery(options)) {
        try {
          return await super.process(options);
        } catch (second) {
          if (second instanceof GraphQLError) throw second;
        }
      }
      const error = first;
      const context = 'context' in options ? (options.context as Partial<GatewayContext>) : undefined;
      context?.log?.warn({ err: error, subgraph: this.subgraphName }, 'subgraph unavailable');
      throw new GraphQLError(`The ${this.subgraphName} service is unavailable; partial data returned`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.subgraphName },
      });
    }
  }

  override async willSendRequest({ request, context }: Parameters<RemoteGraphQLDataSource<GatewayContext>['willSendRequest'] & {}>[0]) {
    const headers = request.http?.headers;
    if (!headers) return;
    // Composition-time calls (none with a static supergraph) and health checks have no context.
    if (!context?.identity) return;
    headers.set(IDENTITY_HEADER, await this.signer.sign(context.identity, this.subgraphName, context.purpose, context.grounds));
    headers.set('x-request-id', context.requestId);
  }

  /**
   * A subgraph answers 400 for requests it rejects before executing (an invalid Curp variable,
   * say). The default turns that into "400: Bad Request" with the subgraph's URL and body; keep
   * instead the subgraph's own client-safe error (code, failing position), and nothing internal.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const fallback = await super.errorFromResponse(response);
    const body = (fallback.extensions.response as { body?: unknown } | undefined)?.body as
      | { errors?: Array<{ message?: unknown; extensions?: Record<string, unknown> }> }
      | undefined;
    const first = body?.errors?.[0];
    if (response.status === 400 && first && typeof first.message === 'string' && isSafeCode(first.extensions?.code)) {
      const { code, position, issues } = first.extensions ?? {};
      return new GraphQLError(first.message, { extensions: { code, ...(position ? { position } : {}), ...(issues ? { issues } : {}) } });
    }
    return fallback;
  }
}

function isQuery(options: Parameters<RemoteGraphQLDataSource<GatewayContext>['process']>[0]): boolean {
  return 'incomingRequestContext' in options && options.incomingRequestContext?.operation?.operation === 'query';
}

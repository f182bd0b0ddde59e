/**
 * A Hive Gateway plugin that gives Hive Gateway what our gateway does in gateway/server.ts and
 * gateway/datasource.ts (README, "Other gateways"): the client's token is verified once per
 * request (401 when invalid), the declared purpose is validated (X-Access-Purpose, 400 when
 * malformed), staff's grounds are established — X-Access-Case verified with the appointments
 * subgraph as the caller (gateway/case-verification.ts), or X-Access-Exception — and every
 * subgraph request carries a fresh Ed25519 identity token signed for that subgraph only, with the
 * purpose and grounds in it. No client credential reaches a subgraph, whatever else the operator
 * propagates.
 *
 * Hooks: `onContextBuilding` decides who is calling (the same code as our gateway: access-grounds.ts,
 * purpose.ts, the client-token verifier); `onFetch` signs for `executionRequest.subgraphName`, so
 * both query planners (JS and the Rust one of @graphql-hive/router-runtime) are covered.
 */
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { AccessGrounds } from '../../schema/identity/access-grounds.ts';
import { IDENTITY_HEADER, NOT_FORWARDED } from '../../schema/identity/gateway-token.ts';
import { IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey } from '../../schema/identity/idempotency-key.ts';
import type { Identity } from '../../schema/identity/viewer.ts';
import type { Logger } from '../../schema/runtime/logger.ts';
import { isSubgraphName } from '../../schema/subgraphs.ts';
import { REQUEST_ID } from '../../schema/runtime/http-server.ts';
import { accessGrounds, declaredPurpose } from '../access-grounds.ts';
import { AuthenticationError } from '../auth/errors.ts';
import type { CaseVerifier } from '../case-verification.ts';
import type { IdentitySignerLike } from '../datasource.ts';
import type { HiveGatewayPlugin } from './hive-runtime.ts';

export interface ImssIdentityPluginDependencies {
  clientTokens: { verify(authorizationHeader: string | undefined): Promise<Identity> };
  identitySigner: IdentitySignerLike;
  /** Verifies X-Access-Case with appointments (createCaseVerifier). */
  cases: CaseVerifier;
  log: Logger;
}

/** Who is calling, decided once per request; what every subgraph request of it is signed with. */
export interface ImssCaller {
  identity: Identity;
  purpose: string | null;
  grounds: AccessGrounds;
  /** The client's Idempotency-Key, signed into the token like our gateway does (recordPayment needs it). */
  idempotencyKey: string | null;
  requestId: string;
}


export function useImssIdentity(deps: ImssIdentityPluginDependencies): HiveGatewayPlugin<{ imss: ImssCaller }> {
  async function decide(headers: Headers): Promise<ImssCaller> {
    const given = headers.get('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    const identity = await deps.clientTokens.verify(headers.get('authorization') ?? undefined).catch((error: unknown) => {
      const refusal = error instanceof AuthenticationError ? error : new AuthenticationError(String(error), undefined, false);
      deps.log.info({ requestId, reason: refusal.reason }, 'client token rejected');
      throw refusal;
    });
    const purpose = declaredPurpose(headers.get('x-access-purpose') ?? undefined);
    // Headers reach Hive as the WHATWG Headers of the request (latin1 bytes as characters), as
    // Node's do our gateway: accessGrounds reads the exception's UTF-8 the same way.
    const grounds = await accessGrounds(identity, purpose, { case: headers.get('x-access-case') ?? undefined, exception: headers.get('x-access-exception') ?? undefined }, deps.cases, requestId);
    // WHATWG Headers join a repeated header with ", ", so a key sent twice cannot be told apart
    // here from one holding ", "; our gateway refuses the repeat, this plugin takes the joined text.
    const idempotencyKey = parseIdempotencyKey(headers.get(IDEMPOTENCY_KEY_HEADER) ?? undefined);
    return { identity, purpose, grounds, idempotencyKey, requestId };
  }

  return {
    onContextBuilding({ context, extendContext }) {
      // The context is built once per operation; `imss` set by a previous build is kept.
      if (context.imss) return;
      return decide(context.request.headers).then(
        (imss) => extendContext({ imss }),
        (error: unknown) => {
          throw error instanceof GraphQLError ? withRecordHeaders(error) : error;
        },
      );
    },
    onFetch({ executionRequest, context, options, setOptions }) {
      const audience = executionRequest?.subgraphName;
      // Calls outside an operation (a supergraph poll, say) carry no identity.
      if (!audience) return;
      const caller = context.imss;
      if (!caller) throw new GraphQLError('The IMSS identity plugin saw a subgraph call without a verified caller', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      // A token for an unknown audience helps no one: the subgraph would refuse it.
      if (!isSubgraphName(audience)) throw new GraphQLError(`No identity can be signed for subgraph ${audience}`, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      return deps.identitySigner.sign(caller.identity, audience, caller.purpose, caller.grounds, caller.idempotencyKey).then((token) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(toRecord(options.headers))) {
          if (!NOT_FORWARDED.has(name.toLowerCase())) headers[name] = value;
        }
        headers[IDENTITY_HEADER] = token;
        headers['x-request-id'] = caller.requestId;
        setOptions({ ...options, headers });
      });
    },
  };
}

/**
 * Our errors carry their HTTP headers (WWW-Authenticate) as a Map, Apollo Server's convention;
 * Yoga, under Hive Gateway, reads `extensions.http.headers` as a plain record.
 */
function withRecordHeaders(error: GraphQLError): GraphQLError {
  const http = error.extensions.http as { status?: number; headers?: unknown } | undefined;
  if (!(http?.headers instanceof Map)) return error;
  return new GraphQLError(error.message, { originalError: error, extensions: { ...error.extensions, http: { ...http, headers: Object.fromEntries(http.headers) } } });
}

function toRecord(headers: unknown): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers) return Object.fromEntries(headers.entries());
  if (Array.isArray(headers)) return Object.fromEntries(headers as [string, string][]);
  return headers as Record<string, string>;
}

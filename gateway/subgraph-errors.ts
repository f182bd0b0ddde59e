/**
 * What a client is told when a subgraph call fails, and how the gateway tells failures apart.
 * Every failure of the call itself — refused, reset, timed out, a non-JSON body, any HTTP status
 * but the subgraph's own client errors — reaches the client the same way: SUBGRAPH_UNAVAILABLE
 * naming the service, with partial data. Never a URL, a status line or a subgraph's body: those
 * go to the log with the request id.
 */
import { GraphQLError } from 'graphql';

/** The one error a client sees for a failed subgraph call. */
export function subgraphUnavailable(serviceName: string): GraphQLError {
  return new GraphQLError(`The ${serviceName} service is unavailable; partial data returned`, {
    extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName },
  });
}

/** A subgraph answered with a status the gateway does not pass on (401, 404, 5xx, …). Internal. */
export class SubgraphHttpError extends Error {
  constructor(readonly status: number) {
    super(`subgraph answered HTTP ${status}`);
    this.name = 'SubgraphHttpError';
  }
}

/** A subgraph refused the request before executing it, with a client-safe error (400, e.g. an invalid Curp variable). */
export class SubgraphClientError extends GraphQLError {}

/** Something failed in the gateway before the request was sent (signing its identity token). */
export class RequestNotSent extends Error {
  constructor(readonly reason: unknown) {
    super('the subgraph request was not sent');
    this.name = 'RequestNotSent';
  }
}

/** Connection-level failures: the request did not get an answer, and a query may be sent again. */
const CONNECTION_FAILURES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);
const TIMEOUTS = new Set(['TimeoutError', 'AbortError', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

export type CallFailure =
  /** Not the subgraph's fault, nothing sent: rethrow as it is. */
  | { kind: 'not-sent'; error: unknown }
  /** The subgraph is up and said no to the request: pass its error on. */
  | { kind: 'refused-by-subgraph'; error: GraphQLError }
  /** The call failed. `health`: counts against the subgraph's circuit; `retryable`: a query may try again. */
  | { kind: 'failed'; health: boolean; retryable: boolean; cause: string };

export function classifyCallFailure(error: unknown): CallFailure {
  if (error instanceof RequestNotSent) return { kind: 'not-sent', error: error.reason };
  if (error instanceof SubgraphClientError) return { kind: 'refused-by-subgraph', error };
  if (error instanceof SubgraphHttpError) return { kind: 'failed', health: error.status >= 500, retryable: false, cause: `HTTP ${error.status}` };
  if (error instanceof GraphQLError) return { kind: 'not-sent', error };
  const code = codeOf(error);
  if (CONNECTION_FAILURES.has(code)) return { kind: 'failed', health: true, retryable: true, cause: code };
  if (TIMEOUTS.has(code)) return { kind: 'failed', health: true, retryable: false, cause: 'timeout' };
  return { kind: 'failed', health: true, retryable: false, cause: code || 'unexpected answer' };
}

function codeOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const { code, name, cause } = error as { code?: unknown; name?: unknown; cause?: unknown };
  if (typeof code === 'string' && code !== '') return code;
  if (cause) {
    const inner = codeOf(cause);
    if (inner) return inner;
  }
  return typeof name === 'string' && name !== 'Error' ? name : '';
}

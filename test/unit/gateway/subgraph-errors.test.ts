import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { RequestNotSent, SubgraphClientError, SubgraphHttpError, classifyCallFailure } from '../../../gateway/subgraph-errors.ts';

const withCode = (code: string) => Object.assign(new Error('x'), { code });

describe('classifying a failed subgraph call', () => {
  it('retries connection failures and counts them against the subgraph', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']) {
      expect(classifyCallFailure(withCode(code))).toEqual({ kind: 'failed', health: true, retryable: true, cause: code });
    }
  });

  it('finds the code of a wrapped error', () => {
    expect(classifyCallFailure(new Error('fetch failed', { cause: withCode('ECONNREFUSED') }))).toMatchObject({ retryable: true, cause: 'ECONNREFUSED' });
  });

  it('counts a timeout against the subgraph but never sends it again', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    for (const error of [timeout, withCode('UND_ERR_HEADERS_TIMEOUT'), withCode('UND_ERR_BODY_TIMEOUT')]) {
      expect(classifyCallFailure(error)).toEqual({ kind: 'failed', health: true, retryable: false, cause: 'timeout' });
    }
  });

  it('counts 5xx against the subgraph, and other statuses only as failed calls', () => {
    expect(classifyCallFailure(new SubgraphHttpError(503))).toEqual({ kind: 'failed', health: true, retryable: false, cause: 'HTTP 503' });
    expect(classifyCallFailure(new SubgraphHttpError(401))).toEqual({ kind: 'failed', health: false, retryable: false, cause: 'HTTP 401' });
  });

  it('passes on the subgraph’s own client error, and what failed before sending', () => {
    const refused = new SubgraphClientError('bad Curp', { extensions: { code: 'CURP_LENGTH' } });
    expect(classifyCallFailure(refused)).toEqual({ kind: 'refused-by-subgraph', error: refused });
    const reason = new Error('signer down');
    expect(classifyCallFailure(new RequestNotSent(reason))).toEqual({ kind: 'not-sent', error: reason });
    const own = new GraphQLError('too large', { extensions: { code: 'TOKEN_SCOPE_TOO_LARGE' } });
    expect(classifyCallFailure(own)).toEqual({ kind: 'not-sent', error: own });
  });

  it('treats an unreadable answer as a failure of the subgraph', () => {
    expect(classifyCallFailure(new SyntaxError('Unexpected token'))).toEqual({ kind: 'failed', health: true, retryable: false, cause: 'SyntaxError' });
  });
});

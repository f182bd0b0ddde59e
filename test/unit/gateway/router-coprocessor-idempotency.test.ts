/**
 * The Apollo Router coprocessor carries the Idempotency-Key as the gateway does: checked, signed
 * into the subgraph's identity token, never forwarded as a header (gateway/peers/router-coprocessor.ts).
 */
import { generateKeyPairSync } from 'node:crypto';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createCoprocessorHandler } from '../../../gateway/peers/router-coprocessor.ts';
import { createIdentitySigner, createIdentityVerifier, IDENTITY_HEADER } from '../../../schema/identity/gateway-token.ts';
import { viewerFromClaims, type Identity } from '../../../schema/identity/viewer.ts';

const keys = generateKeyPairSync('ed25519');
const bank: Identity = { kind: 'user', viewer: viewerFromClaims({ sub: 'bank-client', roles: ['BANK'], bank_id: 'BANK-001' }) };
const handle = createCoprocessorHandler({
  clientTokens: { verify: async () => bank },
  identitySigner: createIdentitySigner({ privateKey: keys.privateKey }),
  // A bank has no grounds to verify: a case verifier that is ever asked fails the test.
  cases: { verify: () => Promise.reject(new Error('a bank never has a case verified')) },
  log: pino({ level: 'silent' }),
});
const request = (headers: Record<string, string[]>) => ({
  version: 1, stage: 'SubgraphRequest', id: 'r1', subgraphRequestId: 's1', serviceName: 'enrollments', control: 'continue',
  headers: { authorization: ['Bearer x'], ...headers },
});

describe('Router coprocessor: Idempotency-Key', () => {
  it('signs the key into the enrollments token and drops the header', async () => {
    const reply = await handle(request({ 'idempotency-key': ['bank-001/0001'] }));
    expect(reply.control).toBe('continue');
    expect(reply.headers).not.toHaveProperty('idempotency-key');
    const verified = await createIdentityVerifier({ publicKey: keys.publicKey, audience: 'enrollments' }).verify(reply.headers?.[IDENTITY_HEADER]?.[0]);
    expect(verified.idempotencyKey).toBe('bank-001/0001');
  });

  it('breaks with 400 and IDEMPOTENCY_KEY_INVALID on a malformed or repeated key', async () => {
    for (const values of [['x'.repeat(256)], ['a', 'b']]) {
      const reply = await handle(request({ 'idempotency-key': values }));
      expect(reply.control).toEqual({ break: 400 });
      expect(JSON.stringify(reply.body)).toContain('IDEMPOTENCY_KEY_INVALID');
    }
  });
});

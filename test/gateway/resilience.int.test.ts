/**
 * A subgraph that hangs, fails or dies while the gateway serves (docs/operations.md, "Subgraph
 * failures"): the biometrics subgraph sits behind a proxy that misbehaves on demand. The gateway
 * answers with partial data and SUBGRAPH_UNAVAILABLE, keeps serving the other subgraphs, opens
 * the subgraph's circuit after repeated failures (then nothing reaches it), lets one probe through
 * once the open period is over, retries queries only, and never shows a client where or how a
 * subgraph failed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultyProxy, type FaultyProxy } from '../support/faulty-proxy.ts';
import { startSeededSystem, type SeededSystem } from '../support/seeded-system.ts';

const ME = `{ me { curp biometricStatus { consentInForce } } }`;
// The gateway answers in Spanish by default (docs/operations.md, "Errors and language").
const UNAVAILABLE = { message: 'El servicio biometrics no está disponible en este momento; la respuesta trae solo una parte de los datos.', extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'biometrics' } };

async function systemBehind(proxy: FaultyProxy, env: Record<string, string>): Promise<SeededSystem> {
  const system = await startSeededSystem({ env: { BIOMETRICS_URL: proxy.url, RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000', ...env } });
  proxy.target = system.subgraphs.biometrics.http.url;
  return system;
}

describe('a subgraph that hangs: timeout, circuit breaker, probe', () => {
  let proxy: FaultyProxy;
  let system: SeededSystem;
  let insured: string;
  const me = () => system.query<{ me: { curp: string; biometricStatus: { consentInForce: boolean } | null } }>(ME, {}, { token: insured });

  beforeAll(async () => {
    proxy = await faultyProxy();
    system = await systemBehind(proxy, { BIOMETRICS_TIMEOUT_MS: '1000', CIRCUIT_FAILURE_THRESHOLD: '2', CIRCUIT_OPEN_MS: '1500' });
    insured = await system.token('INSURED');
  });
  afterAll(async () => {
    await system?.close();
    await proxy?.close();
  });

  it('answers with the other subgraphs’ data after the timeout, without trying again, and serves other queries meanwhile', async () => {
    const healthy = await me();
    expect(healthy.data?.me.biometricStatus).toEqual({ consentInForce: true });

    proxy.mode = { kind: 'hang' };
    const before = proxy.received;
    let settled = false;
    const hanging = me().finally(() => (settled = true));
    await proxy.receivedAtLeast(before + 1);
    const other = await system.query<{ consulates: unknown[] }>(`{ consulates { id } }`);
    expect(other.status).toBe(200);
    expect(other.data?.consulates.length).toBeGreaterThan(0);
    expect(settled).toBe(false);

    const partial = await hanging;
    expect(partial.status).toBe(200);
    expect(partial.data?.me).toEqual({ curp: system.insuredCurp, biometricStatus: null });
    expect(partial.errors).toEqual([expect.objectContaining(UNAVAILABLE)]);
    expect(proxy.received).toBe(before + 1); // a timed-out call is not sent again
  });

  it('opens the circuit after repeated failures: calls then fail at once without reaching the subgraph', async () => {
    await me(); // the second consecutive timeout: the threshold
    const before = proxy.received;
    const results = await Promise.all([me(), me(), me()]);
    for (const result of results) {
      expect(result.data?.me).toEqual({ curp: system.insuredCurp, biometricStatus: null });
      expect(result.errors).toEqual([expect.objectContaining(UNAVAILABLE)]);
    }
    expect(proxy.received).toBe(before);
  });

  it('after the open period lets one probe through, and closes again when it succeeds', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1_600)); // CIRCUIT_OPEN_MS
    proxy.mode = { kind: 'hold' };
    const before = proxy.received;
    const probe = me();
    await proxy.receivedAtLeast(before + 1);
    const whileProbing = await Promise.all([me(), me()]);
    expect(whileProbing.map((r) => r.errors?.[0]?.extensions?.code)).toEqual(['SUBGRAPH_UNAVAILABLE', 'SUBGRAPH_UNAVAILABLE']);
    expect(proxy.received).toBe(before + 1);

    proxy.mode = { kind: 'pass' };
    proxy.releaseHeld();
    expect((await probe).data?.me.biometricStatus).toEqual({ consentInForce: true });
    const after = await me();
    expect(after.errors).toBeUndefined();
    expect(proxy.received).toBe(before + 2);
  });
});

describe('a subgraph that fails or dies (production mode)', () => {
  let proxy: FaultyProxy;
  let system: SeededSystem;
  let insured: string;
  const me = () => system.query<{ me: { curp: string; biometricStatus: unknown } | null }>(ME, {}, { token: insured });

  beforeAll(async () => {
    proxy = await faultyProxy();
    system = await systemBehind(proxy, { NODE_ENV: 'production', CIRCUIT_FAILURE_THRESHOLD: '1000' });
    insured = await system.token('INSURED');
  });
  afterAll(async () => {
    await system?.close();
    await proxy?.close();
  });

  it('masks every failed call the same way: no URL, no status, nothing of the subgraph’s answer', async () => {
    for (const status of [401, 403, 404, 413, 500, 502, 503]) {
      const body = JSON.stringify({ errors: [{ message: `${status}: internal at ${proxy.target}`, extensions: { code: 'UNAUTHENTICATED', response: { url: proxy.target } } }] });
      proxy.mode = { kind: 'status', status, body };
      const res = await me();
      expect(res.status).toBe(200);
      expect(res.data?.me).toEqual({ curp: system.insuredCurp, biometricStatus: null });
      expect(res.errors?.map(({ message, extensions }) => ({ message, extensions }))).toEqual([UNAVAILABLE]);
      expect(JSON.stringify(res.errors)).not.toMatch(new RegExp(`127\\.0\\.0\\.1|internal|response|${status}`));
    }
  });

  it('tries a query again when its connection was reset, and never a mutation', async () => {
    proxy.mode = { kind: 'reset' };
    let before = proxy.received;
    const query = await me();
    expect(query.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    expect(proxy.received - before).toBe(2);

    before = proxy.received;
    const mutation = await system.query(`mutation { revokeBiometricConsent { shreddedTemplates } }`, {}, { token: insured });
    expect(mutation.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    expect(proxy.received - before).toBe(1);
  });

  it('keeps answering while the subgraph dies mid-run: every response 200, with the other subgraphs’ data', async () => {
    proxy.mode = { kind: 'pass' };
    const responses: Awaited<ReturnType<typeof me>>[] = [];
    let died = false;
    const worker = async () => {
      while (responses.length < 120) {
        responses.push(await me());
        if (!died && responses.length >= 40) {
          died = true;
          proxy.die();
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(responses.every((r) => r.status === 200 && r.data?.me?.curp === system.insuredCurp)).toBe(true);
    const complete = responses.filter((r) => r.errors === undefined);
    const partial = responses.filter((r) => r.errors !== undefined);
    expect(complete.length).toBeGreaterThan(0);
    expect(partial.length).toBeGreaterThan(0);
    for (const r of partial) {
      expect(r.data?.me?.biometricStatus).toBeNull();
      expect(r.errors).toEqual([expect.objectContaining(UNAVAILABLE)]);
    }
    for (const r of complete) expect(r.data?.me?.biometricStatus).toEqual({ consentInForce: true });
  });
});

/**
 * Graceful shutdown under load, in production mode (keys from the environment, Apollo's own
 * signal handling as it is outside tests): real gateway and subgraph processes, 16 keep-alive
 * connections kept busy, then SIGTERM. Every request started before the signal succeeds; requests
 * on open connections after it are still answered (telling the client the connection closes);
 * new connections are refused; the process exits 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../db/embedded.ts';
import { developmentRoleUrl } from '../../db/privileges.ts';
import { createIdentitySigner } from '../../schema/identity/gateway-token.ts';
import { ANONYMOUS } from '../../schema/identity/viewer.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { keepBusy, type Outcome } from '../support/load.ts';
import { productionKeys, startProcess, type StartedProcess } from '../support/processes.ts';

const QUERY = '{ consulates { id timeZone } }';
const CONNECTIONS = 16;

describe('shutdown on SIGTERM under load (production mode)', () => {
  let db: TestDatabase;
  let subgraph: StartedProcess;
  let gateway: StartedProcess;
  const keys = productionKeys();

  beforeAll(async () => {
    db = await createTestDatabase();
    subgraph = await startProcess('subgraphs/start.ts', ['appointments'], {
      ...keys.subgraphEnv('appointments'),
      APPOINTMENTS_PORT: '0',
      APPOINTMENTS_DATABASE_URL: developmentRoleUrl('appointments', db.url),
      SKIP_MIGRATIONS: 'true',
    });
    // The other subgraphs are not needed: their URLs point where nothing listens.
    const [persons, enrollments, biometrics] = await Promise.all([freePort(), freePort(), freePort()]);
    gateway = await startProcess('gateway/index.ts', [], {
      ...keys.gatewayEnv,
      GATEWAY_PORT: '0',
      APPOINTMENTS_URL: subgraph.url,
      PERSONS_URL: `http://127.0.0.1:${persons}/graphql`,
      ENROLLMENTS_URL: `http://127.0.0.1:${enrollments}/graphql`,
      BIOMETRICS_URL: `http://127.0.0.1:${biometrics}/graphql`,
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
    });
  }, 180_000);

  afterAll(async () => {
    for (const started of [gateway, subgraph]) if (started && started.child.exitCode === null) started.child.kill('SIGKILL');
    await db?.drop();
  });

  /** Loads `target`, signals `process`, and returns what every request got and the exit code. */
  async function terminateUnderLoad(target: StartedProcess, url: string, headers: Record<string, string>) {
    const load = keepBusy(url, { connections: CONNECTIONS, headers, query: QUERY });
    await load.warmedUp(200);
    const signalledAt = performance.now();
    target.child.kill('SIGTERM');
    const code = await target.exited;
    await load.stop();
    return { code, outcomes: load.outcomes, signalledAt, output: target.output() };
  }

  function expectNothingLost(outcomes: Outcome[], signalledAt: number) {
    const before = outcomes.filter((o) => o.startedAt < signalledAt);
    const after = outcomes.filter((o) => o.startedAt >= signalledAt);
    // Requests were under way when the signal arrived, and every one of them was answered.
    expect(before.filter((o) => o.endedAt > signalledAt).length).toBeGreaterThan(0);
    expect(before.filter((o) => !o.ok)).toEqual([]);
    // After it: answered on a connection that was open (and told it closes), or refused outright.
    expect(after.filter((o) => !o.ok && o.error !== 'ECONNREFUSED')).toEqual([]);
    expect(outcomes.some((o) => o.connectionClose)).toBe(true);
    expect(after.some((o) => o.error === 'ECONNREFUSED')).toBe(true);
  }

  it('the gateway finishes every request started before the signal and exits 0', async () => {
    const { code, outcomes, signalledAt, output } = await terminateUnderLoad(gateway, gateway.url, {});
    expectNothingLost(outcomes, signalledAt);
    expect(code, output).toBe(0);
  }, 120_000);

  it('a subgraph finishes every request started before the signal and exits 0', async () => {
    const token = await createIdentitySigner({ privateKey: keys.gatewaySigningKey }).sign(ANONYMOUS, 'appointments', null);
    const { code, outcomes, signalledAt, output } = await terminateUnderLoad(subgraph, subgraph.url, { 'x-imss-identity': token });
    expectNothingLost(outcomes, signalledAt);
    expect(code, output).toBe(0);
  }, 120_000);
});

/**
 * End to end, as `npm start` runs it: five real processes (four subgraphs and the gateway) on
 * their own ports, talking HTTP, on a fresh PostgreSQL database, with the demo data and the
 * example tokens the start command prints. One query spans all four subgraphs.
 */
import { execFile, fork, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../db/embedded.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const root = new URL('../..', import.meta.url).pathname;

describe('npm start: the whole system over HTTP', () => {
  let db: TestDatabase;
  let system: ChildProcess;
  let gatewayUrl: string;
  let tokens: Record<string, string>;
  let output = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'imss-e2e-'));

  beforeAll(async () => {
    db = await createTestDatabase();
    const ports = await Promise.all([0, 1, 2, 3, 4].map(() => freePort()));
    system = fork(join(root, 'gateway/start-system.ts'), [], {
      cwd: root,
      execArgv: ['--import', 'tsx'],
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        IMSS_DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        GATEWAY_PORT: String(ports[0]),
        PERSONS_PORT: String(ports[1]),
        ENROLLMENTS_PORT: String(ports[2]),
        APPOINTMENTS_PORT: String(ports[3]),
        BIOMETRICS_PORT: String(ports[4]),
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    system.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    system.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    gatewayUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`system did not start:\n${output}`)), 90_000);
      const check = () => {
        const match = /gateway ready at (\S+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        } else setTimeout(check, 100);
      };
      system.once('exit', (code) => reject(new Error(`system exited with ${code}:\n${output}`)));
      check();
    });
    tokens = JSON.parse(readFileSync(join(dataDir, 'tokens.json'), 'utf8')) as Record<string, string>;
  }, 120_000);

  afterAll(async () => {
    if (system && system.exitCode === null) {
      system.kill('SIGTERM');
      await new Promise((resolve) => system.once('exit', resolve));
    }
    await db?.drop();
  });

  async function graphql(query: string, token?: string) {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
  }

  it('prints the gateway URL and one example token per role', () => {
    expect(output).toContain(`IMSS federation gateway ready at ${gatewayUrl}`);
    for (const role of ['INSURED', 'CONSULATE_STAFF', 'EMPLOYER', 'BANK', 'ANALYST', 'IMSS_OFFICER']) {
      expect(output).toContain(`  ${role}`);
      expect(tokens[role]).toMatch(/^ey[\w-]+\.[\w-]+\.[\w-]+$/);
    }
  });

  it('serves one query that spans all four subgraphs, with the demo data', async () => {
    const { status, body } = await graphql(
      /* GraphQL */ `{ me { curp nss givenNames clinic { number } enrollments { kind employerRegistration } appointments { startsAt consulate { id } } biometricStatus { enrolledModalities consentInForce } } }`,
      tokens.INSURED,
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const me = body.data.me;
    expect(me.curp).toMatch(/^GOMA800101HDFRRN0\d$/); // persons
    expect(me.nss).toMatch(/^\d{11}$/);
    expect(me.enrollments).toEqual([{ kind: 'EMPLOYMENT', employerRegistration: 'Y1234567101' }]); // enrollments
    expect(me.appointments[0].consulate.id).toBe('CON-LAX'); // appointments
    expect(me.biometricStatus).toEqual({ enrolledModalities: ['FINGERPRINT'], consentInForce: true }); // biometrics
  });

  it('answers anonymous callers only what is public', async () => {
    const consulates = await graphql(`{ consulates { id } }`);
    expect(consulates.body.data.consulates.length).toBeGreaterThan(0);
    const me = await graphql(`{ me { curp } }`);
    expect(me.body.data?.me ?? null).toBeNull();
    expect(me.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('reports liveness and readiness (database and every subgraph)', async () => {
    const base = new URL(gatewayUrl);
    const live = await fetch(new URL('/healthz', base));
    expect(live.status).toBe(200);
    const ready = await fetch(new URL('/readyz', base));
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { checks: Record<string, boolean> }).checks).toEqual({
      persons: true,
      enrollments: true,
      appointments: true,
      biometrics: true,
    });
  });

  it("keeps an audit trail that verifies: every row signed, chained and checkpointed", async () => {
    const staff = await graphql(`{ person(curp: "${JSON.parse(Buffer.from(tokens.INSURED!.split('.')[1]!, 'base64url').toString()).curp}") { nss } }`, tokens.CONSULATE_STAFF);
    expect(staff.body.errors?.[0]?.extensions?.code).toBe('PURPOSE_REQUIRED'); // a refusal: one audit row
    const env = { ...process.env, DATABASE_URL: db.url, IMSS_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    const run = (command: string) => promisify(execFile)('npm', ['run', '-s', command], { cwd: root, env });
    expect((await run('audit:checkpoint')).stdout).toMatch(/checkpoint of \d+ chains/);
    expect((await run('audit:verify')).stdout).toMatch(/\d+ chains, \d+ rows, 1 checkpoints: intact/);
  }, 60_000);

  it('restarts a subgraph process that crashed, and serves its data again', async () => {
    const before = JSON.parse(readFileSync(join(dataDir, 'processes.json'), 'utf8')) as Record<string, number>;
    process.kill(before.persons!, 'SIGKILL');
    const deadline = Date.now() + 30_000;
    let after: Record<string, number> = before;
    let curp: unknown = null;
    while (Date.now() < deadline) {
      after = JSON.parse(readFileSync(join(dataDir, 'processes.json'), 'utf8')) as Record<string, number>;
      if (after.persons !== before.persons) {
        const { body } = await graphql(`{ me { curp } }`, tokens.INSURED).catch(() => ({ body: { data: null } }));
        curp = body.data?.me?.curp ?? null;
        if (curp) break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(after.persons).not.toBe(before.persons);
    expect(curp).toMatch(/^GOMA800101HDFRRN0\d$/);
    expect(output).toMatch(/exited; restarting it/);
  }, 40_000);

  it('shuts down cleanly on SIGTERM: every process drained and exited 0, none restarted', async () => {
    const pids = JSON.parse(readFileSync(join(dataDir, 'processes.json'), 'utf8')) as Record<string, number>;
    const restartsBefore = output.match(/exited; restarting it/g)?.length ?? 0;
    system.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => system.once('exit', resolve));
    // The supervisor exits 0 only when each of the five exited 0 (gateway first, then the subgraphs).
    expect(code, output).toBe(0);
    expect(output.match(/exited; restarting it/g)?.length ?? 0).toBe(restartsBefore);
    const alive = Object.entries(pids).filter(([, pid]) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(alive).toEqual([]);
    await expect(fetch(gatewayUrl, { method: 'POST' })).rejects.toThrow();
  }, 90_000);
});

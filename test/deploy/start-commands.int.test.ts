/**
 * The containers' start commands, run here without a container runtime: each compose service's
 * exact argv (the image's ENTRYPOINT + its command) in a subprocess, in a compiled build of this
 * checkout made the way the image's build stage makes it (gateway/deploy/build.ts), with its compose environment
 * (the image's ENV, the generated env files, `environment`) translated to this machine: service
 * names become 127.0.0.1, ports free ones, the database the test's. Production mode throughout,
 * so every key and login comes from the env files, as in the containers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrivateKey } from 'node:crypto';
import { mintDevToken } from '../../gateway/auth/dev-tokens.ts';
import { TRIAL_IDP, generateComposeEnv, type ComposeEnv, type EnvVars } from '../../gateway/deploy/compose-env.ts';
import { buildSystem } from '../../gateway/deploy/build.ts';
import { freePort } from '../../db/embedded.ts';
import { developmentPassword } from '../../db/privileges.ts';
import { SUBGRAPH_NAMES } from '../../schema/subgraphs.ts';
import { ROOT, containerArgv, readComposeFile, readDockerfile, serviceEnv } from '../support/compose.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const compose = readComposeFile();
const image = readDockerfile();
const LONG_RUNNING = [...SUBGRAPH_NAMES, 'gateway-1'];

interface Run {
  child: ChildProcess;
  output: string;
  exit: Promise<number | null>;
}

describe('the containers’ start commands', () => {
  let db: TestDatabase;
  let generated: ComposeEnv;
  const ports = new Map<string, number>();
  const running = new Map<string, Run>();
  const checkpoints = mkdtempSync(join(tmpdir(), 'imss-deploy-checkpoints-'));
  // Inside the checkout, so the compiled files find its node_modules as the image's find /app's.
  let built: string;

  /** A service's compose environment, as it would be on this machine. */
  function localEnv(name: string): EnvVars {
    const env = serviceEnv(compose.services[name]!, image, generated);
    const local: EnvVars = { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn' };
    for (const [key, value] of Object.entries(env)) {
      let v = value.replace(/^0\.0\.0\.0$/, '127.0.0.1');
      // http://<service>:<port>/… → the port that service was given here.
      v = v.replace(/^http:\/\/([a-z0-9-]+):\d+\//, (_, host: string) => `http://127.0.0.1:${ports.get(host)}/`);
      if (key === 'DATABASE_URL') v = db.url; // the administrator: the test's own
      if (key === 'AUDIT_CHECKPOINT_DIR') v = checkpoints;
      if (/^(GATEWAY|[A-Z]+)_PORT$/.test(key)) v = String(ports.get(name));
      local[key] = v;
    }
    if (local.REDIS_URL) {
      if (process.env.TEST_REDIS_URL) local.REDIS_URL = process.env.TEST_REDIS_URL;
      else delete local.REDIS_URL;
    }
    return local;
  }

  function start(name: string): Run {
    const [node, ...args] = containerArgv(compose.services[name]!, image);
    expect(node).toBe('node');
    const child = spawn(process.execPath, args, { cwd: built, env: localEnv(name), stdio: ['ignore', 'pipe', 'pipe'] });
    const run: Run = { child, output: '', exit: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
    child.stdout!.on('data', (chunk: Buffer) => (run.output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (run.output += chunk.toString()));
    return run;
  }

  async function job(name: string): Promise<string> {
    const run = start(name);
    const code = await run.exit;
    expect(code, `${name}:\n${run.output}`).toBe(0);
    return run.output;
  }

  /**
   * Starts a long-running service on a port chosen just now, and waits until that very process
   * listens on it and answers /healthz. Other test files bind ports of their own meanwhile: when one
   * took this port first, the service exits with EADDRINUSE (or another process answers there), and
   * it is started again on another port.
   */
  async function startHealthy(name: string): Promise<void> {
    for (let attempt = 1; attempt <= 3; attempt++) {
      ports.set(name, await freePort());
      const run = start(name);
      running.set(name, run);
      const url = `http://127.0.0.1:${ports.get(name)}/healthz`;
      const deadline = Date.now() + 90_000;
      while (Date.now() < deadline && run.child.exitCode === null) {
        if ((await fetch(url).then((r) => r.ok, () => false)) && listensOn(run.child.pid!, ports.get(name)!)) return;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      if (run.child.exitCode === null) throw new Error(`${name} never answered ${url}:\n${run.output}`);
      if (!run.output.includes('EADDRINUSE')) throw new Error(`${name} exited:\n${run.output}`);
    }
    throw new Error(`${name}: every port tried was taken`);
  }

  beforeAll(async () => {
    built = buildSystem({ out: join(ROOT, '.data', `build-start-commands-${process.pid}`) });
    db = await createTestDatabase();
    const url = new URL(db.url);
    // The subgraph roles keep their development passwords: the server is shared with other tests.
    generated = generateComposeEnv({
      database: { host: url.hostname, port: Number(url.port || 5432), name: url.pathname.slice(1) },
      passwords: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, developmentPassword(name)])),
    });
  }, 120_000);

  afterAll(async () => {
    for (const run of running.values()) if (run.child.exitCode === null) run.child.kill('SIGKILL');
    await db?.drop();
    if (built) rmSync(built, { recursive: true, force: true });
  });

  it('migrate applies the migrations and gives each subgraph role its login', async () => {
    expect(await job('migrate')).toContain('migrations applied');
    const roles = await db.database.sql<{ rolname: string; rolcanlogin: boolean }[]>`select rolname, rolcanlogin from pg_roles where rolname like 'imss\\_%' and rolname <> 'imss_owner' order by 1`;
    expect(roles.map((r) => [r.rolname, r.rolcanlogin])).toEqual(SUBGRAPH_NAMES.map((n) => `imss_${n}`).sort().map((n) => [n, true]));
  });

  it('seed loads the synthetic demo data (the trial profile)', async () => {
    expect(await job('seed')).toMatch(/seeded \d+ synthetic persons/);
  });

  it('each subgraph and the gateway start in production mode and answer /healthz; the gateway is ready', async () => {
    await Promise.all(SUBGRAPH_NAMES.map(startHealthy));
    await startHealthy('gateway-1');
    const ready = await fetch(`http://127.0.0.1:${ports.get('gateway-1')}/readyz`);
    expect(ready.status).toBe(200);
  }, 120_000);

  it('serves a query across the four subgraphs for a token of the trial identity provider', async () => {
    const token = await mintDevToken(createPrivateKey(generated.trialIdpPrivateKeyPem!), TRIAL_IDP, 'INSURED');
    const response = await fetch(`http://127.0.0.1:${ports.get('gateway-1')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { curp enrollments { kind } appointments { startsAt } biometricStatus { consentInForce } } }' }),
    });
    const body = (await response.json()) as { data?: { me: Record<string, unknown> | null }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(body.data?.me).toMatchObject({ curp: expect.stringMatching(/^GOMA800101HDFRRN0\d$/), enrollments: [{ kind: 'EMPLOYMENT' }], biometricStatus: { consentInForce: true } });
    // Production: no introspection.
    const introspection = await fetch(`http://127.0.0.1:${ports.get('gateway-1')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
    });
    expect(((await introspection.json()) as { errors?: Array<{ extensions?: { code?: string } }> }).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('audit-verify finds the trail intact', async () => {
    expect(await job('audit-verify')).toMatch(/: intact/);
  });

  it('every long-running process stops cleanly on SIGTERM (what docker stop sends)', async () => {
    for (const name of LONG_RUNNING) running.get(name)!.child.kill('SIGTERM');
    const codes = await Promise.all(LONG_RUNNING.map((name) => running.get(name)!.exit));
    expect(codes, LONG_RUNNING.map((name) => `${name}: ${running.get(name)!.output.slice(-600)}`).join("\n")).toEqual(LONG_RUNNING.map(() => 0));
  });
});

/** Whether process `pid` holds the socket listening on 127.0.0.1:`port` (Linux: /proc). */
function listensOn(pid: number, port: number): boolean {
  const portHex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const lines = existsSync(table) ? readFileSync(table, 'utf8').split('\n').slice(1) : [];
    for (const line of lines) {
      const [, local, , state, , , , , , inode] = line.trim().split(/\s+/);
      if (state === '0A' && local?.endsWith(`:${portHex}`) && inode) inodes.add(inode);
    }
  }
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      const target = readlinkSafe(`/proc/${pid}/fd/${fd}`);
      return target !== null && inodes.has(target.replace(/^socket:\[(\d+)\]$/, '$1'));
    });
  } catch {
    return false; // the process is gone
  }
}

function readlinkSafe(path: string): string | null {
  try {
    return readlinkSync(path);
  } catch {
    return null;
  }
}

/**
 * `npm run conformance`: the federation gateway audit's test suites (graphql-hive/
 * federation-gateway-audit) against our gateway factory — createGateway with its fetcher, data
 * sources, identity tokens, limits, rate limits and error formatting — and, on the same run,
 * against @apollo/gateway as shipped, each suite on its own supergraph. The audit publishes
 * @apollo/gateway at 96.98 % (193 of 199); see docs/testing.md.
 *
 * Not part of `npm test`: it exports and installs the audit on first use and takes minutes.
 * Only 127.0.0.1 is contacted (the audit's subgraphs, the gateways). Writes
 * .data/conformance/latest.json; CONFORMANCE_SUITES=a,b runs some suites only.
 */
import { forkScript } from '../support/fork-script.ts';
import { deepStrictEqual } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareAuditSource } from './audit-source.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = join(root, '.data', 'conformance');
mkdirSync(dataDir, { recursive: true });
// The gateway's development keys for this run only (removed at the end with the supergraphs).
const runDir = mkdtempSync(join(dataDir, 'run-'));
process.env.IMSS_DATA_DIR = runDir;
process.env.LOG_LEVEL ??= 'silent';
process.env.APOLLO_TELEMETRY_DISABLED = 'true';

const { ApolloGateway } = await import('@apollo/gateway');
const { ApolloServer } = await import('@apollo/server');
const { startStandaloneServer } = await import('@apollo/server/standalone');
const { loadGatewayConfig } = await import('../../gateway/config.ts');
const { createGateway } = await import('../../gateway/create.ts');
const { loadSystemKeys } = await import('../../gateway/system-keys.ts');

interface AuditCase { query: string; expected: { data?: unknown; errors?: boolean } }
interface Outcome { suite: string; index: number; passed: boolean; detail?: string }

const audit = prepareAuditSource(dataDir);

/**
 * The audit's subgraphs, in a process of their own. Some suites are stateful (a mutation adds a
 * row once per request id), so each gateway gets a fresh one: the second would fail otherwise.
 */
async function startAuditSubgraphs(): Promise<{ base: string; stop(): void }> {
  const { child, ready } = forkScript(join(root, 'test/conformance/audit-subgraphs.ts'), [audit.dir], {
    cwd: audit.dir,
    ready: (message) => {
      const { port } = (message ?? {}) as { port?: unknown };
      return typeof port === 'number' ? port : undefined;
    },
  });
  const port = await ready;
  return { base: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}
const getJson = async <T>(base: string, path: string): Promise<T> => {
  const response = await fetch(`${base}${path}`, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
};

/** The audit's own comparison (its src/test.ts): data deep-equal; errors only when the case says yes or no. */
function compare(expected: AuditCase['expected'], body: { data?: unknown; errors?: unknown[] }): string | undefined {
  const errorsMatter = typeof expected.errors === 'boolean';
  try {
    deepStrictEqual(
      { data: body.data ?? null, errors: errorsMatter ? Boolean(body.errors?.length) : null },
      { data: expected.data ?? null, errors: errorsMatter ? expected.errors : null },
    );
    return undefined;
  } catch {
    return JSON.stringify({ expected, received: { data: body.data ?? null, errors: body.errors } }).slice(0, 1_500);
  }
}

async function runSuite(suite: string, url: string, cases: AuditCase[], outcomes: Outcome[]) {
  for (const [index, c] of cases.entries()) {
    let detail: string | undefined;
    try {
      const response = await fetch(url, {
        method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify({ query: c.query }), signal: AbortSignal.timeout(10_000),
      });
      detail = compare(c.expected, (await response.json()) as { data?: unknown; errors?: unknown[] });
    } catch (error) {
      detail = `request failed: ${String(error)}`;
    }
    outcomes.push({ suite, index, passed: detail === undefined, ...(detail ? { detail } : {}) });
  }
}

const keys = await loadSystemKeys();
const gateways = {
  ours: async (supergraphPath: string) => {
    const config = loadGatewayConfig({
      ...process.env, GATEWAY_PORT: '0', SUPERGRAPH_PATH: supergraphPath, RATE_LIMIT_PER_MINUTE: '100000000', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000000',
    });
    const running = await createGateway(config, keys);
    return { url: running.url, close: () => running.close().then(() => undefined) };
  },
  apollo: async (_path: string, supergraphSdl: string) => {
    const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl }) });
    const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
    return { url, close: () => server.stop() };
  },
} as const;

const only = process.env.CONFORMANCE_SUITES?.split(',').filter(Boolean);
const results: Record<keyof typeof gateways, Outcome[]> = { ours: [], apollo: [] };
const work = join(runDir, 'supergraphs');
mkdirSync(work);
for (const name of Object.keys(gateways) as (keyof typeof gateways)[]) {
  const subgraphs = await startAuditSubgraphs();
  try {
    const ids = (await getJson<string[]>(subgraphs.base, '/ids')).filter((id) => !only || only.includes(id));
    for (const suite of ids) {
      const supergraphSdl = await (await fetch(`${subgraphs.base}/${suite}/supergraph`)).text();
      const path = join(work, `${suite}.graphql`);
      writeFileSync(path, supergraphSdl);
      const cases = await getJson<AuditCase[]>(subgraphs.base, `/${suite}/tests`);
      let gateway: { url: string; close(): Promise<void> } | null = null;
      try {
        gateway = await gateways[name](path, supergraphSdl);
        await runSuite(suite, gateway.url, cases, results[name]);
      } catch (error) {
        for (const [index] of cases.entries()) results[name].push({ suite, index, passed: false, detail: `gateway did not start: ${String(error).slice(0, 300)}` });
      } finally {
        await gateway?.close().catch(() => undefined);
      }
      const mine = results[name].filter((o) => o.suite === suite);
      console.log(`${(name === 'ours' ? 'ours' : '@apollo/gateway').padEnd(16)} ${suite.padEnd(42)} ${mine.filter((o) => o.passed).length}/${mine.length}`);
    }
  } finally {
    subgraphs.stop();
  }
}

const summary = Object.fromEntries((Object.keys(results) as (keyof typeof gateways)[]).map((name) => {
  const outcomes = results[name];
  const passed = outcomes.filter((o) => o.passed).length;
  const suites = [...new Set(outcomes.map((o) => o.suite))];
  const suitesPassed = suites.filter((s) => outcomes.every((o) => o.suite !== s || o.passed)).length;
  return [name, { passed, total: outcomes.length, percent: Math.round((passed / Math.max(1, outcomes.length)) * 10_000) / 100, suitesPassed, suites: suites.length, failures: outcomes.filter((o) => !o.passed) }];
}));
for (const [name, s] of Object.entries(summary)) {
  console.log(`\n${name === 'ours' ? 'imss-federation gateway' : '@apollo/gateway as shipped'}: ${s.passed}/${s.total} cases (${s.percent} %), ${s.suitesPassed}/${s.suites} suites`);
  for (const f of s.failures) console.log(`  ✗ ${f.suite} #${f.index}: ${f.detail?.slice(0, 400)}`);
}
console.log(`\naudit commit ${audit.commit}; published for @apollo/gateway: 96.98 % (193/199)`);
writeFileSync(join(dataDir, 'latest.json'), `${JSON.stringify({ at: new Date().toISOString(), auditCommit: audit.commit, summary }, null, 2)}\n`);
rmSync(runDir, { recursive: true, force: true });
process.exit(0); // undici keep-alive sockets of the gateways would hold the loop open

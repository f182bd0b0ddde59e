/**
 * compose.yaml and the Dockerfile, checked without a container runtime: the services and their
 * order, ports, health checks, networks, and that every container's environment is what the code
 * requires in production. The requirement is not listed here: each service's own loaders (the
 * ones its process runs at start) are run against its compose environment, with freshly generated
 * env files. start-commands.int.test.ts then starts the same commands.
 */
import { createPublicKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../../gateway/config.ts';
import { COMPOSE_ENV_FILES, SAFE_ENV_VALUE, generateComposeEnv, type ComposeEnv, type EnvVars } from '../../gateway/deploy/compose-env.ts';
import { loadSystemKeys } from '../../gateway/system-keys.ts';
import { configuredDatabaseUrl, subgraphDatabaseUrl } from '../../db/config.ts';
import { requestedRoleLogins } from '../../db/role-logins.ts';
import { auditPublicKeysFromEnv, loadSubgraphKeys } from '../../schema/runtime/keys.ts';
import { DEFAULT_SUBGRAPH_PORTS, SUBGRAPH_NAMES, isSubgraphName, type SubgraphName } from '../../schema/subgraphs.ts';
import { loadBiometricMasterKeys } from '../../subgraphs/biometrics/crypto/master-keys.ts';
import { APP_IMAGE, ROOT, appServices, containerArgv, readComposeFile, readDockerfile, serviceEnv, sourceOf, type ComposeFile } from '../support/compose.ts';

const compose = readComposeFile();
const image = readDockerfile();
const GATEWAYS = ['gateway-1', 'gateway-2'];
const services = compose.services;
const portOf = (name: string) => (isSubgraphName(name) ? DEFAULT_SUBGRAPH_PORTS[name] : 4000);

/** What each kind of process loads at start, from its environment (throws when something is missing or wrong). */
async function loadAsProcess(name: string, env: EnvVars): Promise<unknown> {
  if (isSubgraphName(name)) {
    const keys = await loadSubgraphKeys(name, env);
    const url = subgraphDatabaseUrl(name, '', env);
    const ring = name === 'biometrics' ? await loadBiometricMasterKeys(env, '/nonexistent') : null;
    return { keys, url, ring };
  }
  if (GATEWAYS.includes(name)) return { keys: await loadSystemKeys(env), config: loadGatewayConfig(env) };
  // The seed command runs the migrations first, like the migration job.
  if (name === 'migrate' || name === 'seed') {
    if (!configuredDatabaseUrl(null, env)) throw new Error('DATABASE_URL missing');
    if (requestedRoleLogins(env).length !== SUBGRAPH_NAMES.length) throw new Error('a subgraph role would get no login');
    return name === 'seed' ? loadBiometricMasterKeys(env, '/nonexistent') : null;
  }
  if (name === 'audit-verify') {
    if (!configuredDatabaseUrl(null, env)) throw new Error('DATABASE_URL missing');
    return auditPublicKeysFromEnv(env);
  }
  throw new Error(`no loader known for ${name}`);
}

describe('compose.yaml', () => {
  it('runs PostgreSQL, Redis, the migration job, the four subgraphs, two gateways and one proxy', () => {
    const always = Object.entries(services).filter(([, s]) => !s.profiles).map(([name]) => name);
    expect(always.sort()).toEqual(['postgres', 'redis', 'migrate', ...SUBGRAPH_NAMES, ...GATEWAYS, 'proxy'].sort());
    for (const name of SUBGRAPH_NAMES) expect(containerArgv(services[name]!, image)).toEqual(['node', 'subgraphs/start.js', name]);
    for (const name of GATEWAYS) expect(containerArgv(services[name]!, image)).toEqual(['node', 'gateway/index.js']);
  });

  it('builds the image once and runs every application service from it', () => {
    const built = Object.entries(services).filter(([, s]) => s.build !== undefined);
    expect(built.map(([name, s]) => [name, s.build, s.image])).toEqual([['migrate', '.', APP_IMAGE]]);
    expect(appServices(compose).map(([name]) => name).sort()).toEqual(['migrate', ...SUBGRAPH_NAMES, ...GATEWAYS, 'seed', 'audit-verify'].sort());
  });

  it('publishes exactly one port, the proxy’s, on loopback', () => {
    const published = Object.entries(services).filter(([, s]) => s.ports).map(([name, s]) => [name, s.ports]);
    expect(published).toEqual([['proxy', ['127.0.0.1:8080:8080']]]);
  });

  it('starts in order: postgres → migrate → subgraphs → gateways → proxy, each waiting for the previous to be healthy or done', () => {
    const waitsFor = (name: string) => Object.fromEntries(Object.entries(services[name]!.depends_on ?? {}).map(([dep, { condition }]) => [dep, condition]));
    expect(waitsFor('migrate')).toEqual({ postgres: 'service_healthy' });
    for (const name of SUBGRAPH_NAMES) expect(waitsFor(name)).toEqual({ migrate: 'service_completed_successfully' });
    for (const name of GATEWAYS) expect(waitsFor(name)).toEqual({ redis: 'service_healthy', ...Object.fromEntries(SUBGRAPH_NAMES.map((s) => [s, 'service_healthy'])) });
    expect(waitsFor('proxy')).toEqual({ 'gateway-1': 'service_healthy', 'gateway-2': 'service_healthy' });
    expect(topologicalOrder(compose)).not.toBeNull();
  });

  it('health-checks every long-running service; ours on /healthz at the port the process listens on', () => {
    for (const [name, service] of Object.entries(services)) {
      if (service.profiles || name === 'migrate') continue;
      expect(service.healthcheck?.test, name).toBeDefined();
    }
    for (const name of [...SUBGRAPH_NAMES, ...GATEWAYS]) {
      const env = services[name]!.environment ?? {};
      const port = isSubgraphName(name) ? env[`${name.toUpperCase()}_PORT`] : env.GATEWAY_PORT;
      expect(port, name).toBe(String(portOf(name)));
      expect(services[name]!.healthcheck!.test!.join(' ')).toContain(`http://127.0.0.1:${port}/healthz`);
    }
    expect(services.postgres!.healthcheck!.test!.join(' ')).toContain('pg_isready');
  });

  it('keeps the database, Redis and the subgraphs on an internal network; only gateways and proxy reach outside', () => {
    expect(compose.networks.backend?.internal).toBe(true);
    const outside = Object.entries(services).filter(([, s]) => s.networks?.includes('frontend')).map(([name]) => name);
    expect(outside.sort()).toEqual([...GATEWAYS, 'proxy'].sort());
    for (const [name, service] of Object.entries(services)) expect(service.networks, name).toBeDefined();
  });

  it('points the gateways at the subgraph services, Redis, and trusts the proxy as one hop', () => {
    for (const name of GATEWAYS) {
      const env = services[name]!.environment!;
      const config = loadGatewayConfig({ ...env, NODE_ENV: 'production' });
      expect(config.subgraphUrls).toEqual(Object.fromEntries(SUBGRAPH_NAMES.map((s) => [s, `http://${s}:${portOf(s)}/graphql`])));
      expect(new URL(config.rateLimit.redisUrl!).host).toBe('redis:6379');
      expect([config.host, config.trustedProxyHops]).toEqual(['0.0.0.0', 1]);
    }
    const [one, two] = GATEWAYS.map((name) => JSON.stringify({ ...services[name], depends_on: services[name]!.depends_on }));
    expect(one).toBe(two);
  });

  it('sends the proxy to both replicas, on the port it publishes', () => {
    const mount = services.proxy!.volumes![0]!.split(':');
    expect(mount[1]).toBe('/etc/nginx/nginx.conf');
    const conf = readFileSync(`${ROOT}${mount[0]!.replace(/^\.\//, '')}`, 'utf8');
    const upstream = [...conf.matchAll(/^\s*server (\S+?)(?::(\d+))? /gm)].map((m) => `${m[1]}:${m[2]}`);
    expect(upstream).toEqual(GATEWAYS.map((name) => `${name}:${services[name]!.environment!.GATEWAY_PORT}`));
    expect(conf).toMatch(new RegExp(`listen ${services.proxy!.ports![0]!.split(':').at(-1)};`));
    expect(conf).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
  });

  it('keeps the audit checkpoints on a volume only persons and the verifier mount (never the database)', () => {
    const mounting = Object.entries(services)
      .filter(([, s]) => s.volumes?.some((v) => v.startsWith('audit-checkpoints:')))
      .map(([name, s]) => [name, s.volumes!.find((v) => v.startsWith('audit-checkpoints:'))]);
    expect(mounting).toEqual([
      ['persons', `audit-checkpoints:${services.persons!.environment!.AUDIT_CHECKPOINT_DIR}`],
      ['audit-verify', `audit-checkpoints:${services['audit-verify']!.environment!.AUDIT_CHECKPOINT_DIR}:ro`],
    ]);
  });
});

describe('each container’s environment, with env files from npm run deploy:env', () => {
  let generated: ComposeEnv;
  const envOf = (name: string) => serviceEnv(services[name]!, image, generated);
  beforeAll(() => {
    generated = generateComposeEnv();
  });

  it('names only env files the generator writes, and the generator writes only values env files carry literally', () => {
    const named = new Set(Object.values(services).flatMap((s) => s.env_file ?? []).map((path) => path.split('/').at(-1)));
    expect([...named].sort()).toEqual([...COMPOSE_ENV_FILES].sort());
    for (const path of Object.values(services).flatMap((s) => s.env_file ?? [])) expect(path.startsWith('.data/compose/')).toBe(true);
    for (const vars of Object.values(generated.files)) for (const value of Object.values(vars)) expect(value).toMatch(SAFE_ENV_VALUE);
  });

  it('satisfies what every process loads at start in production', async () => {
    for (const [name] of appServices(compose)) {
      const env = envOf(name);
      expect(env.NODE_ENV, name).toBe('production');
      await expect(loadAsProcess(name, env), name).resolves.not.toThrow();
    }
  });

  it('holds no variable a process does not need: dropping any env-file variable fails its loaders (GATEWAY_PUBLIC_KEY at the gateway is an optional cross-check)', async () => {
    for (const [name, service] of appServices(compose)) {
      const env = envOf(name);
      const fromFiles = new Set((service.env_file ?? []).flatMap((path) => Object.keys(generated.files[path.split('/').at(-1)!]!)));
      for (const variable of fromFiles) {
        if (GATEWAYS.includes(name) && variable === 'GATEWAY_PUBLIC_KEY') continue;
        const { [variable]: _dropped, ...without } = env;
        await expect(loadAsProcess(name, without), `${name} without ${variable}`).rejects.toThrow();
      }
    }
  });

  it('gives each process only its own private keys, and no subgraph the administrator’s URL', () => {
    for (const name of SUBGRAPH_NAMES) {
      const env = envOf(name);
      expect(env.GATEWAY_SIGNING_KEY).toBeUndefined();
      expect(env.DATABASE_URL).toBeUndefined();
      for (const other of SUBGRAPH_NAMES.filter((o) => o !== name)) {
        expect(env.DOCUMENT_SIGNING_KEY).not.toBe(envOf(other).DOCUMENT_SIGNING_KEY);
        expect(env.AUDIT_SIGNING_KEY).not.toBe(envOf(other).AUDIT_SIGNING_KEY);
        expect(env[`${other.toUpperCase()}_DATABASE_URL`]).toBeUndefined();
      }
      expect(name === 'biometrics' || env.BIOMETRIC_MASTER_KEYS === undefined).toBe(true);
    }
    for (const name of GATEWAYS) {
      const env = envOf(name);
      for (const secret of ['DOCUMENT_SIGNING_KEY', 'AUDIT_SIGNING_KEY', 'DATABASE_URL', 'BIOMETRIC_MASTER_KEYS']) expect(env[secret], secret).toBeUndefined();
    }
  });

  it('makes the keys fit together: gateway → subgraphs, documents → published keys, audit → verifier', async () => {
    const gateway = await loadSystemKeys(envOf('gateway-1'));
    const audit = auditPublicKeysFromEnv(envOf('audit-verify'));
    for (const name of SUBGRAPH_NAMES) {
      const keys = await loadSubgraphKeys(name, envOf(name));
      expect(keys.gatewayPublicKey.equals(createPublicKey(gateway.gatewaySigningKey))).toBe(true);
      expect(gateway.documentKeys.some((key) => key.equals(keys.documentSigning.publicKey))).toBe(true);
      expect(audit.some((key) => key.equals(keys.auditSigning.publicKey))).toBe(true);
    }
  });

  it('connects each subgraph as its own role, with the password the migration job gives that role', () => {
    const postgres = envOf('postgres');
    const admin = new URL(envOf('migrate').DATABASE_URL!);
    expect([admin.username, decodeURIComponent(admin.password), admin.host, admin.pathname]).toEqual([postgres.POSTGRES_USER, postgres.POSTGRES_PASSWORD, 'postgres:5432', `/${postgres.POSTGRES_DB}`]);
    expect(services.postgres!.healthcheck!.test!.join(' ')).toContain(`-d ${postgres.POSTGRES_DB}`);
    const logins = requestedRoleLogins(envOf('migrate'));
    for (const name of SUBGRAPH_NAMES) {
      const url = new URL(subgraphDatabaseUrl(name as SubgraphName, '', envOf(name)));
      expect(url.username).toBe(`imss_${name}`);
      expect(url.host).toBe('postgres:5432');
      expect(logins.find((login) => login.subgraph === name)?.password).toBe(decodeURIComponent(url.password));
    }
  });

  it('lets the subgraphs listen on every interface and never migrate themselves', () => {
    for (const name of SUBGRAPH_NAMES) expect([envOf(name).SUBGRAPH_HOST, envOf(name).SKIP_MIGRATIONS]).toEqual(['0.0.0.0', 'true']);
  });
});

describe('the Dockerfile', () => {
  it('builds in stages on Node 20 (slim or alpine) and installs runtime dependencies only, as locked', () => {
    expect(image.stages.length).toBeGreaterThanOrEqual(2);
    const base = /ARG NODE_IMAGE=(\S+)/.exec(image.text)?.[1] ?? '';
    expect(base).toMatch(/^node:20(\.\d+)*-(bookworm-slim|slim|alpine)/);
    expect(image.text).toMatch(/npm ci --omit=dev/);
    expect(image.text).not.toMatch(/npm install/);
  });

  it('runs as a non-root user, in production mode, with a health check on /healthz', () => {
    expect(image.user).not.toBeNull();
    expect(['root', '0', '0:0']).not.toContain(image.user);
    expect(image.env.NODE_ENV).toBe('production');
    const healthcheck = image.final.find(([op]) => op === 'HEALTHCHECK')?.[1] ?? '';
    expect(healthcheck).toContain('/healthz');
    // The default command is the gateway; its health check uses the gateway's port.
    expect(healthcheck).toContain('GATEWAY_PORT || 4000');
  });

  it('bakes in no secret, and its build context leaves out keys, env files and .data', () => {
    for (const [op, args] of image.final) {
      if (op === 'ENV' || op === 'ARG') expect(args, `${op} ${args}`).not.toMatch(/KEY|PASSWORD|SECRET|TOKEN/i);
    }
    const ignore = readFileSync(`${ROOT}.dockerignore`, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    expect(ignore[0]).toBe('*'); // everything out, then only what the image copies back in
    const included = ignore.filter((l) => l.startsWith('!')).map((l) => l.slice(1).replace(/\/$/, ''));
    // Every stage's copies from the build context (the build stage takes the sources, the final one the manifests).
    const copied = image.all.filter(([op, args]) => op === 'COPY' && !args.startsWith('--from')).flatMap(([, args]) => args.split(/\s+/).slice(0, -1));
    expect(new Set(copied)).toEqual(new Set(included));
    expect(included).not.toContain('.data');
    expect(ignore).toEqual(expect.arrayContaining(['**/*.pem', '**/*.env']));
  });

  it('compiles the TypeScript at build time, and runs no compiler in the final image', () => {
    expect(image.stages.some((stage) => / AS build$/.test(stage))).toBe(true);
    expect(image.all.some(([op, args]) => op === 'RUN' && args.includes('gateway/deploy/build.ts'))).toBe(true);
    expect(image.final).toContainEqual(['COPY', '--from=build /app/build ./']);
    for (const [op, args] of image.final) expect(`${op} ${args}`).not.toMatch(/tsx|typescript|tsc\b/);
  });

  it('starts each container with the compiled file of a package.json script, one node process (no npm, no tsx)', () => {
    const scripts = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')).scripts as Record<string, string>;
    const runs = Object.entries(scripts).flatMap(([script, line]) => {
      const match = /^tsx (\S+\.ts)(.*)$/.exec(line);
      return match ? [{ script, argv: [match[1]!, ...match[2]!.trim().split(/\s+/).filter(Boolean)] }] : [];
    });
    expect(image.entrypoint).toEqual(['node']);
    for (const [name, service] of appServices(compose)) {
      const argv = containerArgv(service, image).slice(image.entrypoint.length);
      expect(argv[0], name).toMatch(/\.js$/);
      const source = [sourceOf(argv[0]!), ...argv.slice(1)];
      const script = runs.find((run) => run.argv.every((arg, i) => source[i] === arg));
      expect(script, `${name}: ${argv.join(' ')}`).toBeDefined();
      expect(existsSync(`${ROOT}${source[0]}`)).toBe(true);
    }
    expect(runs.find((run) => run.argv[0] === sourceOf(image.cmd[0]!))?.script).toBe('start:gateway');
  });

  it('needs no development dependency: every package the started files import is a runtime dependency', () => {
    const manifest = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { dependencies: Record<string, string> };
    // The compiled files import what their sources import.
    const entries = appServices(compose).map(([, service]) => sourceOf(containerArgv(service, image)[image.entrypoint.length]!));
    const packages = importedPackages([...new Set(entries)]);
    expect(packages.size).toBeGreaterThan(5);
    for (const name of packages) expect(Object.keys(manifest.dependencies), name).toContain(name);
  });
});

/** Services in an order that satisfies every depends_on, or null when there is a cycle. */
function topologicalOrder(file: ComposeFile): string[] | null {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string): boolean => {
    if (state.get(name) === 'done') return true;
    if (state.get(name) === 'visiting') return false;
    state.set(name, 'visiting');
    for (const dep of Object.keys(file.services[name]?.depends_on ?? {})) if (!file.services[dep] || !visit(dep)) return false;
    state.set(name, 'done');
    order.push(name);
    return true;
  };
  return Object.keys(file.services).every(visit) ? order : null;
}

/** Package names imported (at run time: `import type` is erased) by these files and every file they import. */
function importedPackages(entries: string[]): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const pending = entries.map((entry) => new URL(entry, `file://${ROOT}`).pathname);
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const specifiers = [
      ...[...source.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1]!),
      ...[...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!),
    ];
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) pending.push(new URL(specifier, `file://${file}`).pathname);
      else if (!specifier.startsWith('node:')) packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
    }
  }
  return packages;
}

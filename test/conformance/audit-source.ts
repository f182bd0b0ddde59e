/**
 * The federation gateway audit (github.com/graphql-hive/federation-gateway-audit, MIT, © The
 * Guild) at run time: its source is exported from a git directory — FEDERATION_AUDIT_GIT, by
 * default the local mirror, or a clone made on first use — into .data/conformance/audit-<commit>/
 * with its own runtime dependencies (npm ci --omit=dev), so nothing of it is vendored here and the
 * version run is the commit named in the report. Its LICENSE travels with the export.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const UPSTREAM = 'https://github.com/graphql-hive/federation-gateway-audit.git';
const DEFAULT_MIRROR = '/work/.mirror/graphql-hive+federation-gateway-audit/repo';

export interface AuditSource {
  dir: string;
  commit: string;
}

function gitDir(dataDir: string): string {
  const configured = process.env.FEDERATION_AUDIT_GIT;
  if (configured) return configured;
  if (existsSync(DEFAULT_MIRROR)) return DEFAULT_MIRROR;
  const clone = join(dataDir, 'federation-gateway-audit.git');
  if (!existsSync(clone)) execFileSync('git', ['clone', '--bare', '--quiet', UPSTREAM, clone], { stdio: 'inherit' });
  return clone;
}

export function prepareAuditSource(dataDir: string, ref = process.env.FEDERATION_AUDIT_REF ?? 'HEAD'): AuditSource {
  const git = gitDir(dataDir);
  const commit = execFileSync('git', ['--git-dir', git, 'rev-parse', ref], { encoding: 'utf8' }).trim();
  const dir = join(dataDir, `audit-${commit.slice(0, 12)}`);
  if (existsSync(join(dir, '.ready'))) return { dir, commit };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = execFileSync('git', ['--git-dir', git, 'archive', '--format=tar', commit, 'src', 'package.json', 'LICENSE', 'tsconfig.json'], { maxBuffer: 64 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  // Only what serves the suites (graphql-yoga subgraphs, fets routes, composition) at the audit's
  // own version ranges — not its CLI nor the gateways it compares, whose lockfile pins packages
  // a registry may not carry.
  const upstream = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  const needed = ['@apollo/composition', '@apollo/subgraph', 'fets', 'graphql-yoga'];
  const dependencies = Object.fromEntries([...needed.map((name) => [name, upstream.dependencies[name]!]), ['graphql', upstream.devDependencies.graphql ?? '^16']]);
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'federation-gateway-audit-runtime', private: true, type: 'module', dependencies }, null, 2)}\n`);
  execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  writeFileSync(join(dir, '.ready'), `${commit}\n`);
  return { dir, commit };
}

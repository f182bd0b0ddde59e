/**
 * The SDL in schema/ is the contract; what is generated from it is committed and must not drift:
 * the composed supergraph, the typed resolvers and the migrations.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '../../schema/composition.ts';
import { SUPERGRAPH_PATH } from '../../schema/subgraphs.ts';

const root = new URL('../..', import.meta.url).pathname;

describe('schema contract', () => {
  it('the committed supergraph is what composition produces now', () => {
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(composeSupergraph());
  });

  it('the committed resolver types are what codegen produces now', () => {
    const out = mkdtempSync(join(tmpdir(), 'codegen-'));
    execFileSync(process.execPath, ['--import', 'tsx', join(root, 'test/support/codegen-to.ts'), out], { cwd: root, stdio: 'pipe' });
    for (const name of ['persons', 'enrollments', 'appointments', 'biometrics']) {
      const generated = readFileSync(join(out, `subgraphs/${name}/__generated__/resolvers-types.ts`), 'utf8');
      const committed = readFileSync(join(root, `subgraphs/${name}/__generated__/resolvers-types.ts`), 'utf8');
      expect(generated, `subgraphs/${name}/__generated__ is stale: run npm run codegen`).toBe(committed);
    }
  }, 60_000);

  it('the committed migrations cover the drizzle schema (drizzle-kit has nothing to generate)', () => {
    // Generate into a copy of db/migrations, so a stale schema never writes into the tree.
    // drizzle-kit resolves `out` relative to the working directory: keep the scratch copy in .data.
    mkdirSync(join(root, '.data'), { recursive: true });
    const out = mkdtempSync(join(root, '.data', 'drizzle-check-'));
    cpSync(join(root, 'db/migrations'), out, { recursive: true });
    const result = execFileSync(
      join(root, 'node_modules/.bin/drizzle-kit'),
      ['generate', '--config', 'test/support/drizzle-check.config.ts'],
      { cwd: root, encoding: 'utf8', env: { ...process.env, DRIZZLE_CHECK_OUT: relative(root, out) } },
    );
    expect(result, 'db/schema changed without a migration: run npm run db:generate').toMatch(/No schema changes/);
    expect(readdirSync(out).length).toBe(readdirSync(join(root, 'db/migrations')).length);
    rmSync(out, { recursive: true, force: true });
  }, 60_000);
});

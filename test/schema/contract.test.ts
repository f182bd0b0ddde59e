/**
 * The SDL in schema/ is the contract; what is generated from it is committed and must not drift:
 * the composed supergraph, the typed resolvers, the partner operations' client and manifest, and
 * the migrations.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Supergraph } from '@apollo/federation-internals';
import { Kind, parse, validate } from 'graphql';
import { composeSupergraph } from '../../schema/composition.ts';
import { loadTrustedDocuments, TRUSTED_DOCUMENTS_MANIFEST } from '../../gateway/partners/trusted-documents.ts';
import { SUPERGRAPH_PATH } from '../../schema/subgraphs.ts';

const root = new URL('../..', import.meta.url).pathname;

describe('schema contract', () => {
  it('the committed supergraph is what composition produces now', () => {
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(composeSupergraph());
  });

  it('the committed resolver types, partner client and trusted documents manifest are what codegen produces now', () => {
    const out = mkdtempSync(join(tmpdir(), 'codegen-'));
    execFileSync(process.execPath, ['--import', 'tsx', join(root, 'test/support/codegen-to.ts'), out], { cwd: root, stdio: 'pipe' });
    for (const name of ['persons', 'enrollments', 'appointments', 'biometrics']) {
      const generated = readFileSync(join(out, `subgraphs/${name}/__generated__/resolvers-types.ts`), 'utf8');
      const committed = readFileSync(join(root, `subgraphs/${name}/__generated__/resolvers-types.ts`), 'utf8');
      expect(generated, `subgraphs/${name}/__generated__ is stale: run npm run codegen`).toBe(committed);
    }
    const partners = 'schema/operations/partners/__generated__';
    const files = readdirSync(join(out, partners)).sort();
    expect(readdirSync(join(root, partners)).sort(), `${partners} has other files than codegen makes: run npm run codegen`).toEqual(files);
    expect(files).toContain('persisted-documents.json');
    for (const file of files) {
      expect(readFileSync(join(root, partners, file), 'utf8'), `${partners}/${file} is stale: run npm run codegen`).toBe(readFileSync(join(out, partners, file), 'utf8'));
    }
  }, 60_000);

  it('registers every partner operation, each valid against the committed supergraph, under the sha256 of its text', () => {
    const folder = join(root, 'schema/operations/partners');
    const sources = readdirSync(folder).filter((f) => f.endsWith('.graphql'));
    expect(sources.length).toBeGreaterThan(0);
    // Loading checks every hash against its document (the gateway does the same at start-up).
    const manifest = loadTrustedDocuments(TRUSTED_DOCUMENTS_MANIFEST);
    const apiSchema = Supergraph.build(readFileSync(SUPERGRAPH_PATH, 'utf8')).apiSchema().toGraphQLJSSchema();
    const registered = new Set<string>();
    for (const document of manifest.values()) {
      const ast = parse(document);
      expect(validate(apiSchema, ast).map((e) => e.message), document).toEqual([]);
      for (const definition of ast.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        expect(definition.name, 'every partner operation has a name').toBeDefined();
        registered.add(definition.name!.value);
      }
    }
    const declared = sources.flatMap((file) =>
      parse(readFileSync(join(folder, file), 'utf8')).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : [])),
    );
    expect([...registered].sort()).toEqual(declared.sort());
  });

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

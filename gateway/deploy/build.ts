/**
 * Compiles the system to plain JavaScript for the places that run it as deployed: the container
 * image and the benchmark (docs/operations.md, "Compiled build"). `npm start` and the tests keep
 * running the TypeScript through tsx.
 *
 * Why: under tsx every process loads esbuild and keeps each module's source map, and every
 * function it compiles is renamed at run time (`__name`), on every closure a request creates.
 * Measured on the 2-core machine (`npm run bench`, the same code either way): the gateway's peak
 * RSS 283 → 223 MB; the persons subgraph called directly 10-23 % less CPU per request.
 *
 * The output mirrors the source tree (`gateway/index.ts` → `<out>/gateway/index.js`), relative
 * imports rewritten to `.js` by tsc, with every file that is not TypeScript (SDL, migrations,
 * the trusted documents manifest…) copied beside it: the modules find them through
 * `import.meta.url` as they do in the source tree. Bare imports resolve from the root's
 * node_modules when the output is inside the root (the default, `.data/build`), or from the
 * image's own.
 *
 *   npm run build [-- --root DIR] [--out DIR] [--with test/bench/usage-probe.ts …]
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** The folders the processes run from; tests and tooling stay out unless named with `--with`. */
export const BUILT_FOLDERS = ['gateway', 'subgraphs', 'schema', 'db'] as const;

export interface BuildOptions {
  /** The checkout to compile. @default this one */
  root?: string;
  /** @default <root>/.data/build */
  out?: string;
  /** Extra entry files, relative to the root (the benchmark's own helpers). */
  extraFiles?: readonly string[];
}

const thisRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Where a build in `out` holds the compiled file of `script` (a path from the root): `x.ts` → `<out>/x.js`. */
export function compiledScript(out: string, script: string): string {
  return join(out, script.replace(/\.ts$/, '.js'));
}

/** Compiles `root` into `out` (emptied first) and returns `out`. Throws with tsc's output when it fails. */
export function buildSystem(options: BuildOptions = {}): string {
  const root = resolve(options.root ?? thisRoot);
  const out = resolve(options.out ?? join(root, '.data', 'build'));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // tsc takes `include` only from a file: one beside the output, extending the checkout's own
  // settings, so the build type-checks exactly as `npm run typecheck` does.
  const project = join(out, 'tsconfig.build.json');
  const fromProject = (path: string) => relative(out, join(root, path));
  writeFileSync(
    project,
    JSON.stringify({
      extends: fromProject('tsconfig.json'),
      compilerOptions: { noEmit: false, allowImportingTsExtensions: false, rewriteRelativeImportExtensions: true, rootDir: fromProject('.'), outDir: '.', incremental: false },
      include: BUILT_FOLDERS.map(fromProject),
      files: (options.extraFiles ?? []).map(fromProject),
    }),
  );
  // The compiler of the checkout doing the build: an older checkout compiles with today's settings.
  const tsc = join(thisRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const compiled = spawnSync(process.execPath, [tsc, '-p', project], { cwd: root, encoding: 'utf8' });
  if (compiled.status !== 0) throw new Error(`tsc failed (${compiled.status}):\n${compiled.stdout}${compiled.stderr}`);
  rmSync(project);
  for (const folder of BUILT_FOLDERS) {
    cpSync(join(root, folder), join(out, folder), { recursive: true, filter: (source) => !source.endsWith('.ts') });
  }
  if (!existsSync(compiledScript(out, 'gateway/index.ts'))) throw new Error(`the build in ${out} has no gateway/index.js`);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { root: { type: 'string' }, out: { type: 'string' }, with: { type: 'string', multiple: true } } });
  const started = Date.now();
  const out = buildSystem({ root: values.root, out: values.out, extraFiles: values.with });
  console.log(`Built ${relative(process.cwd(), out) || '.'} in ${((Date.now() - started) / 1000).toFixed(1)} s (node ${relative(process.cwd(), join(out, 'gateway', 'index.js'))})`);
}

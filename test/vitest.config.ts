import { defineConfig } from 'vitest/config';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The biometric master key ring of this run, injected into every test process (the in-process
 * subgraphs, the seed, the processes the e2e test starts): fresh keys per run, nothing read from
 * or written to the developer's .data/keys.
 */
const biometricMasterKeys = { BIOMETRIC_MASTER_KEYS: `test-run:${randomBytes(32).toString('base64')}`, BIOMETRIC_MASTER_KEY_ID: 'test-run' };

/**
 * Two projects, split by file suffix (as in graphql-hive/gateway):
 * - unit: pure functions, no I/O, run in parallel threads;
 * - integration: real PostgreSQL and real HTTP; one fork at a time so the 2-core CI machine is
 *   not oversubscribed by several subgraph/gateway processes at once.
 */
export default defineConfig({
  /*
   * graphql ships both builds without an `exports` map: Node (so Apollo, and production) loads
   * index.js, while Vite would resolve our own imports to index.mjs through the `module` field —
   * two GraphQLError classes, so `instanceof` fails across them in tests only (Apollo then prefixes
   * our context errors with "Context creation failed:", masking sees no client error). One build.
   */
  resolve: { alias: [{ find: /^graphql$/, replacement: fileURLToPath(new URL('../node_modules/graphql/index.js', import.meta.url)) }] },
  test: {
    root,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.int.test.ts', 'node_modules/**'],
          // Exhaustive tables (every quarter hour of the DST days) take ~1.5 s alone, several
          // times that beside the integration files on two cores.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.int.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          // Tests that check audit checkpoints write them themselves, into their own folder.
          env: { ...biometricMasterKeys, AUDIT_CHECKPOINT_INTERVAL_MS: '0' },
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

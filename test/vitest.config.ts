import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Two projects, split by file suffix (as in graphql-hive/gateway):
 * - unit: pure functions, no I/O, run in parallel threads;
 * - integration: real PostgreSQL and real HTTP; one fork at a time so the 2-core CI machine is
 *   not oversubscribed by several subgraph/gateway processes at once.
 */
export default defineConfig({
  test: {
    root,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.int.test.ts', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.int.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          // Tests that check audit checkpoints write them themselves, into their own folder.
          env: { AUDIT_CHECKPOINT_INTERVAL_MS: '0' },
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

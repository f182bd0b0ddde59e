/**
 * The enrollments tests' fixture: the seeded system (one per file) with a clock the tests set,
 * because deadlines, coverage starts and reference values depend on the day. Each test sets the
 * instant it needs first; 18:00 UTC is midday in Mexico City, so UTC and IMSS days agree.
 */
import { test as base } from 'vitest';
import { clientsOf, type As } from '../../support/fixtures.ts';
import { startSeededSystem, type SeededSystem } from '../../support/seeded-system.ts';

export interface Clock {
  /** Sets the enrollments (and every subgraph's) clock to midday, Mexico City, of `date`. */
  set(date: string): Date;
  now: Date;
}

export const DEFAULT_DAY = '2026-03-10';

export const enrollmentsTest = base
  .extend('clock', { scope: 'file' }, async () => {
    const clock: Clock = {
      now: new Date(`${DEFAULT_DAY}T18:00:00Z`),
      set(date) {
        clock.now = new Date(`${date}T18:00:00Z`);
        return clock.now;
      },
    };
    return clock;
  })
  .extend('system', { scope: 'file' }, async ({ clock }, { onCleanup }) => {
    const system: SeededSystem = await startSeededSystem({ now: () => clock.now, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    onCleanup(() => system.close());
    return system;
  })
  .extend('as', { scope: 'file' }, async ({ system }) => clientsOf(system) as As);

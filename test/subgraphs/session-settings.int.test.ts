/**
 * Every connection of every subgraph's pool runs with the subgraphs' PostgreSQL settings
 * (subgraphs/session-settings.ts): no parallel query, and prepared statements on their generic
 * plan instead of being planned again at every call.
 */
import { describe, expect } from 'vitest';
import { SUBGRAPH_NAMES } from '../../schema/subgraphs.ts';
import { SUBGRAPH_SESSION_SETTINGS } from '../../subgraphs/session-settings.ts';
import { systemTest as it } from '../support/fixtures.ts';

describe('subgraph connections', () => {
  it('open with the subgraph settings, on every connection of every pool', async ({ system }) => {
    expect(SUBGRAPH_SESSION_SETTINGS).toEqual({ max_parallel_workers_per_gather: '0', plan_cache_mode: 'force_generic_plan' });
    for (const name of SUBGRAPH_NAMES) {
      const { sql } = system.subgraphs[name].database;
      // As many statements at once as the pool has connections (4 in tests), each held a moment so each gets its own.
      const rows = await Promise.all(
        Array.from({ length: 4 }, () => sql<{ pid: number; workers: string; plans: string }[]>`
          select pg_backend_pid() as pid, current_setting('max_parallel_workers_per_gather') as workers, current_setting('plan_cache_mode') as plans, pg_sleep(0.05)`),
      );
      expect(new Set(rows.map(([row]) => row!.pid)).size).toBe(4);
      for (const [row] of rows) expect(row).toMatchObject({ workers: '0', plans: 'force_generic_plan' });
    }
  });

  it('keeps a lookup by key on its generic plan from the first call', async ({ system }) => {
    const reserved = await system.subgraphs.persons.database.sql.reserve();
    try {
      const text = 'select curp from persons.persons where curp = any($1::bpchar[])';
      for (let call = 0; call < 7; call++) await reserved.unsafe(text, [['GOMA800101HDFRRN05']], { prepare: true });
      const [plans] = await reserved<{ generic: number; custom: number }[]>`
        select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements where statement = ${text}`;
      // Without the setting PostgreSQL plans a one-key lookup again at every call (custom plans).
      expect(plans).toEqual({ generic: 7, custom: 0 });
    } finally {
      reserved.release();
    }
  });
});

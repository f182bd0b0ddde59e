/**
 * Vitest fixtures shared by the integration tests (the template every subgraph's tests copy):
 * - `system`: the whole system on a fresh database with the demo data, one per test file;
 * - `as(role, options)`: a client of the gateway for a role (its dev token, a declared purpose,
 *   other claims), so a test reads as "as consulate staff with a purpose, query this".
 *
 *   const it = systemTest;
 *   it('staff read a person with a purpose', async ({ system, as }) => {
 *     const res = await as('CONSULATE_STAFF', { purpose: 'X' }).query(gql`{ person(curp: $c) { nss } }`, { c: system.insuredCurp });
 *   });
 */
import { test as base } from 'vitest';
import type { Role } from '../../schema/identity/viewer.ts';
import { startSeededSystem, type SeededSystem } from './seeded-system.ts';
import type { GraphQLResponse } from './system.ts';

export interface RoleClient {
  query<T = Record<string, any>>(document: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
}

export interface AsOptions {
  purpose?: string;
  /** Claims merged over the role's dev claims (another CURP, consulate, registrations, …). */
  claims?: Record<string, unknown>;
  subject?: string;
}

export type As = (role: Role | 'ANONYMOUS', options?: AsOptions) => RoleClient;

export function clientsOf(system: SeededSystem): As {
  return (role, options = {}) => ({
    async query(document, variables = {}) {
      const token = role === 'ANONYMOUS' ? null : await system.token(role, { claims: options.claims, subject: options.subject });
      return system.query(document, variables, { token, ...(options.purpose ? { purpose: options.purpose } : {}) });
    },
  });
}

/** Tests against one seeded system per file (started on first use, closed after the file). */
export const systemTest = base
  .extend('system', { scope: 'file' }, async ({}, { onCleanup }) => {
    const system = await startSeededSystem({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    onCleanup(() => system.close());
    return system;
  })
  .extend('as', { scope: 'file' }, async ({ system }) => clientsOf(system));

/**
 * `systemTest` on a system whose subgraphs (and seed) see a fixed clock, for date and time-zone
 * rules: `const it = systemTestAt(new Date('2026-03-06T17:00:00Z'))`. Tokens still use real time.
 */
export function systemTestAt(instant: Date) {
  return base
    .extend('system', { scope: 'file' }, async ({}, { onCleanup }) => {
      const system = await startSeededSystem({ now: () => instant, env: { RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000' } });
      onCleanup(() => system.close());
      return system;
    })
    .extend('as', { scope: 'file' }, async ({ system }) => clientsOf(system));
}

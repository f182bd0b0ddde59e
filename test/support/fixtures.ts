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
import { officeOfClaims, openCase, procedureOf } from './cases.ts';
import { DEV_SCOPES } from '../../gateway/auth/dev-tokens.ts';

/** The office scope each role's dev token carries (gateway/auth/dev-tokens.ts). */
const STAFF_SCOPES: Partial<Record<Role, { consulate_id?: string; subdelegation?: string }>> = {
  CONSULATE_STAFF: { consulate_id: DEV_SCOPES.consulateId },
  IMSS_OFFICER: { subdelegation: DEV_SCOPES.subdelegation },
};

export interface RoleClient {
  query<T = Record<string, any>>(document: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
}

export interface AsOptions {
  /** X-Access-Purpose: a catalogued procedure, optionally with a note ('NSS_ASSISTANCE:ventanilla-3'). */
  purpose?: string;
  /** Staff: act on this person's case — an appointment at the caller's office, checked in today, for the purpose's procedure (created when missing). */
  caseFor?: string;
  /** Staff: act without a case, for this reason (X-Access-Exception). */
  exception?: string;
  /** Claims merged over the role's dev claims (another CURP, consulate, registrations, …). */
  claims?: Record<string, unknown>;
  subject?: string;
  /** Other request headers (e.g. Idempotency-Key). */
  headers?: Record<string, string>;
}

export type As = (role: Role | 'ANONYMOUS', options?: AsOptions) => RoleClient;

export function clientsOf(system: SeededSystem): As {
  return (role, options = {}) => {
    // A client is one staff member serving one person: the case is opened once, on first use.
    let caseId: Promise<string> | null = null;
    const caseHeader = (): Promise<string> => {
      if (!options.purpose || role === 'ANONYMOUS') throw new Error('a case needs staff and a purpose');
      const office = officeOfClaims({ ...STAFF_SCOPES[role], ...options.claims });
      caseId ??= openCase(system.db.database, { curp: options.caseFor!, office, procedure: procedureOf(options.purpose), now: system.now() });
      return caseId;
    };
    return {
      async query(document, variables = {}) {
        const token = role === 'ANONYMOUS' ? null : await system.token(role, { claims: options.claims, subject: options.subject });
        const headers: Record<string, string> = { ...options.headers };
        if (options.caseFor) headers['x-access-case'] = await caseHeader();
        if (options.exception) headers['x-access-exception'] = options.exception;
        return system.query(document, variables, { token, ...(options.purpose ? { purpose: options.purpose } : {}), headers });
      },
    };
  };
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

/**
 * Identity rules shared by every subgraph's shield map. They read only the request's identity, so
 * `cache: 'contextual'` evaluates each once per request. Rules that read the parent object live
 * with their subgraph and use `cache: 'no_cache'`: a contextual cache would reuse one person's
 * answer for the next person in a list, and 'strict' hashes the whole parent row (object-hash) on
 * every field — measured at ~11% of a subgraph's CPU — to save a comparison.
 */
import { rule } from 'graphql-shield';
import type { Role } from '../../schema/identity/viewer.ts';
import type { BaseContext } from './context.ts';

export const isAuthenticated = rule({ cache: 'contextual' })((_p, _a, ctx: BaseContext) => ctx.viewer !== null);

// graphql-shield keys its cache by rule name and refuses two rules with one name, so each rule is
// built once per name and reused.
const memo = new Map<string, ReturnType<ReturnType<typeof rule>>>();
function named(name: string, build: () => ReturnType<ReturnType<typeof rule>>) {
  let existing = memo.get(name);
  if (!existing) memo.set(name, (existing = build()));
  return existing;
}

export function hasRole(...roles: Role[]) {
  const name = `hasRole:${[...roles].sort().join(',')}`;
  return named(name, () =>
    rule(name, { cache: 'contextual' })((_p, _a, ctx: BaseContext) => ctx.viewer !== null && ctx.viewer.roles.some((r) => roles.includes(r))),
  );
}

/** Staff reads of personal data need a declared purpose (GATEWAY-NOTES.md, purpose binding). */
export function hasRoleWithPurpose(...roles: Role[]) {
  const name = `hasRoleWithPurpose:${[...roles].sort().join(',')}`;
  return named(name, () =>
    rule(name, { cache: 'contextual' })(
      (_p, _a, ctx: BaseContext) => ctx.viewer !== null && ctx.purpose !== null && ctx.viewer.roles.some((r) => roles.includes(r)),
    ),
  );
}

export const isInsured = hasRole('INSURED');
export const isStaffWithPurpose = hasRoleWithPurpose('CONSULATE_STAFF', 'IMSS_OFFICER');
export const isConsulateStaffWithPurpose = hasRoleWithPurpose('CONSULATE_STAFF');

/**
 * graphql-shield rules, built only from the predicates (predicates.ts) and the released rows:
 * - `allowIf(predicate)`: an identity gate, evaluated once per request (contextual cache);
 * - `releasedAs(type, idOf)`: an entity's fields are readable only when a scoped loader (or a
 *   service) released that row in this request. It compares a key, so it costs nothing per field
 *   and never re-runs a policy ('strict' caching would hash the whole parent row per field:
 *   measured at ~11 % of a subgraph's CPU).
 * - `coveredByParent`: for a plain value type (no @key) that only ever appears inside an object
 *   whose own rule already decided — the cells of an analyst's statistics table. Its fields get
 *   no per-field check at all (subgraphs/shared/shield.ts verifies the claim when the schema is
 *   built, and refuses to start when it is false).
 */
import { rule } from 'graphql-shield';
import type { BaseContext } from '../context.ts';
import { refusalError, type Decision } from './decisions.ts';
import type { Access } from './predicates.ts';

export function allowIf(predicate: (access: Access) => boolean) {
  return rule({ cache: 'contextual' })((_parent, _args, ctx: BaseContext) => predicate(ctx));
}

export function releasedAs<P>(type: string, idOf: (parent: P) => string) {
  return rule({ cache: 'no_cache' })((parent: P, _args, ctx: BaseContext) => ctx.released.has(type, idOf(parent)));
}

/**
 * A field-level rule from a policy on the parent's key, for the few fields whose audience is
 * narrower than their parent's (e.g. only the person lists their access log). Explained refusals
 * carry their error; silent ones are a plain denial.
 */
export function policyRule<P>(policy: (access: Access, key: string) => Decision, keyOf: (parent: P) => string) {
  return rule({ cache: 'no_cache' })((parent: P, _args, ctx: BaseContext) => {
    const decision = policy(ctx, keyOf(parent));
    if (decision.allowed) return true;
    return decision.explained ? refusalError(decision.reason) : false;
  });
}

/**
 * The marker for a value type guarded by its parent (see the module comment). A rule object so
 * that it fits the permission maps and the coverage test; withShield recognises it by identity,
 * applies no middleware to the type's fields and checks every field that returns the type sits
 * behind a real rule. Used anywhere else than as a whole type's rule, it refuses the schema.
 */
export const coveredByParent = rule('coveredByParent', { cache: 'contextual' })(() => false);

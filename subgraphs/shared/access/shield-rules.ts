/**
 * graphql-shield rules, built only from the predicates (predicates.ts) and the released rows:
 * - `allowIf(predicate)`: an identity gate, evaluated once per request (contextual cache);
 * - `releasedAs(type, idOf)`: an entity's fields are readable only when a scoped loader (or a
 *   service) released that row in this request. It compares a key, so it costs nothing per field
 *   and never re-runs a policy ('strict' caching would hash the whole parent row per field:
 *   measured at ~11 % of a subgraph's CPU).
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

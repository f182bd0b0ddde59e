/**
 * graphql-shield set up the same way in every subgraph (docs/security.md, "How a
 * decision is made once and enforced everywhere"):
 * - deny by default (`fallbackRule: deny`), including `_entities` fields: rules sit on types and
 *   fields, so an entity reached through `_entities` meets the same rules as through a root field;
 * - federation's own entry points are allowed by name, nothing more;
 * - `allowExternalErrors: false`, with a fallbackError function that lets our ClientErrors
 *   (stable codes, safe messages) through and turns anything else into a masked internal error
 *   that is logged with the request id;
 * - value types whose rule is `coveredByParent` get no field middleware: every field of a
 *   statistics table's 2,000 cells passing through an async rule cost ~90 % of the query (measured,
 *   docs/testing.md "Statistics at scale"). This is checked here, not trusted: such a type must not
 *   be an entity, and every field returning it must be on a type that is itself covered by its
 *   parent or whose own rule for that field is a real one (not `allow`, which decides nothing).
 */
import { getNamedType, isObjectType, isUnionType, type GraphQLSchema } from 'graphql';
import { applyMiddleware, type IMiddlewareTypeMap } from 'graphql-middleware';
import { allow, deny, shield, type IRules } from 'graphql-shield';
import type { BaseContext } from './context.ts';
import { coveredByParent } from './access/shield-rules.ts';
import { ClientError, ErrorCode, isClientError } from '../../schema/errors/client-errors.ts';
import { logger } from '../../schema/runtime/logger.ts';

/** Exactly what composition and entity joins need; never whole entity types. */
export const federationRules = {
  Query: { _service: allow, _entities: allow },
  _Service: { sdl: allow },
};

export function withShield(schema: GraphQLSchema, rules: IRules): GraphQLSchema {
  const merged = mergeRules(federationRules, rules as Record<string, unknown>);
  const middleware = shield(merged as IRules, {
    fallbackRule: deny,
    allowExternalErrors: false,
    fallbackError: async (thrown, _parent, _args, context, info) => {
      if (thrown === null || thrown === undefined) return new ClientError(ErrorCode.FORBIDDEN, 'Not permitted');
      if (isClientError(thrown)) return thrown;
      const ctx = context as Partial<BaseContext>;
      (ctx.log ?? logger).error(
        { err: thrown, requestId: ctx.requestId, field: `${info.parentType.name}.${info.fieldName}` },
        'resolver failed',
      );
      return new ClientError(ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error', { requestId: ctx.requestId });
    },
  });
  const covered = coveredTypes(schema, merged);
  if (covered.length === 0) return applyMiddleware(schema, middleware);
  // The field middleware shield generates, minus the covered types' (graphql-middleware applies what it is given).
  // graphql-middleware's declared generator type omits the `generate` its class has.
  if (!isGenerator(middleware)) throw new Error('graphql-shield no longer returns a middleware generator');
  const fieldMiddleware = middleware.generate(schema);
  for (const type of covered) delete fieldMiddleware[type];
  return applyMiddleware(schema, fieldMiddleware);
}

function isGenerator(value: object): value is { generate(schema: GraphQLSchema): IMiddlewareTypeMap } {
  return 'generate' in value && typeof value.generate === 'function';
}

/** The types marked `coveredByParent`, after checking that each really is only reachable through a rule. */
export function coveredTypes(schema: GraphQLSchema, rules: Record<string, unknown>): string[] {
  const covered = Object.entries(rules).filter(([, rule]) => rule === coveredByParent).map(([type]) => type);
  const problems: string[] = [];
  for (const [type, rule] of Object.entries(rules)) {
    if (typeof rule === 'object' && rule !== null && !('resolve' in rule) && Object.values(rule).includes(coveredByParent)) {
      problems.push(`${type}: coveredByParent is a whole type's rule, not a field's`);
    }
  }
  const entities = schema.getType('_Entity');
  const entityTypes = isUnionType(entities) ? entities.getTypes().map((t) => t.name) : [];
  for (const type of covered) {
    if (!isObjectType(schema.getType(type))) problems.push(`${type}: not an object type of this schema`);
    if (entityTypes.includes(type)) problems.push(`${type}: an entity is reachable through _entities, its parent cannot cover it`);
  }
  for (const parent of Object.values(schema.getTypeMap())) {
    if (!isObjectType(parent) || parent.name.startsWith('__')) continue;
    for (const field of Object.values(parent.getFields())) {
      const returned = getNamedType(field.type).name;
      if (!covered.includes(returned) || covered.includes(parent.name)) continue;
      const parentRule = rules[parent.name];
      const fieldRule = typeof parentRule === 'object' && parentRule !== null && !('resolve' in parentRule)
        ? (parentRule as Record<string, unknown>)[field.name]
        : parentRule;
      if (fieldRule === undefined) problems.push(`${parent.name}.${field.name} returns ${returned} with no rule of its own`);
      // `allow` decides nothing: a covered type reached through it would be open to everyone.
      else if (fieldRule === allow) problems.push(`${parent.name}.${field.name} returns ${returned} through allow, which decides nothing`);
    }
  }
  if (problems.length > 0) throw new Error(`coveredByParent does not hold: ${problems.join('; ')}`);
  return covered;
}

function mergeRules(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...b };
  for (const [type, rules] of Object.entries(a)) {
    const existing = out[type];
    out[type] = typeof existing === 'object' && existing !== null && !('resolve' in existing)
      ? { ...(rules as object), ...(existing as object) }
      : existing ?? rules;
  }
  return out;
}

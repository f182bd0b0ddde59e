/**
 * graphql-shield set up the same way in every subgraph (docs/security.md, "How a
 * decision is made once and enforced everywhere"):
 * - deny by default (`fallbackRule: deny`), including `_entities` fields: rules sit on types and
 *   fields, so an entity reached through `_entities` meets the same rules as through a root field;
 * - federation's own entry points are allowed by name, nothing more;
 * - `allowExternalErrors: false`, with a fallbackError function that lets our ClientErrors
 *   (stable codes, safe messages) through and turns anything else into a masked internal error
 *   that is logged with the request id.
 */
import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, deny, shield, type IRules } from 'graphql-shield';
import type { BaseContext } from './context.ts';
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
  return applyMiddleware(schema, middleware);
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

/**
 * Serves queries with merged plans (merge-fetches.ts) and keeps the planner's failure behaviour.
 * The planner's plans of queries are rewritten as they are built (and cached rewritten). A merged
 * fetch sends only the entities whose required fields arrived, so for a request with a merged
 * plan, the fetches it waits on are watched: when one fails (no answer, or no data) or leaves an
 * entity out (null), it is answered, for each entity it did not give, with the fields it would
 * have given set to null, beside its errors. The merged fetch then still asks for every entity,
 * as the planner's earlier fetch would have, and the entity's own subgraph decides what it
 * releases; the fields that depended on the failed fetch come back null, with its error, as they
 * did before the merge. Nothing is called twice, and a timeout is waited for once.
 *
 * It relies on two things of @apollo/gateway, both checked by test/unit/gateway/plan-merging.test.ts:
 * the query planner it builds on every schema load, and the per-request service map it hands
 * `experimental_didResolveQueryPlan` before executing with it.
 */
import type { ApolloGateway, Experimental_DidResolveQueryPlanCallback, GraphQLDataSource, ServiceMap } from '@apollo/gateway';
import { isNonNullType, isObjectType, type GraphQLSchema } from 'graphql';
import { fetchKey, mergeLateEntityFetches, type MergedPlan, type QueryPlan } from './merge-fetches.ts';

type ProcessOptions = Parameters<GraphQLDataSource['process']>[0];
type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;
interface Planner {
  buildQueryPlan(operation: { rootKind: string }, options?: unknown): QueryPlan;
}
/** The members of ApolloGateway used here (private in its types). */
interface GatewayInternals {
  queryPlanner?: Planner;
  supergraphSchema?: GraphQLSchema;
}

export interface PlanMerging {
  /** For ApolloGateway's `experimental_didResolveQueryPlan`. */
  didResolveQueryPlan: Experimental_DidResolveQueryPlanCallback;
  /** Rewrites the plans of queries `gateway` builds from now on. */
  install(gateway: ApolloGateway): void;
}

export function createPlanMerging(): PlanMerging {
  /** Merged plans, with the subgraphs whose fetches they wait on (only those are watched). */
  const mergedPlans = new WeakMap<object, { merged: MergedPlan; services: ReadonlySet<string> }>();
  return {
    didResolveQueryPlan({ queryPlan, serviceMap }) {
      const known = mergedPlans.get(queryPlan);
      if (!known) return;
      // This map is this request's own (the gateway builds it per request and executes with it).
      const executed = serviceMap as ServiceMap;
      for (const name of known.services) {
        const dataSource = executed[name];
        if (dataSource) executed[name] = answeringLostEntities(name, dataSource, known.merged);
      }
    },
    install(gateway) {
      const internals = gateway as unknown as GatewayInternals;
      gateway.onSchemaLoadOrUpdate(() => {
        const planner = internals.queryPlanner;
        const schema = internals.supergraphSchema;
        if (!planner || !schema) return;
        const build = planner.buildQueryPlan.bind(planner);
        const nullable = (typeName: string, fieldName: string) => {
          const type = schema.getType(typeName);
          const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
          return field !== undefined && !isNonNullType(field.type);
        };
        planner.buildQueryPlan = (operation, buildOptions) => {
          const plan = build(operation, buildOptions);
          if (operation.rootKind !== 'query') return plan;
          const merged = mergeLateEntityFetches(plan, nullable);
          if (!merged) return plan;
          mergedPlans.set(merged.plan, { merged, services: new Set([...merged.dependencies.keys()].map((key) => key.slice(0, key.indexOf('\n')))) });
          return merged.plan;
        };
      });
    },
  };
}

/** `dataSource`, answering for the entities a fetch merged fetches wait on did not give (exported for its test). */
export function answeringLostEntities(name: string, dataSource: GraphQLDataSource, merged: MergedPlan): GraphQLDataSource {
  return {
    process: async (options: ProcessOptions) => {
      const fields = options.request.query === undefined ? undefined : merged.dependencies.get(fetchKey(name, options.request.query));
      if (!fields) return dataSource.process(options);
      const representations = options.request.variables?.representations;
      const count = Array.isArray(representations) ? representations.length : 0;
      const unknown = () => Object.fromEntries(fields.map((field) => [field, null]));
      let response: SubgraphResponse;
      try {
        response = await dataSource.process(options);
      } catch (error) {
        return { data: { _entities: Array.from({ length: count }, unknown) }, errors: [error as never] };
      }
      const entities = response.data?._entities;
      if (!response.data || entities === undefined || entities === null) return { ...response, data: { _entities: Array.from({ length: count }, unknown) } };
      if (Array.isArray(entities) && entities.some((entity) => entity === null || entity === undefined)) {
        return { ...response, data: { ...response.data, _entities: entities.map((entity) => entity ?? unknown()) } };
      }
      return response;
    },
  };
}

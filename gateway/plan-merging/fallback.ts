/**
 * Serves queries with merged plans (merge-fetches.ts) and keeps the planner's failure behaviour.
 * The planner's plans of queries are rewritten as they are built (and cached); a request whose
 * plan was rewritten gets its subgraph calls watched, and when a fetch that the merged fetch
 * depends on, or the merged fetch itself, fails (no answer, no data, or an entity missing), the
 * request is answered with the planner's own plan instead, so the fields the merge moved later are
 * not lost with the fetch they came to wait on. Only queries are rewritten, so running one again is
 * safe: it reads (and audits) again, nothing more. Field errors do not count: they leave the entity
 * with a null, which the merged fetch still sends.
 *
 * It reaches into @apollo/gateway in three places, each checked by test/unit/gateway/plan-merging.test.ts:
 * the query planner it builds on every schema load, the executor Apollo Server calls, and the
 * per-request service map it hands `experimental_didResolveQueryPlan` before executing with it.
 */
import { executeQueryPlan, type ApolloGateway, type Experimental_DidResolveQueryPlanCallback, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import type { Logger } from '../../schema/runtime/logger.ts';
import { fetchKey, mergeLateEntityFetches, type MergedPlan, type QueryPlan } from './merge-fetches.ts';

type DataSource = GraphQLDataSource;
type ProcessOptions = Parameters<DataSource['process']>[0];
type ResolvedPlan = Parameters<Experimental_DidResolveQueryPlanCallback>[0];
type ExecuteArgs = Parameters<typeof executeQueryPlan>;
type Executor = (requestContext: ResolvedPlan['requestContext']) => ReturnType<typeof executeQueryPlan>;
interface Planner {
  buildQueryPlan(operation: { rootKind: string }, options?: unknown): QueryPlan;
}
/** The members of ApolloGateway used here (private in its types). */
interface GatewayInternals {
  queryPlanner?: Planner;
  executor: Executor;
  supergraphSchema: ExecuteArgs[4];
  apiSchema: ExecuteArgs[5];
  config: { telemetry?: ExecuteArgs[6] };
}

interface Run {
  merged: MergedPlan;
  serviceMap: ServiceMap;
  operationContext: ResolvedPlan['operationContext'];
  failed: boolean;
}

export interface PlanMerging {
  /** For ApolloGateway's `experimental_didResolveQueryPlan`. */
  didResolveQueryPlan: Experimental_DidResolveQueryPlanCallback;
  /** Rewrites the plans `gateway` builds from now on, and answers from the planner's plan when a merge would lose data. */
  install(gateway: ApolloGateway): void;
}

export function createPlanMerging(options: { log: Logger; onFallback?: () => void }): PlanMerging {
  const mergedPlans = new WeakMap<object, MergedPlan>();
  const runs = new WeakMap<object, Run>();

  return {
    didResolveQueryPlan({ queryPlan, serviceMap, requestContext, operationContext }) {
      const merged = mergedPlans.get(queryPlan);
      if (!merged) return;
      const run: Run = { merged, serviceMap: { ...serviceMap }, operationContext, failed: false };
      runs.set(requestContext, run);
      // This map is this request's own (the gateway builds it per request and executes with it).
      const executed = serviceMap as ServiceMap;
      for (const [name, dataSource] of Object.entries(run.serviceMap)) executed[name] = watched(name, dataSource, run);
    },
    install(gateway) {
      const internals = gateway as unknown as GatewayInternals;
      gateway.onSchemaLoadOrUpdate(() => {
        const planner = internals.queryPlanner;
        if (!planner) return;
        const build = planner.buildQueryPlan.bind(planner);
        planner.buildQueryPlan = (operation, buildOptions) => {
          const plan = build(operation, buildOptions);
          if (operation.rootKind !== 'query') return plan;
          const merged = mergeLateEntityFetches(plan);
          if (!merged) return plan;
          mergedPlans.set(merged.plan, merged);
          return merged.plan;
        };
      });
      const execute = internals.executor;
      internals.executor = async (requestContext) => {
        const response = await execute(requestContext);
        const run = runs.get(requestContext);
        if (!run?.failed) return response;
        options.log.info({ watched: [...run.merged.watched].map((key) => key.split('\n')[0]) }, 'a merged query plan lost a fetch; answering with the planner’s own plan');
        options.onFallback?.();
        return executeQueryPlan(run.merged.original as ExecuteArgs[0], run.serviceMap, requestContext, run.operationContext, internals.supergraphSchema, internals.apiSchema, internals.config.telemetry);
      };
    },
  };
}

/** `dataSource`, noting on `run` when a watched fetch of it fails. */
function watched(name: string, dataSource: DataSource, run: Run): DataSource {
  return {
    process: async (processOptions: ProcessOptions) => {
      const query = processOptions.request.query;
      const isWatched = query !== undefined && run.merged.watched.has(fetchKey(name, query));
      try {
        const response = await dataSource.process(processOptions);
        if (isWatched && lostEntities(response)) run.failed = true;
        return response;
      } catch (error) {
        if (isWatched) run.failed = true;
        throw error;
      }
    },
  };
}

/** No data, or an entity fetch whose answer misses an entity. */
function lostEntities(response: { data?: Record<string, unknown> | null }): boolean {
  if (!response.data) return true;
  const entities = response.data._entities;
  return entities !== undefined && (!Array.isArray(entities) || entities.some((entity) => entity === null || entity === undefined));
}

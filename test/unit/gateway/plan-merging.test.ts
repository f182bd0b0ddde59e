/**
 * gateway/plan-merging/: which plans of @apollo/gateway's planner are rewritten, into what, how a
 * fetch that merged fetches wait on is answered for the entities it did not give, and the two
 * places of @apollo/gateway plan merging relies on. The plans come from the real planner on our
 * supergraph.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isNonNullType, isObjectType, parse, print, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { answeringLostEntities } from '../../../gateway/plan-merging/dependencies.ts';
import { mergeLateEntityFetches, type FetchNode, type PlanNode, type QueryPlan } from '../../../gateway/plan-merging/merge-fetches.ts';

const gatewayRequire = createRequire(createRequire(import.meta.url).resolve('@apollo/gateway'));
const internals = gatewayRequire('@apollo/federation-internals');
const { QueryPlanner } = gatewayRequire('@apollo/query-planner');
const supergraph = internals.Supergraph.build(readFileSync(new URL('../../../schema/supergraph.graphql', import.meta.url), 'utf8'));
const planner = new QueryPlanner(supergraph);
const planOf = (query: string): QueryPlan => planner.buildQueryPlan(internals.operationFromDocument(supergraph.apiSchema(), parse(query)));
const schema = supergraph.schema.toGraphQLJSSchema();
/** As the gateway asks: nullable in the supergraph's schema. */
const nullable = (type: string, field: string) => {
  const t = schema.getType(type);
  return isObjectType(t) && t.getFields()[field] !== undefined && !isNonNullType(t.getFields()[field]!.type);
};
const merge = (plan: QueryPlan, isNullable = nullable) => mergeLateEntityFetches(plan, isNullable);

function fetches(node: PlanNode | undefined): FetchNode[] {
  if (!node) return [];
  if (node.kind === 'Fetch') return [node];
  if (node.kind === 'Flatten') return fetches(node.node);
  if (node.kind === 'Sequence' || node.kind === 'Parallel') return node.nodes.flatMap(fetches);
  return [];
}

const QUEUE = `{ office(id: "CON-LAX") { queue { id service status person { curp maskedName coverage { status validUntil } } } } }`;

describe('merging late entity fetches', () => {
  it('turns the queue’s two persons calls into one after enrollments, and names the fields it waits on', () => {
    const plan = planOf(QUEUE);
    expect(fetches(plan.node).map((f) => f.serviceName)).toEqual(['appointments', 'persons', 'enrollments', 'persons']);
    const merged = merge(plan)!;
    expect(merged.plan.node!.kind).toBe('Sequence');
    const [root, periods, people] = fetches(merged.plan.node);
    expect(fetches(merged.plan.node)).toHaveLength(3);
    expect([root!.serviceName, periods!.serviceName, people!.serviceName]).toEqual(['appointments', 'enrollments', 'persons']);
    // One _entities call with both selections; the representation still carries the periods.
    expect(print(parse(people!.operation))).toContain('maskedName');
    expect(print(parse(people!.operation))).toContain('coverage');
    expect(JSON.stringify(people!.requires)).toContain('coveragePeriods');
    expect(people!.operationDocumentNode).toBeUndefined(); // as the gateway's planner builds them
    // Enrollments' fetch is the one it waits on: an entity it does not give is answered with coveragePeriods null.
    expect([...merged.dependencies]).toEqual([[`enrollments\n${periods!.operation}`, ['coveragePeriods']]]);
    // The planner's plan is not changed in place.
    expect(fetches(plan.node)).toHaveLength(4);
  });

  it('parses the merged operation for planners that put documents in their fetches', () => {
    const documented = new QueryPlanner(supergraph, { exposeDocumentNodeInFetchNode: true });
    const plan = documented.buildQueryPlan(internals.operationFromDocument(supergraph.apiSchema(), parse(QUEUE)));
    const people = fetches(merge(plan)!.plan.node).at(-1)!;
    expect(print(people.operationDocumentNode as never)).toBe(print(parse(people.operation)));
  });

  it('keeps the variables both fetches use', () => {
    const plan = planOf(`query Q($first: Int) { office(id: "CON-LAX") { queue { person { curp maskedName accessLog(first: $first) { at } coverage { status } } } } }`);
    const merged = merge(plan)!;
    const people = fetches(merged.plan.node).at(-1)!;
    expect(people.serviceName).toBe('persons');
    const definitions = (parse(people.operation).definitions[0] as OperationDefinitionNode).variableDefinitions ?? [];
    expect(definitions.map((d) => d.variable.name.value).sort()).toEqual(['first', 'representations']);
    expect(people.variableUsages).toContain('first');
  });

  it('leaves plans alone where nothing waits to be merged', () => {
    // The window view: persons answers the root field, the rest is fetched from it.
    expect(merge(planOf(`{ person(curp: "GOMA800101HDFRRN05") { curp maskedName coverage { status } enrollments { kind } } }`))).toBeNull();
    expect(merge(planOf(`{ office(id: "CON-LAX") { queue { id person { curp } } } }`))).toBeNull();
    expect(merge({ kind: 'QueryPlan' })).toBeNull();
  });

  it('does not merge when a field the later fetch waits on may not be null, or comes from elsewhere', () => {
    const plan = planOf(QUEUE);
    expect(merge(plan, (type, field) => !(type === 'Person' && field === 'coveragePeriods'))).toBeNull();
    // The fetch waited on gives another field than the one required (so an answer for a lost entity could not be made).
    const copy = JSON.parse(JSON.stringify(plan)) as QueryPlan;
    const [, , periods] = fetches(copy.node);
    periods!.operation = periods!.operation.replace('coveragePeriods{start end kind}', 'enrollments{kind}');
    expect(merge(copy)).toBeNull();
    // A type condition nested in what the later fetch requires: no merge.
    const nested = JSON.parse(JSON.stringify(plan)) as QueryPlan;
    const late = fetches(nested.node).at(-1)!;
    late.requires![0]!.selections!.push({ kind: 'InlineFragment', typeCondition: 'Person', selections: [{ kind: 'Field', name: 'coveragePeriods' }] });
    expect(merge(nested)).toBeNull();
  });

  it('does not merge fetches that ask the same response name, use rewrites, or sit under @defer', () => {
    const plan = planOf(QUEUE);
    const retarget = (edit: (early: FetchNode, late: FetchNode) => void): QueryPlan => {
      const copy = JSON.parse(JSON.stringify(plan, (key, value) => (key === 'operationDocumentNode' ? undefined : value))) as QueryPlan;
      const [, early, , late] = fetches(copy.node);
      edit(early!, late!);
      return copy;
    };
    expect(merge(retarget(() => {}))).not.toBeNull();
    expect(merge(retarget((early) => (early.operation = early.operation.replace('maskedName', 'coverage{status}'))))).toBeNull();
    expect(merge(retarget((early) => (early.inputRewrites = [{ kind: 'ValueSetter' }])))).toBeNull();
    expect(merge(retarget((early, late) => (late.serviceName = 'biometrics')))).toBeNull();
    expect(merge(retarget((early) => (early.requires = [{ kind: 'InlineFragment', typeCondition: 'Person', selections: [{ kind: 'Field', name: 'nss' }] }])))).toBeNull();
    const deferred = retarget(() => {});
    deferred.node = { kind: 'Sequence', nodes: [deferred.node!, { kind: 'Defer' }] };
    expect(merge(deferred)).toBeNull();
  });
});

describe('the parts of @apollo/gateway plan merging relies on', () => {
  const index = readFileSync(gatewayRequire.resolve('./index.js'), 'utf8');

  it('executes with the service map it hands experimental_didResolveQueryPlan, after building the plan with this.queryPlanner', () => {
    const executor = index.slice(index.indexOf('this.executor = async (requestContext)'), index.indexOf('this.executor = async (requestContext)') + 6000);
    expect(executor).toContain('this.queryPlanner.buildQueryPlan(operation');
    expect(executor).toMatch(/this\.experimental_didResolveQueryPlan\(\{\s*queryPlan,\s*serviceMap,\s*requestContext,\s*operationContext,\s*\}\)/);
    expect(executor).toContain('(0, executeQueryPlan_1.executeQueryPlan)(queryPlan, serviceMap, requestContext, operationContext');
    // The map is built for the request, not shared between requests.
    expect(executor).toMatch(/const serviceMap = Object\.entries\(this\.serviceMap\)\.reduce\(/);
  });

  it('creates the query planner before it tells onSchemaLoadOrUpdate listeners of a schema', () => {
    const start = index.indexOf('updateWithSchemaAndNotify(supergraph, supergraphSdl, legacyDontNotifyOnSchemaChangeListeners = false) {');
    const update = index.slice(start, index.indexOf('serviceHealthCheck(serviceMap', start));
    expect(update.indexOf('this.queryPlanner = new query_planner_1.QueryPlanner(')).toBeGreaterThan(0);
    expect(update.indexOf('this.queryPlanner = new')).toBeLessThan(update.indexOf('this.onSchemaLoadOrUpdateListeners.forEach'));
  });
});

describe('answering for the entities a fetch that merged fetches wait on did not give', () => {
  const PERIODS = 'query($representations:[_Any!]!){_entities(representations:$representations){...on Person{coveragePeriods{start end kind}}}}';
  const merged = { plan: { kind: 'QueryPlan' as const }, dependencies: new Map([[`enrollments\n${PERIODS}`, ['coveragePeriods']]]) };
  const representations = [{ __typename: 'Person', curp: 'A' }, { __typename: 'Person', curp: 'B' }];
  const ask = (answer: () => Promise<unknown>, query = PERIODS) =>
    answeringLostEntities('enrollments', { process: answer } as never, merged).process({ request: { query, variables: { representations } } } as never);
  const down = new Error('enrollments unavailable');

  it('gives every entity its fields null, beside the error, when the fetch fails or has no data', async () => {
    await expect(ask(() => Promise.reject(down))).resolves.toEqual({ data: { _entities: [{ coveragePeriods: null }, { coveragePeriods: null }] }, errors: [down] });
    const errors = [{ message: 'no', extensions: { code: 'X' } }];
    await expect(ask(() => Promise.resolve({ data: null, errors }))).resolves.toEqual({ data: { _entities: [{ coveragePeriods: null }, { coveragePeriods: null }] }, errors });
  });

  it('fills only the entities left out, and keeps the answer otherwise', async () => {
    const given = { coveragePeriods: [{ start: '2020-01-01', end: null, kind: 'EMPLOYMENT' }] };
    const errors = [{ message: 'refused', path: ['_entities', 1] }];
    await expect(ask(() => Promise.resolve({ data: { _entities: [given, null] }, errors }))).resolves.toEqual({ data: { _entities: [given, { coveragePeriods: null }] }, errors });
    const whole = { data: { _entities: [given, given] } };
    await expect(ask(() => Promise.resolve(whole))).resolves.toBe(whole);
  });

  it('passes other fetches through untouched, failures included', async () => {
    await expect(ask(() => Promise.reject(down), '{ office(id: "CON-LAX") { id } }')).rejects.toBe(down);
  });
});

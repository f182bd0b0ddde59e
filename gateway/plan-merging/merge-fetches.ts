/**
 * One entity fetch to a subgraph where @apollo/gateway's planner makes two (docs/architecture.md,
 * "Query plans"). For today's queue with each person's coverage the planner fetches the persons'
 * names from persons while it fetches their coverage periods from enrollments, then calls persons
 * again for the coverage that `@requires` those periods:
 *
 *   Parallel { F1: persons(names), Sequence { E: enrollments(periods), F2: persons(coverage) } }
 *
 * Parallel branches are independent, so F1's fields can be asked in F2's call instead:
 *
 *   Sequence { E: enrollments(periods), F2': persons(names + coverage) }
 *
 * One call fewer, the same depth (F2 waited for E anyway). What changes is failure: F2' sends
 * only the entities whose required fields E delivered, so when E fails, F1's fields would be lost
 * with it. So the fetches before F2' must be entity fetches at the same path that give every field
 * F2' requires beyond F1's, and each of those fields must be nullable: when E fails, or leaves an
 * entity out, dependencies.ts answers for it with those fields null (what E could have answered),
 * and F2' still asks for every entity, as F1 would have.
 *
 * The rewrite is narrow on purpose: no @defer, F1 and F2 both `_entities` fetches to the same
 * subgraph at the same path, without rewrites, F2 requiring at least what F1 requires, no response
 * name asked by both, and their operations of the one shape the planner prints. Anything else
 * keeps the planner's plan.
 */
import { Kind, parse, print, stripIgnoredCharacters, type FieldNode, type OperationDefinitionNode, type SelectionNode, type VariableDefinitionNode } from 'graphql';

/** The parts of @apollo/query-planner's plan nodes read or built here. */
export interface PlanSelection {
  kind: 'Field' | 'InlineFragment';
  name?: string;
  alias?: string;
  typeCondition?: string;
  selections?: PlanSelection[];
}
export interface FetchNode {
  kind: 'Fetch';
  serviceName: string;
  id?: string;
  variableUsages?: string[];
  requires?: PlanSelection[];
  operation: string;
  operationName?: string;
  operationKind: string;
  operationDocumentNode?: unknown;
  inputRewrites?: unknown[];
  outputRewrites?: unknown[];
  contextRewrites?: unknown[];
}
export interface FlattenNode {
  kind: 'Flatten';
  path: Array<string | number>;
  node: PlanNode;
}
export type PlanNode =
  | FetchNode
  | FlattenNode
  | { kind: 'Sequence'; nodes: PlanNode[] }
  | { kind: 'Parallel'; nodes: PlanNode[] }
  | { kind: 'Condition'; condition: string; ifClause?: PlanNode; elseClause?: PlanNode }
  | { kind: 'Defer' | 'Subscription' };
export interface QueryPlan {
  kind: 'QueryPlan';
  node?: PlanNode;
}

export interface MergedPlan {
  plan: QueryPlan;
  /**
   * The fetches merged fetches wait on, by `service\noperation`: the fields each gives its entities,
   * to be answered null for an entity it fails to give.
   */
  dependencies: Map<string, string[]>;
}

/** Whether `field` of `type` may be null (the supergraph's schema). */
export type IsNullable = (type: string, field: string) => boolean;

export const fetchKey = (serviceName: string, operation: string) => `${serviceName}\n${operation}`;

/** The plan with late entity fetches merged, or null when nothing merges (the plan is kept). */
export function mergeLateEntityFetches(plan: QueryPlan, nullable: IsNullable): MergedPlan | null {
  if (!plan.node || contains(plan.node, (n) => n.kind === 'Defer' || n.kind === 'Subscription')) return null;
  const dependencies = new Map<string, string[]>();
  const node = rewrite(plan.node, { dependencies, nullable });
  return node === plan.node ? null : { plan: { ...plan, node }, dependencies };
}

interface Rewriting {
  dependencies: Map<string, string[]>;
  nullable: IsNullable;
}

function rewrite(node: PlanNode, rewriting: Rewriting): PlanNode {
  switch (node.kind) {
    case 'Sequence': {
      const nodes = node.nodes.map((n) => rewrite(n, rewriting));
      if (nodes.every((n, i) => n === node.nodes[i])) return node;
      return { kind: 'Sequence', nodes: nodes.flatMap((n) => (n.kind === 'Sequence' ? n.nodes : [n])) };
    }
    case 'Parallel':
      return mergeInParallel(node, node.nodes.map((n) => rewrite(n, rewriting)), rewriting);
    case 'Condition': {
      const ifClause = node.ifClause && rewrite(node.ifClause, rewriting);
      const elseClause = node.elseClause && rewrite(node.elseClause, rewriting);
      return ifClause === node.ifClause && elseClause === node.elseClause ? node : { ...node, ifClause, elseClause };
    }
    default:
      return node;
  }
}

/** Merges each branch that is one entity fetch into a later fetch of a sibling sequence, while one fits. */
function mergeInParallel(parallel: { kind: 'Parallel'; nodes: PlanNode[] }, rewritten: PlanNode[], rewriting: Rewriting): PlanNode {
  let nodes = rewritten;
  for (let merged = true; merged; ) {
    merged = false;
    for (let i = 0; i < nodes.length && !merged; i++) {
      const early = entityFetch(nodes[i]!);
      if (!early) continue;
      for (let j = 0; j < nodes.length && !merged; j++) {
        const sequence = nodes[j]!;
        if (sequence.kind !== 'Sequence' || sequence.nodes.length < 2) continue;
        const late = entityFetch(sequence.nodes.at(-1)!);
        if (!late || !samePath(early.path, late.path)) continue;
        const before = sequence.nodes.slice(0, -1);
        const given = givenFields(before, late.path);
        if (!given || !nullWhenLost(early.fetch, late.fetch, given, rewriting.nullable)) continue;
        const fetch = mergedFetch(early.fetch, late.fetch);
        if (!fetch) continue;
        for (const [key, fields] of given.byFetch) rewriting.dependencies.set(key, fields);
        const flatten: FlattenNode = { kind: 'Flatten', path: late.path, node: fetch };
        nodes = nodes.flatMap((n, k) => (k === i ? [] : k === j ? [{ kind: 'Sequence', nodes: [...before, flatten] }] : [n]));
        merged = true;
      }
    }
  }
  if (nodes.every((n, i) => n === parallel.nodes[i]) && nodes.length === parallel.nodes.length) return parallel;
  return nodes.length === 1 ? nodes[0]! : { kind: 'Parallel', nodes };
}

/**
 * The fields the fetches before a late fetch give its entities: each must be an entity fetch at the
 * same path (so it can be answered for an entity it fails to give), or null.
 */
function givenFields(before: readonly PlanNode[], path: ReadonlyArray<string | number>): { all: Set<string>; byFetch: Map<string, string[]> } | null {
  const all = new Set<string>();
  const byFetch = new Map<string, string[]>();
  for (const node of before) {
    const dependency = entityFetch(node);
    const operation = dependency && samePath(dependency.path, path) ? entitiesOperation(dependency.fetch.operation) : null;
    if (!dependency || !operation) return null;
    const fields = responseNames(operation.entities.selectionSet!.selections).filter((name) => name !== '__typename');
    if (fields.includes('\0fragment spread')) return null;
    fields.forEach((field) => all.add(field));
    byFetch.set(fetchKey(dependency.fetch.serviceName, dependency.fetch.operation), fields);
  }
  return { all, byFetch };
}

/** Whether every field `late` requires beyond `early` is given by the dependencies and may be null. */
function nullWhenLost(early: FetchNode, late: FetchNode, given: { all: Set<string> }, nullable: IsNullable): boolean {
  const earlyFields = new Set(early.requires!.flatMap((s) => (s.selections ?? []).map((f) => f.name)));
  for (const fragment of late.requires!) {
    if (fragment.kind !== 'InlineFragment' || !fragment.typeCondition) return false;
    for (const field of fragment.selections ?? []) {
      // A nested type condition could not be answered for a lost entity field by field: no merge.
      if (field.kind !== 'Field' || field.name === undefined) return false;
      if (field.name === '__typename' || earlyFields.has(field.name)) continue;
      if (field.alias !== undefined || !given.all.has(field.name) || !nullable(fragment.typeCondition, field.name)) return false;
    }
  }
  return true;
}

function entityFetch(node: PlanNode): { path: Array<string | number>; fetch: FetchNode } | null {
  if (node.kind !== 'Flatten' || node.node.kind !== 'Fetch') return null;
  const fetch = node.node;
  const rewrites = [fetch.inputRewrites, fetch.outputRewrites, fetch.contextRewrites].some((r) => r !== undefined && r.length > 0);
  if (!fetch.requires || fetch.id !== undefined || fetch.operationKind !== 'query' || rewrites) return null;
  return { path: node.path, fetch };
}

/** `late` with `early`'s selections in the same `_entities` call, or null when they cannot share it. */
function mergedFetch(early: FetchNode, late: FetchNode): FetchNode | null {
  if (early.serviceName !== late.serviceName || !containsSelections(late.requires!, early.requires!)) return null;
  const a = entitiesOperation(early.operation);
  const b = entitiesOperation(late.operation);
  if (!a || !b) return null;
  // Two fields of one response name would have to be merged (or conflict): not done here.
  const names = responseNames(b.entities.selectionSet!.selections);
  if (responseNames(a.entities.selectionSet!.selections).some((name) => name !== '__typename' && names.includes(name))) return null;
  const variables = new Map<string, VariableDefinitionNode>();
  for (const definition of [...(b.operation.variableDefinitions ?? []), ...(a.operation.variableDefinitions ?? [])]) {
    const known = variables.get(definition.variable.name.value);
    if (known && print(known.type) !== print(definition.type)) return null;
    variables.set(definition.variable.name.value, known ?? definition);
  }
  const operation: OperationDefinitionNode = {
    ...b.operation,
    variableDefinitions: [...variables.values()],
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: [{ ...b.entities, selectionSet: { kind: Kind.SELECTION_SET, selections: [...b.entities.selectionSet!.selections, ...a.entities.selectionSet!.selections] } }],
    },
  };
  const text = stripIgnoredCharacters(print({ kind: Kind.DOCUMENT, definitions: [operation] }));
  return {
    ...late,
    operation: text,
    variableUsages: [...new Set([...(late.variableUsages ?? []), ...(early.variableUsages ?? [])])],
    ...(late.operationDocumentNode !== undefined && { operationDocumentNode: parse(text) }),
  };
}

/** The planner's entity fetch: `query(...) { _entities(representations: $representations) { ... } }`, nothing else. */
function entitiesOperation(text: string): { operation: OperationDefinitionNode; entities: FieldNode } | null {
  const document = parse(text);
  const [operation] = document.definitions;
  if (document.definitions.length !== 1 || operation?.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'query') return null;
  const [entities] = operation.selectionSet.selections;
  if (operation.selectionSet.selections.length !== 1 || entities?.kind !== Kind.FIELD || entities.name.value !== '_entities' || entities.alias || !entities.selectionSet) return null;
  if (entities.directives?.length || operation.directives?.length) return null;
  return { operation, entities };
}

/** Response names at the first level of the entity selections (inside their inline fragments). */
function responseNames(selections: readonly SelectionNode[]): string[] {
  return selections.flatMap((s) =>
    s.kind === Kind.FIELD ? [(s.alias ?? s.name).value] : s.kind === Kind.INLINE_FRAGMENT ? responseNames(s.selectionSet.selections) : ['\0fragment spread'],
  );
}

/** Whether every selection of `inner` is in `outer` (same field or type condition, recursively). */
function containsSelections(outer: readonly PlanSelection[], inner: readonly PlanSelection[]): boolean {
  return inner.every((s) =>
    outer.some(
      (o) =>
        o.kind === s.kind &&
        o.name === s.name &&
        o.alias === s.alias &&
        o.typeCondition === s.typeCondition &&
        (s.selections === undefined ? o.selections === undefined : o.selections !== undefined && containsSelections(o.selections, s.selections)),
    ),
  );
}

function samePath(a: ReadonlyArray<string | number>, b: ReadonlyArray<string | number>): boolean {
  return a.length === b.length && a.every((step, i) => step === b[i]);
}

function children(node: PlanNode): PlanNode[] {
  if (node.kind === 'Sequence' || node.kind === 'Parallel') return node.nodes;
  if (node.kind === 'Flatten') return [node.node];
  if (node.kind === 'Condition') return [node.ifClause, node.elseClause].filter((n): n is PlanNode => n !== undefined);
  return [];
}

function contains(node: PlanNode, test: (node: PlanNode) => boolean): boolean {
  return test(node) || children(node).some((child) => contains(child, test));
}

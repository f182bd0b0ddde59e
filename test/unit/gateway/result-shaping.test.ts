/**
 * The compiled result shaping (gateway/result-shaping.ts) against @apollo/gateway's own
 * computeResponse: on our supergraph, for the operations the benchmark and the analysts send and a
 * few that must fall back, thousands of generated subgraph answers — valid ones and ones with
 * nulls where the schema forbids them, values of the wrong kind, unknown enum values, bad or
 * abstract `__typename`s, lists that are not arrays — give the same data and the same errors.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compileResultShaping, computeCompiledResponse, usesCompiledShaping } from '../../../gateway/result-shaping.ts';

const gatewayRequire = createRequire(createRequire(import.meta.url).resolve('@apollo/gateway'));
const internals = gatewayRequire('@apollo/federation-internals');
const { computeResponse } = gatewayRequire('./resultShaping.js');
const apiSchema = internals.Supergraph.build(readFileSync(new URL('../../../schema/supergraph.graphql', import.meta.url), 'utf8')).apiSchema();

const COMPILED = {
  statisticsTable: `query($d: [StatisticsDimension!]!) { enrollmentStatisticsTable(dimensions: $d) {
    k cells { key { dimension value } count suppressed growth } totals { key { dimension value } over count suppressed } grandTotal { count } } }`,
  window: `{ person(curp: "GOMA800101HDFRRN05") { curp nss maskedName clinic { name } coverage { status validUntil }
    enrollments { kind startDate } appointments { service status startsAt } biometricStatus { enrolledModalities consentInForce } } }`,
  aliasesAndTypenames: `{ me { __typename who: curp t: __typename curp nss givenNames beneficiaries { __typename curp relationship } } }`,
  queue: `{ office(id: "CON-LAX") { queue { id service status person { curp maskedName coverage { status validUntil } } } } }`,
  rootTypename: `{ __typename me { curp } }`,
  // The operation merges a field asked twice into one selection, so this compiles too.
  repeated: `{ me { curp curp } }`,
};
const FALLBACK = {
  fragments: `{ me { ... on Person { curp nss } curp } }`,
  skip: `query($s: Boolean!) { me { curp nss @skip(if: $s) } }`,
  introspection: `{ __schema { queryType { name } } me { curp } }`,
};

/** A seeded generator: the same answers on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A subgraph answer for `selectionSet` over `type`, corrupted with probability `corrupt` per value. */
function answer(selectionSet: any, typeName: string, next: () => number, corrupt: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const selection of selectionSet.selections()) {
    if (selection.kind !== 'FieldSelection') {
      Object.assign(out, answer(selection.selectionSet, typeName, next, corrupt));
      continue;
    }
    const field = selection.element;
    if (field.definition.isSchemaIntrospectionField()) continue;
    if (next() < corrupt / 4) continue; // missing entirely
    if (field.name === '__typename') {
      out[field.responseName()] = next() < corrupt ? ['NoSuchType', 'Query', 'StatisticsDimension', 42][Math.floor(next() * 4)] : typeName;
      continue;
    }
    out[field.responseName()] = valueOf(field.definition.type, selection.selectionSet, next, corrupt);
  }
  return out;
}

function valueOf(type: any, selectionSet: any, next: () => number, corrupt: number): unknown {
  if (next() < corrupt / 3) return null;
  if (type.kind === 'NonNullType') return valueOf(type.ofType, selectionSet, next, corrupt);
  if (type.kind === 'ListType') {
    if (next() < corrupt / 6) return { notAList: true };
    return Array.from({ length: Math.floor(next() * 4) }, () => valueOf(type.ofType, selectionSet, next, corrupt));
  }
  if (selectionSet) {
    const object = answer(selectionSet, type.name, next, corrupt);
    if (next() < corrupt / 4) object.__typename = ['NoSuchType', 'Curp', 'Person', 7][Math.floor(next() * 4)];
    return object;
  }
  const wrong = next() < corrupt;
  switch (type.kind === 'EnumType' ? 'Enum' : type.name) {
    case 'Int':
      return wrong ? ['7', 1.5, true][Math.floor(next() * 3)] : Math.floor(next() * 1000) - 10;
    case 'Float':
      return wrong ? 'x' : next() * 10;
    case 'Boolean':
      return wrong ? 1 : next() < 0.5;
    case 'String':
    case 'ID':
      return wrong ? [3, false][Math.floor(next() * 2)] : `s${Math.floor(next() * 100)}`;
    case 'Enum':
      return wrong ? 'NOT_A_VALUE' : type.values[Math.floor(next() * type.values.length)].name;
    default:
      return wrong ? { custom: 'object' } : `custom-${Math.floor(next() * 100)}`;
  }
}

function comparable(result: { data: unknown; errors: unknown[] }) {
  return { data: JSON.parse(JSON.stringify(result.data ?? null)), errors: result.errors.map((e: any) => ({ message: e.message, path: e.path, code: e.extensions?.code })) };
}

function run(args: object): unknown {
  try {
    return comparable(computeResponse(args));
  } catch (error) {
    return { threw: (error as Error).message };
  }
}

function runCompiled(args: object): unknown {
  try {
    return comparable(computeCompiledResponse(args as Parameters<typeof computeCompiledResponse>[0]));
  } catch (error) {
    return { threw: (error as Error).message };
  }
}

describe('compiled result shaping', () => {
  const introspectionHandling = () => ({ queryType: { name: 'Query' } });
  const variables = { d: ['CONSULATE', 'SEX'], s: true };

  for (const [name, query] of Object.entries({ ...COMPILED, ...FALLBACK })) {
    it(`gives what @apollo/gateway gives: ${name}`, () => {
      const operation = internals.operationFromDocument(apiSchema, parse(query));
      const next = random(name.length * 7919);
      let differing = 0;
      let withErrors = 0;
      for (let i = 0; i < 1500; i++) {
        const corrupt = [0, 0.02, 0.1, 0.3][i % 4]!;
        const input = answer(operation.selectionSet, 'Query', next, corrupt);
        const args = { operation, variables, input, introspectionHandling };
        const expected = run(args);
        const actual = runCompiled(args);
        if ((expected as { errors?: unknown[] }).errors?.length) withErrors += 1;
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          differing += 1;
          if (differing === 1) expect(actual).toEqual(expected);
        }
      }
      expect(differing).toBe(0);
      // The generated answers reach the error paths, not only the happy one.
      expect(withErrors).toBeGreaterThan(50);
    });
  }

  it("replaces the function @apollo/gateway's query plan execution calls", () => {
    // executeQueryPlan reads computeResponse from the module's exports at every call, which is what
    // lets compileResultShaping swap it; an @apollo/gateway that bound it otherwise would fail here.
    const source = readFileSync(gatewayRequire.resolve('./executeQueryPlan.js'), 'utf8');
    expect(source).toContain('(0, resultShaping_1.computeResponse)(');
    expect(source).toContain('require("./resultShaping")');
  });

  it("takes the compiled path for our gateway's schema only, and only for the operations it compiles", () => {
    const ofOurs = (query: string, schema = apiSchema) => usesCompiledShaping(internals.operationFromDocument(schema, parse(query)));
    expect(ofOurs(COMPILED.window)).toBe(false); // no gateway registered yet
    let loaded: (() => void) | undefined;
    const gateway = { apiSchema, onSchemaLoadOrUpdate: (callback: () => void) => (loaded = callback) };
    compileResultShaping(gateway as unknown as Parameters<typeof compileResultShaping>[0]);
    loaded!();
    for (const query of Object.values(COMPILED)) expect(ofOurs(query)).toBe(true);
    for (const query of Object.values(FALLBACK)) expect(ofOurs(query)).toBe(false);
    // Another gateway's schema (the conformance run hosts @apollo/gateway as shipped beside ours).
    const another = internals.Supergraph.build(readFileSync(new URL('../../../schema/supergraph.graphql', import.meta.url), 'utf8')).apiSchema();
    expect(ofOurs(COMPILED.window, another)).toBe(false);
  });
});

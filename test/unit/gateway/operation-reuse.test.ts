/**
 * gateway/operation-reuse.ts: executeQueryPlan's per-request `operationFromDocument` is answered
 * with the operation built before for the same parsed document, for our gateways' schemas only and
 * for exactly the call executeQueryPlan makes; every other call builds a new one.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Kind, parse, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compileResultShaping, usesCompiledShaping } from '../../../gateway/result-shaping.ts';

const gatewayRequire = createRequire(createRequire(import.meta.url).resolve('@apollo/gateway'));
const internals = gatewayRequire('@apollo/federation-internals');
const supergraph = () => internals.Supergraph.build(readFileSync(new URL('../../../schema/supergraph.graphql', import.meta.url), 'utf8')).apiSchema();
const apiSchema = supergraph();

/** The document executeQueryPlan builds for each request: the operation node, then its fragments. */
const asExecuted = (document: DocumentNode): DocumentNode => ({
  kind: Kind.DOCUMENT,
  definitions: [document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)],
});
const build = (document: DocumentNode, schema: unknown = apiSchema, options: object = { validate: false }) => internals.operationFromDocument(schema, asExecuted(document), options);

describe('operation reuse', () => {
  it("replaces the function executeQueryPlan calls for every request, through federation-internals' re-export", () => {
    const source = readFileSync(gatewayRequire.resolve('./executeQueryPlan.js'), 'utf8');
    expect(source).toMatch(/\(0, federation_internals_1\.operationFromDocument\)\(apiSchema, \{[^}]*definitions: \[\s*operationContext\.operation,\s*\.\.\.Object\.values\(operationContext\.fragments\),\s*\],\s*\}, \{\s*validate: false,\s*\}\)/);
    const index = readFileSync(gatewayRequire.resolve('@apollo/federation-internals'), 'utf8');
    expect(index).toContain('__exportStar(require("./operations"), exports);');
  });

  it('hands out the operation built before for the same parsed document, on our schema only', () => {
    const window = parse(`{ person(curp: "GOMA800101HDFRRN05") { curp maskedName coverage { status } } }`);
    expect(build(window) === build(window)).toBe(false); // no gateway registered yet
    let loaded: (() => void) | undefined;
    compileResultShaping({ apiSchema, onSchemaLoadOrUpdate: (callback: () => void) => (loaded = callback) } as unknown as Parameters<typeof compileResultShaping>[0]);
    loaded!();

    const first = build(window);
    expect(build(window) === first).toBe(true);
    // Its compiled shaping plan goes with it (result-shaping.ts keeps plans by operation).
    expect(usesCompiledShaping(first)).toBe(true);
    // The same text parsed again is another document: a new operation.
    expect(build(parse(`{ person(curp: "GOMA800101HDFRRN05") { curp maskedName coverage { status } } }`)) === first).toBe(false);
    // Calls other than executeQueryPlan's: validated (the query plan's), named, or on another schema.
    expect(build(window, apiSchema, {}) === first).toBe(false);
    expect(build(window, apiSchema, { validate: false, operationName: undefined }) === first).toBe(true);
    expect(build(window, supergraph()) === first).toBe(false);
  });

  it('builds again when the fragments beside the operation node are not the same nodes', () => {
    const document = parse(`query Q { me { ...Who } } fragment Who on Person { curp nss }`);
    const first = build(document);
    expect(build(document) === first).toBe(true);
    const [operation] = document.definitions;
    const otherFragment = parse(`fragment Who on Person { curp givenNames }`).definitions[0]!;
    const mixed = internals.operationFromDocument(apiSchema, { kind: Kind.DOCUMENT, definitions: [operation, otherFragment] }, { validate: false });
    expect(mixed === first).toBe(false);
    expect(mixed.toString()).toContain('givenNames');
  });
});

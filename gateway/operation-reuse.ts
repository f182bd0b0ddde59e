/**
 * One `Operation` per parsed document, not one per request. For every request, @apollo/gateway's
 * executeQueryPlan turns the request's operation definition (and its fragments) back into a
 * federation-internals `Operation` for result shaping (`operationFromDocument`, with
 * `validate: false`), even when the query plan comes from its cache: 3.3 % of the gateway's busy
 * time on the statistics workload, and the compiled result shaping (result-shaping.ts) compiled its
 * plan again for each new `Operation` (docs/architecture.md, "Performance notes").
 *
 * Apollo Server hands the gateway the same parsed document for the same query text (its document
 * store), so the operation built for one request is kept for the next, weakly keyed by that
 * document's operation definition node. Only that one call is answered from the cache: our
 * gateways' API schemas, `validate: false`, no operation name, and exactly the definitions
 * executeQueryPlan passes (the operation node, then the same fragment nodes, in order); any other
 * call builds a new operation as before. The `Operation` is only read after it is built (result
 * shaping, @skip/@include conditions), so sharing it between requests changes no answer.
 */
import { createRequire } from 'node:module';
import type { DefinitionNode, DocumentNode, OperationDefinitionNode } from 'graphql';

type OperationFromDocument = (schema: object, document: DocumentNode, options?: { operationName?: string; validate?: boolean }) => object;

// The module @apollo/federation-internals re-exports it from: its index reads the function from
// this module's exports at every call (a getter), so replacing it here is seen by every caller.
const gatewayRequire = createRequire(createRequire(import.meta.url).resolve('@apollo/gateway'));
const operationsModule = gatewayRequire('@apollo/federation-internals/dist/operations.js') as { operationFromDocument: OperationFromDocument };

interface Built {
  /** The definitions after the operation node, as they were when it was built. */
  fragments: readonly DefinitionNode[];
  operation: object;
}

const bySchema = new WeakMap<object, WeakMap<OperationDefinitionNode, Built>>();
let installed = false;

/** Answers executeQueryPlan's per-request `operationFromDocument` from a cache, for the schemas `isOurs` accepts. */
export function reuseOperations(isOurs: (schema: object) => boolean): void {
  if (installed) return;
  installed = true;
  const original = operationsModule.operationFromDocument;
  operationsModule.operationFromDocument = (schema, document, options) => {
    const [first, ...rest] = document.definitions;
    if (options?.validate !== false || options.operationName !== undefined || first?.kind !== 'OperationDefinition' || !isOurs(schema)) {
      return original(schema, document, options);
    }
    let operations = bySchema.get(schema);
    if (!operations) bySchema.set(schema, (operations = new WeakMap()));
    const known = operations.get(first);
    if (known && sameNodes(known.fragments, rest)) return known.operation;
    const operation = original(schema, document, options);
    operations.set(first, { fragments: rest, operation });
    return operation;
  };
}

function sameNodes(a: readonly DefinitionNode[], b: readonly DefinitionNode[]): boolean {
  return a.length === b.length && a.every((node, i) => node === b[i]);
}

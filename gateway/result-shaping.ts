/**
 * The last step of every response: @apollo/gateway's `computeResponse` copies the subgraphs'
 * merged data into the shape the operation asked for (aliases, `__typename`, nulls bubbling up to
 * the nearest nullable field, invalid leaf values reported). It interprets the operation for every
 * value: two directive lookups, the field's response name and its type's wrappers per field per
 * object. On the analysts' largest statistics table (2,600 cells, 420 KB) it was 54 % of the
 * gateway's request time, about 46 ms a request (docs/architecture.md, "Performance notes").
 *
 * Here the same rules run from a plan compiled from the operation before its values are shaped,
 * once per parsed document: @apollo/gateway builds an `Operation` for every request, and
 * operation-reuse.ts hands it the one built for the same document before, which keeps its plan.
 * Only operations it can compile take this path: field selections only (no fragments, which would
 * need merging into one object), no @skip or @include, no introspection fields but `__typename`,
 * each response name once per selection set. Every other operation, and any response whose shape
 * the original would reject with an assertion (a list that is not an array, a non-string
 * `__typename`), goes to the original, so those keep their exact behaviour. test/unit/gateway/result-shaping.test.ts
 * compares the two on generated responses. Only our gateway's schemas use it: the conformance run
 * also hosts @apollo/gateway as shipped in the same process.
 */
import { createRequire } from 'node:module';
import type { ApolloGateway } from '@apollo/gateway';
import { reuseOperations } from './operation-reuse.ts';

// @apollo/gateway's own copies: its type classes and errors, so `instanceof` checks agree.
const gatewayRequire = createRequire(createRequire(import.meta.url).resolve('@apollo/gateway'));
const shaping = gatewayRequire('./resultShaping.js') as { computeResponse: ComputeResponse };
const internals = gatewayRequire('@apollo/federation-internals') as FederationInternals;

interface NamedType {
  name: string;
  kind: string;
  toString(): string;
}
interface WrapperType {
  kind: 'NonNullType' | 'ListType';
  ofType: SchemaType;
  toString(): string;
}
type SchemaType = NamedType | WrapperType;
interface Schema {
  type(name: string): NamedType | undefined;
}
interface FieldElement {
  name: string;
  responseName(): string;
  appliedDirectives: readonly unknown[];
  definition: { type: SchemaType; isSchemaIntrospectionField(): boolean };
}
interface Selection {
  kind: 'FieldSelection' | 'FragmentSelection';
  element: FieldElement;
  selectionSet?: SelectionSet;
}
interface SelectionSet {
  selections(): readonly Selection[];
}
interface Operation {
  schema(): Schema & { schemaDefinition: { rootType(kind: string): NamedType | undefined } };
  rootKind: string;
  selectionSet: SelectionSet;
}
interface ComputeResponseArgs {
  operation: Operation;
  variables?: Record<string, unknown>;
  input: Record<string, unknown> | null | undefined;
  introspectionHandling: unknown;
}
type ComputeResponse = (args: ComputeResponseArgs) => { data: unknown; errors: unknown[] };
interface FederationInternals {
  isObjectType(type: unknown): boolean;
  isCompositeType(type: unknown): boolean;
  isValidLeafValue(schema: Schema, value: unknown, type: SchemaType): boolean;
  typenameFieldName: string;
  ERRORS: { INVALID_GRAPHQL: { err(message: string, options: { path: Array<string | number> }): unknown } };
}

/** A field of a compiled selection set: how to fill `responseName` from the input object. */
interface CompiledField {
  responseName: string;
  typename: boolean;
  type: SchemaType;
  selections: CompiledField[] | null;
}

/** Thrown when a response has a shape the original rejects with an assertion: the original runs instead. */
class UseOriginal extends Error {}

const { isObjectType, isCompositeType, isValidLeafValue, typenameFieldName, ERRORS } = internals;
const original = shaping.computeResponse;
/** API schemas of our gateways (each load and reload registers its own). */
const ourSchemas = new WeakSet<object>();
/** Plans by operation object (one per parsed document: operation-reuse.ts), shared by the test hook `usesCompiledShaping`. */
const plans = new WeakMap<Operation, CompiledField[] | null>();
let installed = false;

/** Shapes this gateway's responses from compiled plans (call before the gateway loads its schema). */
export function compileResultShaping(gateway: ApolloGateway): void {
  gateway.onSchemaLoadOrUpdate(() => {
    const apiSchema = (gateway as unknown as { apiSchema?: object }).apiSchema;
    if (apiSchema) ourSchemas.add(apiSchema);
  });
  if (installed) return;
  installed = true;
  reuseOperations((schema) => ourSchemas.has(schema));
  shaping.computeResponse = (args) => (ourSchemas.has(args.operation.schema()) ? computeCompiledResponse(args) : original(args));
}

/** Whether our shaping answers this operation: one of our gateways' schemas and a compilable operation (for the tests). */
export function usesCompiledShaping(operation: Operation): boolean {
  return installed && ourSchemas.has(operation.schema()) && planOf(operation) !== null;
}

function planOf(operation: Operation): CompiledField[] | null {
  let plan = plans.get(operation);
  if (plan === undefined) plans.set(operation, (plan = compile(operation.selectionSet)));
  return plan;
}

/** The compiled path, or the original where it does not apply. Exported for the equivalence test. */
export function computeCompiledResponse(args: ComputeResponseArgs): { data: unknown; errors: unknown[] } {
  const { operation, input } = args;
  if (!input) return original(args);
  const plan = planOf(operation);
  if (plan === null) return original(args);
  const rootType = operation.schema().schemaDefinition.rootType(operation.rootKind);
  if (!rootType) return original(args);
  const state: ShapeState = { schema: operation.schema(), errors: [] };
  const data = Object.create(null) as Record<string, unknown>;
  try {
    const bubbled = applySelections(input, plan, data, state, [], rootType);
    return { data: bubbled ? null : data, errors: state.errors };
  } catch (error) {
    if (error instanceof UseOriginal) return original(args);
    throw error;
  }
}

function compile(selectionSet: SelectionSet): CompiledField[] | null {
  const fields: CompiledField[] = [];
  const names = new Set<string>();
  for (const selection of selectionSet.selections()) {
    if (selection.kind !== 'FieldSelection') return null;
    const field = selection.element;
    if (field.appliedDirectives.length > 0 || field.definition.isSchemaIntrospectionField()) return null;
    const responseName = field.responseName();
    if (names.has(responseName)) return null;
    names.add(responseName);
    const typename = field.name === typenameFieldName;
    let selections: CompiledField[] | null = null;
    if (!typename && selection.selectionSet) {
      selections = compile(selection.selectionSet);
      if (selections === null) return null;
    }
    fields.push({ responseName, typename, type: field.definition.type, selections });
  }
  return fields;
}

interface ShapeState {
  schema: Schema;
  errors: unknown[];
}

interface Updated {
  updated: unknown;
  isInvalid?: boolean;
  hasErrors?: boolean;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** applySelectionSet of resultShaping.js for compiled fields; true when a null bubbles up. */
function applySelections(input: Record<string, unknown>, fields: CompiledField[], output: Record<string, unknown>, state: ShapeState, path: Array<string | number>, parentType: NamedType): boolean {
  for (const field of fields) {
    const { responseName } = field;
    let inputValue = (hasOwn.call(input, responseName) ? input[responseName] : undefined) ?? null;
    if (field.typename) {
      if (inputValue === null && responseName !== typenameFieldName) inputValue = input[typenameFieldName] ?? null;
      const type = inputValue !== null && typeof inputValue === 'string' ? (state.schema.type(inputValue) ?? parentType) : parentType;
      if (!isObjectType(type)) return true;
      output[responseName] = type.name;
      continue;
    }
    path.push(responseName);
    const { updated, isInvalid } = updateValue(field.type, inputValue, field.selections, state, path, parentType);
    output[responseName] = updated;
    path.pop();
    if (isInvalid) return true;
  }
  return false;
}

/** updateOutputValue of resultShaping.js with no value already in the output (the compiled operations never merge). */
function updateValue(type: SchemaType, inputValue: unknown, selections: CompiledField[] | null, state: ShapeState, path: Array<string | number>, parentType: NamedType): Updated {
  if (type.kind === 'NonNullType') {
    const inner = (type as WrapperType).ofType;
    const { updated, hasErrors } = updateValue(inner, inputValue, selections, state, path, parentType);
    if (updated === null) {
      if (!hasErrors) state.errors.push(ERRORS.INVALID_GRAPHQL.err(`Cannot return null for non-nullable ${describe(path, inner, parentType)}.`, { path: Array.from(path) }));
      return { updated, isInvalid: true, hasErrors: true };
    }
    return { updated };
  }
  if (inputValue === null) return { updated: null };
  if (type.kind === 'ListType') {
    if (!Array.isArray(inputValue)) throw new UseOriginal();
    const inner = (type as WrapperType).ofType;
    let shouldNullify = false;
    let hasErrors = false;
    const updated = new Array<unknown>(inputValue.length);
    for (let index = 0; index < inputValue.length; index++) {
      path.push(index);
      const element = updateValue(inner, inputValue[index], selections, state, path, parentType);
      path.pop();
      shouldNullify ||= !!element.isInvalid;
      hasErrors ||= !!element.hasErrors;
      updated[index] = element.updated;
    }
    return { updated: shouldNullify ? null : updated, hasErrors };
  }
  if (isCompositeType(type)) {
    if (selections === null || typeof inputValue !== 'object') throw new UseOriginal();
    const object = inputValue as Record<string, unknown>;
    const inputTypename = object[typenameFieldName];
    if (inputTypename !== undefined && typeof inputTypename !== 'string') throw new UseOriginal();
    let objectType = type as NamedType;
    if (inputTypename) {
      const typenameType = state.schema.type(inputTypename);
      if (!typenameType || !isCompositeType(typenameType)) {
        state.errors.push(ERRORS.INVALID_GRAPHQL.err(`Invalid __typename found for object at ${describe(path, type, parentType)}.`, { path: Array.from(path) }));
        return { updated: null, hasErrors: true };
      }
      objectType = typenameType;
    }
    const output = Object.create(null) as Record<string, unknown>;
    const bubbled = applySelections(object, selections, output, state, path, objectType);
    return { updated: bubbled ? null : output, hasErrors: bubbled };
  }
  const valid = isValidLeafValue(state.schema, inputValue, type);
  if (!valid) state.errors.push(ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${describe(path, type, parentType)}.`, { path: Array.from(path) }));
  return { updated: valid ? inputValue : null, hasErrors: !valid };
}

function describe(path: Array<string | number>, currentType: SchemaType, parentType: NamedType): string {
  const element = path[path.length - 1];
  return typeof element === 'string' ? `field ${parentType}.${element}` : `array element of type ${currentType} at index ${element}`;
}

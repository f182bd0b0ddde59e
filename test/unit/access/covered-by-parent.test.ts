/**
 * `coveredByParent` (subgraphs/shared/shield.ts): a value type's fields go without per-field
 * middleware only when every way to it passes a real rule — checked when the schema is built,
 * so a careless marker refuses to start instead of opening data.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, parse } from 'graphql';
import { allow } from 'graphql-shield';
import { describe, expect, it } from 'vitest';
import { allowIf, coveredByParent } from '../../../subgraphs/shared/access/index.ts';
import { coveredTypes, withShield } from '../../../subgraphs/shared/shield.ts';

const SDL = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { table: Table  cell: Cell  person(id: ID!): Person }
  type Table { cells: [Cell!]! }
  type Cell { value: Int! label: Label! }
  type Label { text: String! }
  type Person @key(fields: "id") { id: ID! label: Label }
`);
const schema = buildSubgraphSchema([{
  typeDefs: SDL,
  resolvers: {
    Query: { table: () => ({ cells: [{ value: 1, label: { text: 'a' } }, { value: 2, label: { text: 'b' } }] }) },
  } as never,
}]);
const analysts = allowIf((access) => access.viewer?.roles.includes('ANALYST') ?? false);
// Person is an entity with a rule that decides (not `allow`, which would open the Label it reaches).
const person = { Person: analysts };

describe('coveredByParent', () => {
  it('lists the marked types when every field returning them is behind a rule', () => {
    const rules = { Query: { table: analysts, cell: analysts }, Table: analysts, Cell: coveredByParent, Label: coveredByParent, ...person };
    expect(coveredTypes(schema, rules)).toEqual(['Cell', 'Label']);
  });

  it('refuses a covered type that a field reaches with no rule of its own', () => {
    // Query.cell has no rule: the fallback would deny it, but the marker must not rely on that.
    expect(() => coveredTypes(schema, { Query: { table: analysts }, Table: analysts, Cell: coveredByParent, Label: analysts, ...person }))
      .toThrow(/Query.cell returns Cell with no rule of its own/);
  });

  it('refuses a covered type reached through allow, which decides nothing', () => {
    const rules = { Query: { table: analysts, cell: analysts }, Table: analysts, Cell: coveredByParent, Label: coveredByParent };
    expect(() => coveredTypes(schema, { ...rules, Person: allow })).toThrow(/Person.label returns Label through allow/);
    expect(() => coveredTypes(schema, { ...rules, Person: { label: allow } })).toThrow(/Person.label returns Label through allow/);
    expect(() => coveredTypes(schema, { ...rules, Person: analysts, Table: allow })).toThrow(/Table.cells returns Cell through allow/);
    // What a rule above decided still counts: an open Query.table leads to a Table with its own rule.
    expect(coveredTypes(schema, { ...rules, Person: analysts, Query: { table: allow, cell: analysts } })).toEqual(['Cell', 'Label']);
  });

  it('refuses an entity, which _entities reaches without its parent', () => {
    expect(() => coveredTypes(schema, { Query: { table: analysts, cell: analysts }, Table: analysts, Cell: analysts, Label: analysts, Person: coveredByParent }))
      .toThrow(/Person: an entity/);
  });

  it('refuses the marker on a single field', () => {
    expect(() => coveredTypes(schema, { Query: { table: analysts, cell: coveredByParent }, Table: analysts, Cell: analysts, Label: analysts, ...person }))
      .toThrow(/Query: coveredByParent is a whole type's rule/);
  });

  it('still enforces the parent: the covered cells are served to analysts and to nobody else', async () => {
    const shielded = withShield(schema, { Query: { table: analysts, cell: analysts }, Table: analysts, Cell: coveredByParent, Label: coveredByParent, ...person });
    const run = (roles: string[]) => graphql({ schema: shielded, source: '{ table { cells { value label { text } } } }', contextValue: { viewer: { roles } } });
    expect((await run(['ANALYST'])).data).toEqual({ table: { cells: [{ value: 1, label: { text: 'a' } }, { value: 2, label: { text: 'b' } }] } });
    const refused = await run(['INSURED']);
    expect(refused.data).toEqual({ table: null });
    expect(refused.errors?.[0]?.message).toBe('Not permitted');
  });
});

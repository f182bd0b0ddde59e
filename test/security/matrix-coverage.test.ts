/**
 * The security matrix names every root field of every subgraph: adding a Query or Mutation field
 * to an SDL without a matrix row (allowed and denied actors) fails here.
 */
import { parse, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SUBGRAPH_NAMES, readSubgraphSdl } from '../../schema/subgraphs.ts';
import { OPERATIONS } from './matrix/index.ts';

function rootFields(name: (typeof SUBGRAPH_NAMES)[number]): string[] {
  const document = parse(readSubgraphSdl(name));
  return document.definitions
    .filter((d): d is ObjectTypeDefinitionNode | ObjectTypeExtensionNode => d.kind === 'ObjectTypeDefinition' || d.kind === 'ObjectTypeExtension')
    .filter((d) => d.name.value === 'Query' || d.name.value === 'Mutation')
    .flatMap((d) => (d.fields ?? []).map((f) => `${d.name.value}.${f.name.value}`));
}

describe('security matrix coverage', () => {
  const covered = new Set(OPERATIONS.flatMap((operation) => operation.covers));
  for (const subgraph of SUBGRAPH_NAMES) {
    it(`every root field of ${subgraph} has a row`, () => {
      const fields = rootFields(subgraph);
      expect(fields.filter((field) => !covered.has(field))).toEqual([]);
    });
  }

  it('names only fields that exist', () => {
    const all = new Set(SUBGRAPH_NAMES.flatMap(rootFields));
    expect(all.size).toBeGreaterThan(10);
    expect([...covered].filter((field) => !all.has(field))).toEqual([]);
  });
});

/**
 * Every object type of every subgraph has a rule in its shield map. The shield denies what it does
 * not list (deny by default), so a type added to an SDL without a rule would fail closed silently —
 * as null with FORBIDDEN in production. This makes the omission a test failure instead.
 */
import { parse, type ObjectTypeDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SUBGRAPH_NAMES, readSubgraphSdl, type SubgraphName } from '../../schema/subgraphs.ts';
import { permissions as appointments } from '../../subgraphs/appointments/permissions.ts';
import { permissions as biometrics } from '../../subgraphs/biometrics/permissions.ts';
import { permissions as enrollments } from '../../subgraphs/enrollments/permissions.ts';
import { permissions as persons } from '../../subgraphs/persons/permissions.ts';

const MAPS: Record<SubgraphName, object> = { persons, enrollments, appointments, biometrics };

describe('shield coverage', () => {
  for (const subgraph of SUBGRAPH_NAMES) {
    it(`every object type of ${subgraph} has a rule`, () => {
      const types = parse(readSubgraphSdl(subgraph))
        .definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === 'ObjectTypeDefinition')
        .map((d) => d.name.value)
        .filter((name) => name !== 'Query' && name !== 'Mutation');
      expect(types.filter((name) => !(name in MAPS[subgraph]))).toEqual([]);
    });
  }
});

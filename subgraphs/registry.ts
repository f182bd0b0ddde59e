/**
 * The subgraphs of this supergraph, by name: the one list the runtime, the tests and the
 * benchmark start subgraphs from. Adding a subgraph is adding its module here (and its SDL to
 * schema/subgraphs.ts).
 */
import type { SubgraphName } from '../schema/subgraphs.ts';
import { appointments } from './appointments/index.ts';
import { biometrics } from './biometrics/index.ts';
import { enrollments } from './enrollments/index.ts';
import { persons } from './persons/index.ts';
import type { SubgraphModule } from './shared/subgraph-module.ts';

export const SUBGRAPHS: Readonly<Record<SubgraphName, SubgraphModule>> = { persons, enrollments, appointments, biometrics };

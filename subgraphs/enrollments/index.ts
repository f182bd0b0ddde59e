import type { SubgraphModule } from '../shared/subgraph-server.ts';
import { createEnrollmentsContext, type EnrollmentsContext } from './context.ts';
import { permissions } from './permissions.ts';
import { resolvers } from './resolvers/index.ts';

export function enrollmentsSubgraph(): SubgraphModule<EnrollmentsContext> {
  return { name: 'enrollments', resolvers, permissions, extendContext: createEnrollmentsContext };
}

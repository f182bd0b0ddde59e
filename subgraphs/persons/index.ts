/** The persons subgraph module: what subgraphs/start.ts and the tests plug into the runtime. */
import type { SubgraphModule } from '../shared/subgraph-server.ts';
import { createPersonsContext, type PersonsContext, type PersonsServices } from './context.ts';
import { permissions } from './permissions.ts';
import { resolvers } from './resolvers/index.ts';

export function personsSubgraph(services: PersonsServices): SubgraphModule<PersonsContext> {
  return {
    name: 'persons',
    resolvers,
    permissions,
    extendContext: (base, database) => createPersonsContext(base, database, services),
  };
}

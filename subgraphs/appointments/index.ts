import type { SubgraphModule } from '../shared/subgraph-server.ts';
import { createAppointmentsContext, type AppointmentsContext } from './context.ts';
import { permissions } from './permissions.ts';
import { resolvers } from './resolvers/index.ts';

export function appointmentsSubgraph(now: () => Date = () => new Date()): SubgraphModule<AppointmentsContext> {
  return {
    name: 'appointments',
    resolvers,
    permissions,
    extendContext: (base, database) => createAppointmentsContext(base, database, now),
  };
}

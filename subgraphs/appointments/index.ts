/** The appointments subgraph module (subgraphs/registry.ts): offices, appointments, the advisory-window queue. */
import type { SubgraphModule } from '../shared/subgraph-module.ts';
import { createAppointmentsContext } from './context.ts';
import { permissions } from './permissions.ts';
import { appointmentsRepository } from './repository.ts';
import { resolvers } from './resolvers/index.ts';

export const appointments: SubgraphModule = {
  name: 'appointments',
  create({ database }) {
    const repository = appointmentsRepository(database);
    return { resolvers, permissions, context: (base) => createAppointmentsContext(base, repository) };
  },
};

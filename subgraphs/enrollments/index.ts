/** The enrollments subgraph module (subgraphs/registry.ts): enrollments, coverage periods, statistics. */
import type { SubgraphModule } from '../shared/subgraph-module.ts';
import { createEnrollmentsContext } from './context.ts';
import { permissions } from './permissions.ts';
import { enrollmentsRepository } from './repository.ts';
import { resolvers } from './resolvers/index.ts';

export const enrollments: SubgraphModule = {
  name: 'enrollments',
  create({ database }) {
    const repository = enrollmentsRepository(database);
    return { resolvers, permissions, context: (base) => createEnrollmentsContext(base, repository) };
  },
};

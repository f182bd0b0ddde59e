/** The biometrics subgraph module (subgraphs/registry.ts): enrollment status and consent; templates never leave. */
import type { SubgraphModule } from '../shared/subgraph-module.ts';
import { createBiometricsContext } from './context.ts';
import { permissions } from './permissions.ts';
import { biometricsRepository } from './repository.ts';
import { resolvers } from './resolvers/index.ts';

export const biometrics: SubgraphModule = {
  name: 'biometrics',
  create({ database }) {
    const repository = biometricsRepository(database);
    return { resolvers, permissions, context: (base) => createBiometricsContext(base, repository) };
  },
};

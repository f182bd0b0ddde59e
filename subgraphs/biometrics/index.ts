import type { SubgraphModule } from '../shared/subgraph-server.ts';
import { createBiometricsContext, type BiometricsContext } from './context.ts';
import { permissions } from './permissions.ts';
import { resolvers } from './resolvers/index.ts';

export function biometricsSubgraph(): SubgraphModule<BiometricsContext> {
  return { name: 'biometrics', resolvers, permissions, extendContext: createBiometricsContext };
}

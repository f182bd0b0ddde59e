/** The biometrics subgraph's per-request context: the shared one and its loaders. */
import type { BaseContext } from '../shared/context.ts';
import { createBiometricsLoaders, type BiometricsLoaders } from './loaders.ts';
import type { BiometricsRead, BiometricsWrite } from './permissions.ts';
import type { BiometricsRepository } from './repository.ts';

export interface BiometricsContext extends BaseContext<BiometricsRead, BiometricsWrite> {
  loaders: BiometricsLoaders;
}

export function createBiometricsContext(base: BaseContext, repository: BiometricsRepository): BiometricsContext {
  return { ...base, loaders: createBiometricsLoaders(base, repository) };
}

import type { Database } from '../../db/client.ts';
import type { BaseContext } from '../shared/context.ts';
import { createBiometricsLoaders, type BiometricsLoaders } from './loaders.ts';
import { biometricsRepository } from './repository.ts';

export interface BiometricsContext extends BaseContext {
  loaders: BiometricsLoaders;
}

export function createBiometricsContext(base: BaseContext, database: Database): BiometricsContext {
  return { ...base, loaders: createBiometricsLoaders(biometricsRepository(database), base) };
}

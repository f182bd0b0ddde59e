import type { Database } from '../../db/client.ts';
import type { BaseContext } from '../shared/context.ts';
import { createEnrollmentsLoaders, type EnrollmentsLoaders } from './loaders.ts';
import { enrollmentsRepository, type EnrollmentsRepository } from './repository.ts';

export interface EnrollmentsContext extends BaseContext {
  repository: EnrollmentsRepository;
  loaders: EnrollmentsLoaders;
}

export function createEnrollmentsContext(base: BaseContext, database: Database): EnrollmentsContext {
  const repository = enrollmentsRepository(database);
  return { ...base, repository, loaders: createEnrollmentsLoaders(repository, base) };
}

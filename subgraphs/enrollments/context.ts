/** The enrollments subgraph's per-request context: the shared one, its repository and loaders. */
import type { BaseContext } from '../shared/context.ts';
import { createEnrollmentsLoaders, type EnrollmentsLoaders } from './loaders.ts';
import type { EnrollmentsRead, EnrollmentsWrite } from './permissions.ts';
import type { EnrollmentsRepository } from './repository.ts';

export interface EnrollmentsContext extends BaseContext<EnrollmentsRead, EnrollmentsWrite> {
  repository: EnrollmentsRepository;
  loaders: EnrollmentsLoaders;
}

export function createEnrollmentsContext(base: BaseContext, repository: EnrollmentsRepository): EnrollmentsContext {
  return { ...base, repository, loaders: createEnrollmentsLoaders(base, repository) };
}

/** The appointments subgraph's per-request context: the shared one, its repository and loaders. */
import type { BaseContext } from '../shared/context.ts';
import { createAppointmentsLoaders, type AppointmentsLoaders } from './loaders.ts';
import type { AppointmentsRead, AppointmentsWrite } from './permissions.ts';
import type { AppointmentsRepository } from './repository.ts';

export interface AppointmentsContext extends BaseContext<AppointmentsRead, AppointmentsWrite> {
  repository: AppointmentsRepository;
  loaders: AppointmentsLoaders;
}

export function createAppointmentsContext(base: BaseContext, repository: AppointmentsRepository): AppointmentsContext {
  return { ...base, repository, loaders: createAppointmentsLoaders(base, repository) };
}

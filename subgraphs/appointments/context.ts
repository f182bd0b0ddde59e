import type { Database } from '../../db/client.ts';
import type { BaseContext } from '../shared/context.ts';
import { createAppointmentsLoaders, type AppointmentsLoaders } from './loaders.ts';
import { appointmentsRepository, type AppointmentsRepository } from './repository.ts';

export interface AppointmentsContext extends BaseContext {
  repository: AppointmentsRepository;
  loaders: AppointmentsLoaders;
}

export function createAppointmentsContext(base: BaseContext, database: Database, now: () => Date = () => new Date()): AppointmentsContext {
  const repository = appointmentsRepository(database);
  return { ...base, repository, loaders: createAppointmentsLoaders(repository, base, now) };
}

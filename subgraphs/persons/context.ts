import type { Database } from '../../db/client.ts';
import type { BaseContext } from '../shared/context.ts';
import { createPersonsLoaders, type PersonsLoaders } from './loaders.ts';
import { createPersonsRepository, type PersonsRepository } from './repository.ts';
import type { CertificateSigner } from './services/certificate.ts';

export interface PersonsServices {
  certificates: CertificateSigner;
  /** Injected so that date-dependent rules (ages, deadlines) are testable. */
  now: () => Date;
}

export interface PersonsContext extends BaseContext {
  database: Database;
  repository: PersonsRepository;
  loaders: PersonsLoaders;
  services: PersonsServices;
}

/** One repository per pool: it holds prepared statements and no request state. */
const repositories = new WeakMap<Database, PersonsRepository>();

export function createPersonsContext(base: BaseContext, database: Database, services: PersonsServices): PersonsContext {
  let repository = repositories.get(database);
  if (!repository) repositories.set(database, (repository = createPersonsRepository(database)));
  return { ...base, database, repository, loaders: createPersonsLoaders(repository, base), services };
}

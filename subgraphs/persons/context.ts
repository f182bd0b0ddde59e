import type { Database } from '../../db/client.ts';
import type { BaseContext } from '../shared/context.ts';
import { createPersonsLoaders, type PersonsLoaders } from './loaders.ts';
import { personsRepository, type PersonsRepository } from './repository.ts';
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

export function createPersonsContext(base: BaseContext, database: Database, services: PersonsServices): PersonsContext {
  const repository = personsRepository(database);
  return { ...base, database, repository, loaders: createPersonsLoaders(repository, base), services };
}

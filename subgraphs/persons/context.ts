/** The persons subgraph's per-request context: the shared one, its repository, loaders and signer. */
import type { BaseContext } from '../shared/context.ts';
import type { NssCertificateSigner } from './documents/nss-certificate.ts';
import { createPersonsLoaders, type PersonsLoaders } from './loaders.ts';
import type { PersonsRead, PersonsWrite } from './permissions.ts';
import type { PersonsRepository } from './repository.ts';

export interface PersonsContext extends BaseContext<PersonsRead, PersonsWrite> {
  repository: PersonsRepository;
  loaders: PersonsLoaders;
  certificates: NssCertificateSigner;
}

export function createPersonsContext(
  base: BaseContext,
  shared: { repository: PersonsRepository; certificates: NssCertificateSigner },
): PersonsContext {
  return { ...base, ...shared, loaders: createPersonsLoaders(base, shared.repository) };
}

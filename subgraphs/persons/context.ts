/** The persons subgraph's per-request context: the shared one, its repository, loaders and signer. */
import type { BaseContext } from '../shared/context.ts';
import type { DocumentSigner } from '../shared/documents/document-signer.ts';
import { createPersonsLoaders, type PersonsLoaders } from './loaders.ts';
import type { PersonsRead, PersonsWrite } from './permissions.ts';
import type { PersonsRepository } from './repository.ts';

export interface PersonsContext extends BaseContext<PersonsRead, PersonsWrite> {
  repository: PersonsRepository;
  loaders: PersonsLoaders;
  /** Signs the persons subgraph's documents (NSS certificates, receipts). */
  documents: DocumentSigner;
}

export function createPersonsContext(
  base: BaseContext,
  shared: { repository: PersonsRepository; documents: DocumentSigner },
): PersonsContext {
  return { ...base, ...shared, loaders: createPersonsLoaders(base, shared.repository) };
}

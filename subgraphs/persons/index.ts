/** The persons subgraph module (subgraphs/registry.ts): identities, NSS, contact data, beneficiaries, coverage, proof of life. */
import type { SubgraphModule } from '../shared/subgraph-module.ts';
import { createPersonsContext } from './context.ts';
import { createNssCertificateSigner } from './documents/nss-certificate.ts';
import { permissions } from './permissions.ts';
import { personsRepository } from './repository.ts';
import { resolvers } from './resolvers/index.ts';

export const persons: SubgraphModule = {
  name: 'persons',
  async create({ database, keys }) {
    if (!keys.certificate) throw new Error('the persons subgraph needs CERTIFICATE_SIGNING_KEY');
    const shared = { repository: personsRepository(database), certificates: await createNssCertificateSigner(keys.certificate) };
    return { resolvers, permissions, context: (base) => createPersonsContext(base, shared) };
  },
};

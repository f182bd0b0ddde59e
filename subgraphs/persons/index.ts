/** The persons subgraph module (subgraphs/registry.ts): identities, NSS, contact data, beneficiaries, coverage, proof of life. */
import type { SubgraphModule } from '../shared/subgraph-module.ts';
import { createPersonsContext } from './context.ts';
import { permissions } from './permissions.ts';
import { personsRepository } from './repository.ts';
import { resolvers } from './resolvers/index.ts';
import { startCheckpoints } from './audit-checkpoints.ts';

export const persons: SubgraphModule = {
  name: 'persons',
  create({ database, documents, keys, log }) {
    const shared = { repository: personsRepository(database), documents: documents.signer };
    const checkpoints = startCheckpoints(database, keys, log);
    return { resolvers, permissions, context: (base) => createPersonsContext(base, shared), close: checkpoints.stop };
  },
};

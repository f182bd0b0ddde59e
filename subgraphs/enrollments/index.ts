/**
 * The enrollments subgraph module (subgraphs/registry.ts): enrollments (employment, independent
 * workers, family health, voluntary continuation), employers' movements, coverage periods,
 * dated reference tables and statistics for analysts.
 */
import type { SubgraphModule } from '../shared/subgraph-module.ts';
import { createEnrollmentsContext } from './context.ts';
import { permissions } from './permissions.ts';
import { paymentRepository } from './payment-repository.ts';
import { enrollmentsRepository } from './repository.ts';
import { resolvers } from './resolvers/index.ts';

export const enrollments: SubgraphModule = {
  name: 'enrollments',
  create({ database, documents }) {
    const shared = { repository: enrollmentsRepository(database), documents: documents.verifier, signer: documents.signer, payments: paymentRepository(database) };
    return { resolvers, permissions, context: (base) => createEnrollmentsContext(base, shared) };
  },
};

import type { QueryResolvers } from '../__generated__/resolvers-types.ts';

export const Query: QueryResolvers = {
  consulates: (_parent, _args, { repository }) => repository.consulates(),
  consulate: (_parent, { id }, { loaders }) => loaders.consulateById.load(id),
};

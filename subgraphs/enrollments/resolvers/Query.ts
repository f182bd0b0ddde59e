import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { suppressSmallCells } from '../statistics.ts';

export const Query: QueryResolvers = {
  enrollmentStatistics: async (_parent, _args, { repository }) =>
    suppressSmallCells(await repository.countsByKind()) as never,
};

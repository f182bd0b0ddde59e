import type { ProofOfLifeStatusResolvers } from '../__generated__/resolvers-types.ts';

export const ProofOfLifeStatus: ProofOfLifeStatusResolvers = {
  history: async (status, { first }, { loaders }) =>
    (await loaders.proofsOfLifeByCurp.load(status.curp)).slice(0, Math.min(Math.max(first ?? 10, 1), 100)),
};

import type { BiometricDataResolvers } from '../__generated__/resolvers-types.ts';

export const BiometricData: BiometricDataResolvers = {
  verifications: (data, { first }, { loaders }) => loaders.attemptsByCurp.load({ curp: data.curp, limit: Math.min(Math.max(first ?? 50, 1), 200) }),
};

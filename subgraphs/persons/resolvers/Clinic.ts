import type { ClinicResolvers } from '../__generated__/resolvers-types.ts';

export const Clinic: ClinicResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.clinicById.load(reference.id),
};

import type { ConsulateResolvers } from '../__generated__/resolvers-types.ts';

export const Consulate: ConsulateResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.consulateById.load(reference.id),
  queue: (consulate, _args, { loaders }) => loaders.queueByConsulate.load(consulate.id),
};

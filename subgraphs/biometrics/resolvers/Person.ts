import type { PersonResolvers } from '../__generated__/resolvers-types.ts';

export const Person: PersonResolvers = {
  __resolveReference: (reference) => ({ curp: reference.curp }),
  biometricStatus: (person, _args, { loaders }) => loaders.statusByCurp.load(person.curp),
};

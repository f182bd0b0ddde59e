import type { PersonResolvers } from '../__generated__/resolvers-types.ts';

export const Person: PersonResolvers = {
  __resolveReference: (reference) => ({ curp: reference.curp }),
  // Decided, audited and released by the scoped loaders (permissions.ts).
  biometricStatus: (person, _args, { loaders }) => loaders.statusByCurp.load(person.curp),
  biometricData: (person, _args, { loaders }) => loaders.dataByCurp.load(person.curp),
};

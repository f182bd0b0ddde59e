import type { PersonResolvers } from '../__generated__/resolvers-types.ts';

export const Person: PersonResolvers = {
  __resolveReference: (reference) => ({ curp: reference.curp }),
  appointments: (person, _args, { loaders }) => loaders.appointmentsByCurp.load(person.curp),
};

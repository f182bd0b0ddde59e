import type { PersonResolvers } from '../__generated__/resolvers-types.ts';

export const Person: PersonResolvers = {
  // Persons are owned by the persons subgraph; here a reference is just its key.
  __resolveReference: (reference) => ({ curp: reference.curp }),
  enrollments: (person, _args, { loaders }) => loaders.enrollmentsByCurp.load(person.curp),
  coveragePeriods: async (person, _args, { loaders }) =>
    (await loaders.coveragePeriodsByCurp.load(person.curp)).map(({ start, end, kind }) => ({ start, end, kind })),
};

import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { suppressSmallCells } from '../statistics.ts';

export const Query: QueryResolvers = {
  enrollmentStatistics: async (_parent, _args, { repository }) => suppressSmallCells(await repository.countsByKind()),

  /** The caller's own registros patronales (all, or the one named); scoped and audited by the loader. */
  employerEnrollments: async (_parent, { registration, activeOnly }, { viewer, loaders }) => {
    const registrations = registration ? [registration] : (viewer?.employerRegistrations ?? []);
    const rows = (await loaders.enrollmentsByRegistration.loadMany(registrations)).flatMap((r) => (r instanceof Error ? [] : r));
    return (activeOnly ?? true) ? rows.filter((row) => row.endDate === null) : rows;
  },
};

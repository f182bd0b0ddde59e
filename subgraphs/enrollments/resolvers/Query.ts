import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { suppressSmallCells } from '../statistics.ts';

export const Query: QueryResolvers = {
  enrollmentStatistics: async (_parent, _args, { repository }) =>
    suppressSmallCells(await repository.countsByKind()) as never,

  /** Scoped by the token: an employer names only registrations it holds, anything else is empty. */
  employerEnrollments: async (_parent, { registration, activeOnly }, { viewer, repository, audit }) => {
    const own = viewer?.employerRegistrations ?? [];
    const registrations = registration ? own.filter((r) => r === registration) : own;
    if (registrations.length === 0) return [];
    const rows = await repository.byEmployerRegistrations(registrations, activeOnly ?? true);
    await audit.recordReads(rows.map((row) => row.curp), 'employerEnrollments');
    return rows;
  },
};

import type { PersonResolvers } from '../__generated__/resolvers-types.ts';
import { maskName } from '../services/masking.ts';
import { coverageOf } from '../services/coverage.ts';
import { proofOfLifeStatusOf } from '../services/proof-of-life.ts';

export const Person: PersonResolvers = {
  /**
   * Entity references from other subgraphs go through the same scoped, audited loader as root
   * fields; @requires data (coveragePeriods) arrives in the reference and is kept.
   */
  __resolveReference: async (reference, { loaders }) => {
    const row = await loaders.personByCurp.load(reference.curp);
    if (!row) return null;
    const periods = (reference as { coveragePeriods?: unknown }).coveragePeriods;
    return periods === undefined ? row : { ...row, coveragePeriods: periods as never };
  },
  maskedName: (person) => maskName(person),
  address: (person, _args, { loaders }) => loaders.addressByCurp.load(person.curp),
  clinic: (person, _args, { loaders }) => (person.clinicId ? loaders.clinicById.load(person.clinicId) : null),
  beneficiaries: (person, _args, { loaders }) => loaders.beneficiariesByHolder.load(person.curp),
  coverage: (person, _args, ctx) => coverageOf(person, ctx),
  proofOfLife: (person, _args, ctx) => proofOfLifeStatusOf(person, ctx),
  accessLog: (person, { first }, { repository }) => repository.accessLog(person.curp, Math.min(Math.max(first ?? 50, 1), 200)),
};

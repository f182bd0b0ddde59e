import { coveragePeriodsSchema } from '../mappers.ts';
import type { PersonResolvers } from '../__generated__/resolvers-types.ts';
import { coverageValidity, maskedName, pensionInPayment, proofOfLifeStatus } from '../rules/index.ts';

export const Person: PersonResolvers = {
  /**
   * Entity references from other subgraphs go through the same scoped, audited loader as root
   * fields; the @requires data (coverage periods from enrollments) arrives in the reference and
   * is parsed, not trusted. Periods that arrive null are unknown (enrollments answered the field
   * with an error, which the gateway reports): coverage is then null, the rest of the person is not.
   */
  __resolveReference: async (reference, { loaders }) => {
    const row = await loaders.personByCurp.load(reference.curp);
    if (!row) return null;
    if (!('coveragePeriods' in reference) || reference.coveragePeriods === null) return row;
    return { ...row, coveragePeriods: coveragePeriodsSchema.parse(reference.coveragePeriods) };
  },
  maskedName: (person) => maskedName(person),
  address: (person, _args, { loaders }) => loaders.addressByCurp.load(person.curp),
  clinic: (person, _args, { loaders }) => (person.clinicId ? loaders.clinicById.load(person.clinicId) : null),
  beneficiaries: (person, _args, { loaders }) => loaders.beneficiariesByHolder.load(person.curp),
  coverage: async (person, _args, { loaders, clock }) => {
    if (!person.coveragePeriods) return null;
    const asOf = clock.today();
    const [beneficiaries, proofs] = await Promise.all([loaders.beneficiariesByHolder.load(person.curp), loaders.proofsOfLifeByCurp.load(person.curp)]);
    const pension = pensionInPayment({ pensionStart: person.pensionStartedOn, livesAbroad: person.pensionerAbroad, lastProof: proofs[0]?.provedOn ?? null }, { asOf });
    return coverageValidity(person.coveragePeriods, beneficiaries, { asOf, pension });
  },
  // Only pensioners living abroad owe a consular proof of life (docs/domain.md §8).
  proofOfLife: async (person, _args, { loaders, clock }) => {
    if (!person.pensionerAbroad) return null;
    const lastProvedOn = (await loaders.proofsOfLifeByCurp.load(person.curp))[0]?.provedOn ?? null;
    const status = proofOfLifeStatus({ lastProof: lastProvedOn, pensionStart: person.pensionStartedOn }, { asOf: clock.today() });
    return { curp: person.curp, state: status.state, lastProvedOn, nextDeadline: status.nextDeadline };
  },
  accessLog: (person, { first }, { repository }) => repository.accessLog(person.curp, Math.min(Math.max(first ?? 50, 1), 200)),
};

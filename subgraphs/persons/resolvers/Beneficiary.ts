import type { BeneficiaryResolvers } from '../__generated__/resolvers-types.ts';
import { evaluateBeneficiary } from '../rules/index.ts';
import { isoDate } from '../../shared/dates.ts';

export const Beneficiary: BeneficiaryResolvers = {
  eligible: (beneficiary, _args, { services }) => evaluateBeneficiary(beneficiary, { asOf: isoDate(services.now()) }).eligible,
  eligibleUntil: (beneficiary, _args, { services }) =>
    evaluateBeneficiary(beneficiary, { asOf: isoDate(services.now()) }).until ?? null,
};

import type { BeneficiaryResolvers } from '../__generated__/resolvers-types.ts';
import { evaluateBeneficiary } from '../rules/index.ts';

export const Beneficiary: BeneficiaryResolvers = {
  eligible: (beneficiary, _args, { clock }) => evaluateBeneficiary(beneficiary, { asOf: clock.today() }).eligible,
  eligibleUntil: (beneficiary, _args, { clock }) => evaluateBeneficiary(beneficiary, { asOf: clock.today() }).until ?? null,
};

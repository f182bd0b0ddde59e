import type { BeneficiaryResolvers } from '../__generated__/resolvers-types.ts';
import { addDays } from '../../shared/dates.ts';
import { evaluateBeneficiary } from '../rules/index.ts';

export const Beneficiary: BeneficiaryResolvers = {
  eligible: (beneficiary, _args, { clock }) => evaluateBeneficiary(beneficiary, { asOf: clock.today() }).eligible,
  // `until` is the first day not eligible; the API speaks of last days, always inclusive.
  eligibleUntil: (beneficiary, _args, { clock }) => {
    const until = evaluateBeneficiary(beneficiary, { asOf: clock.today() }).until;
    return until ? addDays(until, -1) : null;
  },
};

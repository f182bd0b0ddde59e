import { ruleViolation } from '../../../schema/errors/client-errors.ts';
import type { IndependentWorkerEnrollmentResolvers } from '../__generated__/resolvers-types.ts';
import { withRuleErrors } from '../rule-errors.ts';
import { ptiContribution } from '../rules/contributions/index.ts';
import { contributionView } from '../views.ts';

export const IndependentWorkerEnrollment: IndependentWorkerEnrollmentResolvers = {
  coverageStart: (detail) => detail.startDate,
  /** Computed on read with the values in force in each month (a corrected table shows at once). */
  firstPeriod: async (detail, _args, { reference }) => {
    const contribution = await withRuleErrors(async () => {
      const [uma, minimumWage, rates] = await Promise.all([reference.uma(), reference.minimumWage(), reference.ptiRates()]);
      return ptiContribution({
        declaredMonthlyIncome: detail.declaredMonthlyIncomeCentavos, zone: detail.wageZone, period: detail.paymentPeriod, periodStart: detail.startDate,
      }, { uma, minimumWage, rates });
    });
    if (!contribution.ok) throw ruleViolation(contribution.issues);
    return contributionView(contribution);
  },
};

/** How stored payment facts are shown: the written reference, a payment's coverage period. */
import type { CoverageKind } from '../__generated__/resolvers-types.ts';
import type { PaymentModel } from '../mappers.ts';
import { groupPaymentReference } from '../rules/payments/index.ts';

/** The stored 28 characters in the written form: 7 groups of 4. */
export const formatStoredReference = groupPaymentReference;

const COVERAGE_KIND: Record<PaymentModel['ref']['concept'], CoverageKind | null> = {
  INDEPENDENT_WORKER_CONTRIBUTION: 'INDEPENDENT_WORKER',
  FAMILY_HEALTH_FEE: 'FAMILY_HEALTH',
  EMPLOYER_MONTHLY_CUOTAS: null,
};

export function paymentCoverage(payment: PaymentModel): { start: string; end: string; kind: CoverageKind } | null {
  const kind = COVERAGE_KIND[payment.ref.concept];
  if (kind === null || payment.coverageStart === null) return null;
  return { start: payment.coverageStart, end: payment.coverageEnd!, kind };
}

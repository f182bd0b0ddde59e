import type { PaymentResolvers } from '../__generated__/resolvers-types.ts';
import { formatStoredReference, paymentCoverage } from '../services/payment-views.ts';

/** Thin: a payment released by a payment service; its receipt is released with it by the loader. */
export const Payment: PaymentResolvers = {
  reference: (payment) => formatStoredReference(payment.ref.reference),
  concept: (payment) => payment.ref.concept,
  period: (payment) => payment.ref.period,
  coveragePeriod: (payment) => paymentCoverage(payment),
  receipt: async (payment, _args, { paymentLoaders }) => (await paymentLoaders.receiptOfRecord.load(payment.id))!,
};

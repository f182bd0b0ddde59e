import type { PaymentReferenceResolvers } from '../__generated__/resolvers-types.ts';
import { mexicoCityToday } from '../mexico-today.ts';
import { referenceStatus } from '../rules/payments/index.ts';
import { formatStoredReference } from '../services/payment-views.ts';

/** Thin: the service released the row (and its payment, when the caller may see it). */
export const PaymentReference: PaymentReferenceResolvers = {
  reference: (row) => formatStoredReference(row.reference),
  status: (row, _args, { clock }) => referenceStatus(row, row.paid, mexicoCityToday(clock)),
  enrollment: (row, _args, { loaders }) => (row.enrollmentId ? loaders.enrollmentById.load(row.enrollmentId) : null),
  payment: ({ payment, paid: _paid, ...ref }) => (payment ? { ...payment, ref } : null),
};

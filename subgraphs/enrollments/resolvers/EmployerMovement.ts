import { notFound } from '../../../schema/errors/client-errors.ts';
import type { EmployerMovementResolvers } from '../__generated__/resolvers-types.ts';
import { findBajaCause } from '../rules/movements/index.ts';

export const EmployerMovement: EmployerMovementResolvers = {
  bajaCause: (movement) => {
    if (movement.bajaCause === null) return null;
    const cause = findBajaCause(movement.bajaCause);
    return cause ? { code: cause.code, name: cause.name, label: cause.label } : { code: movement.bajaCause, name: movement.bajaCause, label: movement.bajaCause };
  },
  // Decided and audited like any enrollment read: the filing employer, the worker, staff.
  enrollment: async (movement, _args, { loaders }) => {
    const enrollment = await loaders.enrollmentById.load(movement.enrollmentId);
    if (!enrollment) throw notFound('Enrollment');
    return enrollment;
  },
  receipt: (movement, _args, { paymentLoaders }) => paymentLoaders.receiptOfRecord.load(movement.id),
};

import { notFound } from '../../../schema/errors/client-errors.ts';
import type { EmployerMovementResolvers } from '../__generated__/resolvers-types.ts';
import { findBajaCause } from '../rules/movements/index.ts';

export const EmployerMovement: EmployerMovementResolvers = {
  bajaCause: (movement) => {
    if (movement.bajaCause === null) return null;
    const cause = findBajaCause(movement.bajaCause);
    return cause ? { code: cause.code, name: cause.name, label: cause.label } : { code: movement.bajaCause, name: movement.bajaCause, label: movement.bajaCause };
  },
  enrollment: async (movement, _args, { loaders }) => (await loaders.enrollmentById.load(movement.enrollmentId)) ?? Promise.reject(notFound('Enrollment')),
};

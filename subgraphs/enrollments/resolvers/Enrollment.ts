import type { EnrollmentResolvers } from '../__generated__/resolvers-types.ts';

export const Enrollment: EnrollmentResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.enrollmentById.load(reference.id),
  person: (enrollment) => ({ curp: enrollment.curp }),
};

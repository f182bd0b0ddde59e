import type { EnrollmentResolvers } from '../__generated__/resolvers-types.ts';
import { mexicoCityToday } from '../mexico-today.ts';

export const Enrollment: EnrollmentResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.enrollmentById.load(reference.id),
  person: (enrollment) => ({ curp: enrollment.curp }),
  movements: (enrollment, _args, { loaders }) => (enrollment.kind === 'EMPLOYMENT' ? loaders.movementsByEnrollment.load(enrollment.id) : []),
  lastReportedOn: async (enrollment, _args, { loaders }) => {
    if (enrollment.kind !== 'EMPLOYMENT') return null;
    return (await loaders.movementsByEnrollment.load(enrollment.id)).map((m) => m.filedOn).sort().at(-1) ?? null;
  },
  /** The salary of the latest alta or salary change already in effect (or, before any is, the first). */
  currentDailyBaseSalaryCentavos: async (enrollment, _args, { loaders, clock }) => {
    if (enrollment.kind !== 'EMPLOYMENT') return null;
    const today = mexicoCityToday(clock);
    const salaried = (await loaders.movementsByEnrollment.load(enrollment.id))
      .filter((m) => m.dailyBaseSalaryCentavos !== null)
      .sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : a.createdAt.getTime() - b.createdAt.getTime()));
    const inEffect = salaried.filter((m) => m.effectiveDate <= today);
    return (inEffect.at(-1) ?? salaried[0])?.dailyBaseSalaryCentavos ?? null;
  },
  independentWorker: (enrollment, _args, { loaders }) =>
    (enrollment.kind === 'INDEPENDENT_WORKER' ? loaders.independentWorkerByEnrollment.load(enrollment.id) : null),
  familyHealth: (enrollment, _args, { loaders }) =>
    (enrollment.kind === 'FAMILY_HEALTH' ? loaders.familyHealthByEnrollment.load(enrollment.id) : null),
  // The acuse, read with the released enrollment (employments have theirs on the alta's movement).
  receipt: (enrollment, _args, { paymentLoaders }) => paymentLoaders.receiptOfRecord.load(enrollment.id),
};

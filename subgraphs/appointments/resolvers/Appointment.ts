import type { AppointmentResolvers } from '../__generated__/resolvers-types.ts';

export const Appointment: AppointmentResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.appointmentById.load(reference.id),
  consulate: async (appointment, _args, { loaders }) => {
    const consulate = await loaders.consulateById.load(appointment.consulateId);
    if (!consulate) throw new Error(`appointment ${appointment.id} references a missing consulate`);
    return consulate;
  },
  person: (appointment) => ({ curp: appointment.curp }),
};

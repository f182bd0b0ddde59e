import type { AppointmentResolvers } from '../__generated__/resolvers-types.ts';

export const Appointment: AppointmentResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.appointmentById.load(reference.id),
  consulate: async (appointment, _args, { loaders }) => (await loaders.consulateById.load(appointment.consulateId))!,
  person: (appointment) => ({ curp: appointment.curp }),
  service: (appointment) => appointment.service as never,
  status: (appointment) => appointment.status as never,
};

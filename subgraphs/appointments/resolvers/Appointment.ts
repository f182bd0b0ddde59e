import type { AppointmentResolvers } from '../__generated__/resolvers-types.ts';
import type { AppointmentModel } from '../mappers.ts';
import type { AppointmentsContext } from '../context.ts';
import { SERVICES } from '../reference/index.ts';
import { localClockOf, serviceMinutes, waitingMinutes } from '../rules/index.ts';

async function officeOf(appointment: AppointmentModel, { loaders }: AppointmentsContext) {
  const office = await loaders.officeById.load(appointment.officeId);
  if (!office) throw new Error(`appointment ${appointment.id} references a missing office`);
  return office;
}

export const Appointment: AppointmentResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.appointmentById.load(reference.id),
  office: (appointment, _args, ctx) => officeOf(appointment, ctx),
  consulate: (appointment, _args, ctx) => officeOf(appointment, ctx),
  person: (appointment) => ({ curp: appointment.curp }),
  serviceDetails: (appointment) => SERVICES[appointment.service],
  walkIn: (appointment) => appointment.startsAt === null,
  localStartTime: async (appointment, _args, ctx) =>
    appointment.startsAt ? localClockOf(appointment.startsAt, (await officeOf(appointment, ctx)).timeZone) : null,
  waitingMinutes: (appointment) => waitingMinutes(appointment),
  serviceMinutes: (appointment) => serviceMinutes(appointment),
};

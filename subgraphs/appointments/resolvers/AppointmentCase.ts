import type { AppointmentCaseResolvers } from '../__generated__/resolvers-types.ts';
import { procedureOfService } from '../reference/index.ts';
import { isOpenCase, localDateOf } from '../rules/index.ts';

export const AppointmentCase: AppointmentCaseResolvers = {
  procedure: (appointment) => procedureOfService(appointment.service),
  open: async (appointment, _args, { loaders, clock }) => {
    const office = await loaders.officeById.load(appointment.officeId);
    if (!office) throw new Error(`appointment ${appointment.id} references a missing office`);
    return isOpenCase(appointment, localDateOf(clock.now(), office.timeZone));
  },
};

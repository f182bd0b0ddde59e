import type { AppointmentSlotResolvers } from '../__generated__/resolvers-types.ts';

export const AppointmentSlot: AppointmentSlotResolvers = {
  id: (slot) => slot.key,
};

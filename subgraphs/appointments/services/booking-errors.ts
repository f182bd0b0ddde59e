/** The client errors of booking and queue mutations, with their stable codes. */
import { badInput } from '../../../schema/errors/client-errors.ts';
import type { ServiceCode } from '../reference/index.ts';
import type { Slot } from '../rules/index.ts';

export const slotFull = (slot: Slot) =>
  badInput('SLOT_FULL', `No seat is left in the ${slot.localDate} ${slot.localStartTime} slot at ${slot.officeId}; choose another slot`, { slotId: slot.key });

export const slotNotOffered = (slotId: string) =>
  badInput('SLOT_NOT_OFFERED', `${slotId} is not offered: the office is closed then, it is past, or it starts within the booking lead time`, { slotId });

export const alreadyActive = (service: ServiceCode) =>
  badInput('APPOINTMENT_ALREADY_ACTIVE', `The person already has an active ${service} appointment; reschedule or cancel it first`, { service });

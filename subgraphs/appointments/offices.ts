/**
 * Offices as the slot rules and the services need them: the office row with its closed dates,
 * the services it offers, and rule errors turned into client errors with the rule's own code.
 */
import { badInput, notFound } from '../../schema/errors/client-errors.ts';
import type { AppointmentsContext } from './context.ts';
import type { OfficeModel } from './mappers.ts';
import { SERVICE_CODES, type ServiceCode } from './reference/index.ts';
import { AppointmentRuleError, parseSlotKey, type SlotOffice } from './rules/index.ts';

export type SlotReadyOffice = OfficeModel & SlotOffice;

/** The office with its holidays, or NOT_FOUND (offices are public: saying so reveals nothing). */
export async function slotOffice(ctx: AppointmentsContext, officeId: string): Promise<SlotReadyOffice> {
  const office = await ctx.loaders.officeById.load(officeId);
  if (!office) throw notFound('Office');
  return { ...office, holidays: await ctx.repository.holidayDates(office.id) };
}

/** SERVICE_NOT_OFFERED unless `office` offers `service` (biometric capture: IMSS offices only). */
export async function assertOffers(ctx: AppointmentsContext, office: OfficeModel, service: ServiceCode): Promise<void> {
  const offered = await ctx.loaders.servicesByOffice.load(office.id);
  if (!offered.includes(service)) {
    throw badInput('SERVICE_NOT_OFFERED', `${office.id} does not offer ${service}; it offers ${offered.join(', ')}`, { officeId: office.id, service, offered });
  }
}

/** The office, service and start a slot id names; SLOT_ID_INVALID when it is not one `slots` returned. */
export function parseSlotId(slotId: string): { officeId: string; service: ServiceCode; startsAt: Date } {
  const parsed = parseSlotKey(slotId);
  const service = parsed && SERVICE_CODES.find((code) => code === parsed.service);
  if (!parsed || !service) {
    throw badInput('SLOT_ID_INVALID', `'${slotId}' is not a slot id; take one from slots(officeId, service, from, to)`, { slotId });
  }
  return { officeId: parsed.officeId, service, startsAt: parsed.startsAt };
}

/** Throws an AppointmentRuleError as the client error it describes (its code and details); anything else as is. */
export function rethrowRuleError(error: unknown): never {
  throw error instanceof AppointmentRuleError ? badInput(error.code, error.message, { ...error.details }) : error;
}

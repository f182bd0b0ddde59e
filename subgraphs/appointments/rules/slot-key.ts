/**
 * A slot's stable id: office, service and start instant, readable and reversible, so a booking
 * request can name a slot and the server can re-derive and check it.
 */
import { AppointmentRuleError } from './errors.ts';

const SEPARATOR = '/';

/** `${officeId}/${service}/${startsAt ISO}`, e.g. 'CON-LAX/PROOF_OF_LIFE/2026-03-09T16:00:00.000Z'. */
export function slotKey(officeId: string, service: string, startsAt: Date): string {
  for (const [field, value] of [['officeId', officeId], ['service', service]] as const) {
    if (value === '' || value.includes(SEPARATOR)) {
      throw new AppointmentRuleError('SLOT_KEY_INVALID', `${field} must be non-empty and contain no '${SEPARATOR}', got '${value}'`, { [field]: value });
    }
  }
  if (Number.isNaN(startsAt.getTime())) throw new AppointmentRuleError('SLOT_KEY_INVALID', 'startsAt is not a valid instant');
  return [officeId, service, startsAt.toISOString()].join(SEPARATOR);
}

/** The parts of a slot key, or null when `key` is not one slotKey could have produced. */
export function parseSlotKey(key: string): { officeId: string; service: string; startsAt: Date } | null {
  const parts = key.split(SEPARATOR);
  if (parts.length !== 3) return null;
  const [officeId, service, iso] = parts as [string, string, string];
  const startsAt = new Date(iso);
  if (officeId === '' || service === '' || Number.isNaN(startsAt.getTime()) || startsAt.toISOString() !== iso) return null;
  return { officeId, service, startsAt };
}

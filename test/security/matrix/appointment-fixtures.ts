/**
 * Appointments the matrix rows act on, one per actor and state, so each actor's row meets the
 * same starting point whatever the others did (like `beneficiaryOf` for the persons rows).
 * Made with the seed's helper, which also takes their seats. Times follow the real clock: the
 * matrix system runs on it.
 */
import { addDays } from '../../../subgraphs/shared/dates.ts';
import { insertAppointments, type NewAppointment } from '../../../db/seed-data/appointments.ts';
import { SERVICES, officeById, withHolidays, type ServiceCode } from '../../../subgraphs/appointments/reference/index.ts';
import { generateSlots, localDateOf, type Slot } from '../../../subgraphs/appointments/rules/index.ts';
import { syntheticCrowd, syntheticCurp } from '../../../db/seed.ts';
import type { SeededSystem } from '../../support/seeded-system.ts';
import { ACTORS, type Actor } from './types.ts';

export type AppointmentState = 'RESCHEDULE' | 'CANCEL' | 'CHECK_IN' | 'CALL' | 'SERVE' | 'NO_SHOW' | 'CHECK_IN_ELSEWHERE';

const now = new Date();
const FIVE_MINUTES = 300_000;
const floor5 = (at: number) => new Date(Math.floor(at / FIVE_MINUTES) * FIVE_MINUTES);

/** Open days from a week ahead, and the slots of a service at an office on the n-th of them. */
export function slotsOnOpenDay(officeId: string, service: ServiceCode, nthOpenDay: number): Slot[] {
  const office = withHolidays(officeById(officeId)!);
  const from = addDays(localDateOf(now, office.timeZone), 7);
  const slots = generateSlots({ office, service: { code: service, durationMinutes: SERVICES[service].durationMinutes }, from, to: addDays(from, 20), now });
  const days = [...new Set(slots.map((s) => s.localDate))];
  return slots.filter((s) => s.localDate === days[nthOpenDay]);
}

/** Two synthetic people per actor (valid CURPs, nobody in the demo data's queues). */
const PEOPLE = [...new Set(syntheticCrowd(700).slice(650).map((p, i) => syntheticCurp(p, String(i % 10))))];
export const personOf = (actor: Actor, which: 0 | 1 = 0): string => PEOPLE[ACTORS.indexOf(actor) * 2 + which]!;

export async function appointmentFixtures(system: SeededSystem): Promise<(actor: Actor, state: AppointmentState) => string> {
  const laxToday = localDateOf(now, 'America/Los_Angeles');
  const chiToday = localDateOf(now, 'America/Chicago');
  const reschedule = slotsOnOpenDay('CON-LAX', 'BENEFICIARY_UPDATE', 0);
  const cancel = slotsOnOpenDay('CON-LAX', 'COVERAGE_VALIDITY', 1);
  const rows: Array<{ actor: Actor; state: AppointmentState; row: NewAppointment }> = [];
  const booked = (slot: Slot) => ({ status: 'BOOKED' as const, startsAt: slot.startsAt, endsAt: slot.endsAt, localDate: slot.localDate });
  const today = (officeId: string, localDate: string, i: number, service: ServiceCode, extra: Partial<NewAppointment> = {}): NewAppointment => {
    const startsAt = floor5(now.getTime() + i * 15 * 60_000);
    return { officeId, service, status: 'BOOKED', startsAt, endsAt: new Date(startsAt.getTime() + SERVICES[service].durationMinutes * 60_000), localDate, curp: '', ...extra };
  };
  ACTORS.forEach((actor, i) => {
    // The insured actor's own bookings are theirs; everyone else's belong to their synthetic person.
    const holder = actor === 'INSURED' ? system.insuredCurp : personOf(actor);
    const queued = personOf(actor, 1);
    const checkedIn = { checkedInAt: floor5(now.getTime()) };
    const yesterday = floor5(now.getTime() - 86_400_000 - i * 15 * 60_000);
    rows.push(
      { actor, state: 'RESCHEDULE', row: { officeId: 'CON-LAX', curp: holder, service: 'BENEFICIARY_UPDATE', ...booked(reschedule[i]!) } },
      { actor, state: 'CANCEL', row: { officeId: 'CON-LAX', curp: holder, service: 'COVERAGE_VALIDITY', ...booked(cancel[i]!) } },
      { actor, state: 'CHECK_IN', row: { ...today('CON-LAX', laxToday, i, 'PROOF_OF_LIFE'), curp: queued } },
      { actor, state: 'CALL', row: { officeId: 'CON-LAX', curp: queued, service: 'NSS_ASSIGNMENT', status: 'CHECKED_IN', localDate: laxToday, ...checkedIn } },
      { actor, state: 'SERVE', row: { officeId: 'CON-LAX', curp: queued, service: 'GENERAL_ADVICE', status: 'CALLED', localDate: laxToday, ...checkedIn, calledAt: checkedIn.checkedInAt } },
      { actor, state: 'NO_SHOW', row: { officeId: 'CON-LAX', curp: queued, service: 'VOLUNTARY_ENROLLMENT', status: 'BOOKED', startsAt: yesterday, endsAt: new Date(yesterday.getTime() + 40 * 60_000), localDate: localDateOf(yesterday, 'America/Los_Angeles') } },
      { actor, state: 'CHECK_IN_ELSEWHERE', row: { ...today('CON-CHI', chiToday, i, 'PROOF_OF_LIFE'), curp: personOf(actor) } },
    );
  });
  const inserted = await insertAppointments(system.db.database.db, rows.map((r) => r.row));
  const ids = new Map(rows.map((r, i) => [`${r.actor}/${r.state}`, inserted[i]!.id]));
  return (actor, state) => ids.get(`${actor}/${state}`)!;
}

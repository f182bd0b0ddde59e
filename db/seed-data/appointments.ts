/**
 * Appointments demo data: the whole office catalogue (subgraphs/appointments/reference: offices,
 * their services and holidays), and today's queue — today in each office's own time zone — at
 * CON-LAX (the demo consulate staff's), with the demo insured person checked in, plus a few
 * bookings at CON-CHI and IMSS-01. The queue is seeded whatever the day, even a Sunday or a
 * holiday when the office would be closed, so the demo always has one. Synthetic people only.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { appointments, officeHolidays, officeServices, offices, slotUnits } from '../schema/appointments.ts';
import { HOLIDAYS_KNOWN_THROUGH, OFFICES, SERVICES, holidaysFor, officeById } from '../../subgraphs/appointments/reference/index.ts';
import type { ServiceCode } from '../../subgraphs/appointments/reference/index.ts';
import { localDateOf, parseClock, resolveLocalTime, seatUnits } from '../../subgraphs/appointments/rules/index.ts';

export type NewAppointment = typeof appointments.$inferInsert;

/** The people the demo queue is made of (CURPs only: persons are the persons subgraph's). */
export interface QueuePeople {
  insuredCurp: string;
  pensionerCurp: string;
  /** At least seven more. */
  others: readonly string[];
}

/** Seeds the catalogue and today's queues; call inside the seed's transaction. */
export async function seedAppointments(executor: Executor, people: QueuePeople, now: Date): Promise<void> {
  await seedOffices(executor);
  const [a, b, c, d, e, f, g] = people.others;
  if (!g) throw new Error('the appointments seed needs seven more people');
  const lax = today('CON-LAX', now);
  const chi = today('CON-CHI', now);
  const imss = today('IMSS-01', now);
  await insertAppointments(executor, [
    lax.entry(a!, 'NSS_ASSIGNMENT', '08:00', { status: 'SERVED', checkedInAt: lax.at('07:55'), calledAt: lax.at('08:02'), servedAt: lax.at('08:21') }),
    lax.entry(b!, 'COVERAGE_VALIDITY', '08:15', { status: 'NO_SHOW' }),
    lax.entry(c!, 'GENERAL_ADVICE', '08:20', { status: 'CALLED', checkedInAt: lax.at('08:14'), calledAt: lax.at('08:26') }),
    lax.entry(people.insuredCurp, 'VOLUNTARY_ENROLLMENT', '08:40', { status: 'CHECKED_IN', checkedInAt: lax.at('08:31') }),
    lax.entry(people.pensionerCurp, 'PROOF_OF_LIFE', '09:30'),
    lax.walkIn(d!, 'GENERAL_ADVICE', '08:45'),
    chi.entry(e!, 'VOLUNTARY_ENROLLMENT', '08:00'),
    chi.entry(f!, 'PROOF_OF_LIFE', '08:15'),
    imss.entry(g, 'BIOMETRIC_CAPTURE', '08:00'),
  ]);
}

/** Every office of the catalogue, with its services and its holidays through the known date. */
export async function seedOffices(executor: Executor): Promise<void> {
  await executor.insert(offices).values(OFFICES.map((office) => ({
    id: office.id, kind: office.kind, name: office.name, city: office.city, region: office.region, country: office.country,
    timeZone: office.timeZone, advisoryWindows: office.advisoryWindows, openingHours: office.openingHours,
    subdelegation: office.subdelegation ?? null, holidaysKnownThrough: HOLIDAYS_KNOWN_THROUGH,
  })));
  await executor.insert(officeServices).values(OFFICES.flatMap((office) => office.services.map((service) => ({ officeId: office.id, service }))));
  await executor.insert(officeHolidays).values(OFFICES.flatMap((office) =>
    holidaysFor(office.country).map((holiday) => ({ officeId: office.id, date: holiday.date, name: holiday.name }))));
}

/**
 * Inserts appointments and takes their seats (slot_units), so the seeded rows count against
 * each slot's capacity exactly like booked ones: the units' check constraint refuses an overfull
 * seed. Also used by tests that need appointments in a given state.
 */
export async function insertAppointments(executor: Executor, rows: readonly NewAppointment[]) {
  const inserted = await executor.insert(appointments).values([...rows]).returning();
  const seats = new Map<string, { officeId: string; unit: Date; capacity: number; booked: number }>();
  for (const row of inserted) {
    if (!row.startsAt || !row.endsAt || row.status === 'CANCELLED') continue;
    const capacity = officeById(row.officeId)?.advisoryWindows ?? 1;
    for (const unit of seatUnits({ startsAt: row.startsAt, endsAt: row.endsAt })) {
      const key = `${row.officeId}/${unit.toISOString()}`;
      const seat = seats.get(key) ?? { officeId: row.officeId, unit, capacity, booked: 0 };
      seat.booked += 1;
      seats.set(key, seat);
    }
  }
  if (seats.size > 0) {
    await executor.insert(slotUnits)
      .values([...seats.values()].map((s) => ({ officeId: s.officeId, startsAt: s.unit, capacity: s.capacity, booked: s.booked })))
      .onConflictDoUpdate({ target: [slotUnits.officeId, slotUnits.startsAt], set: { booked: sql`${slotUnits.booked} + excluded.booked` } });
  }
  return inserted;
}

/** Today at an office: instants at local wall-clock times, and queue entries built from them. */
function today(officeId: string, now: Date) {
  const office = officeById(officeId);
  if (!office) throw new Error(`no office ${officeId} in the catalogue`);
  const localDate = localDateOf(now, office.timeZone);
  const at = (clock: string): Date => {
    const instant = resolveLocalTime(localDate, parseClock(clock)!, office.timeZone);
    if (!instant) throw new Error(`${clock} does not exist on ${localDate} in ${office.timeZone}`);
    return instant;
  };
  return {
    at,
    entry: (curp: string, service: ServiceCode, clock: string, extra: Partial<NewAppointment> = {}): NewAppointment => {
      const startsAt = at(clock);
      return {
        officeId, curp, service, status: 'BOOKED', localDate, startsAt,
        endsAt: new Date(startsAt.getTime() + SERVICES[service].durationMinutes * 60_000), ...extra,
      };
    },
    walkIn: (curp: string, service: ServiceCode, clock: string): NewAppointment =>
      ({ officeId, curp, service, status: 'CHECKED_IN', localDate, checkedInAt: at(clock) }),
  };
}

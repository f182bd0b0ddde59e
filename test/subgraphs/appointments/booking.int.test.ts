/** Booking, rescheduling and cancelling: by the person, by their consulate's staff, never beyond. */
import { describe, expect } from 'vitest';
import { systemTestAt } from '../../support/fixtures.ts';
import { BOOK, CANCEL, FRIDAY_0900_LAX, RESCHEDULE, SLOTS, slotId, syntheticPeople } from './support.ts';

const it = systemTestAt(FRIDAY_0900_LAX);
// Monday 9 March 2026 at CON-LAX (PDT, UTC−7): 08:00 local = 15:00Z.
const MONDAY_0800 = '2026-03-09T15:00:00Z';
const [ana, beto, carla, dora, eli, fede] = syntheticPeople(6, 0);

describe('appointments: booking', () => {
  it('an insured person books for themself and gets the service’s document checklist with the booking', async ({ system, as }) => {
    const res = await as('INSURED').query(BOOK, { i: { slotId: slotId('CON-LAX', 'COVERAGE_VALIDITY', MONDAY_0800) } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.bookAppointment).toMatchObject({
      status: 'BOOKED', startsAt: '2026-03-09T15:00:00.000Z', localDate: '2026-03-09', localStartTime: '08:00', office: { id: 'CON-LAX' },
      serviceDetails: { durationMinutes: 15, procedure: 'COVERAGE_VALIDITY' },
    });
    expect(res.data?.bookAppointment.serviceDetails.documents.map((d: { code: string }) => d.code)).toEqual(['CURP', 'NSS', 'EMAIL', 'OFFICIAL_ID']);
    const mine = await as('INSURED').query(`{ me { appointments { id } } }`);
    expect(mine.data?.me.appointments.map((a: { id: string }) => a.id)).toContain(res.data?.bookAppointment.id);
    expect((await system.db.database.sql`select 1 from appointments.appointments where curp = ${system.insuredCurp} and service = 'COVERAGE_VALIDITY'`).length).toBe(1);
  });

  it('keeps one active appointment per person and service: a second booking is APPOINTMENT_ALREADY_ACTIVE', async ({ as }) => {
    const person = as('INSURED', { claims: { curp: ana } });
    expect((await person.query(BOOK, { i: { slotId: slotId('CON-LAX', 'GENERAL_ADVICE', MONDAY_0800) } })).errors).toBeUndefined();
    const again = await person.query(BOOK, { i: { slotId: slotId('CON-CHI', 'GENERAL_ADVICE', '2026-03-10T14:00:00Z') } });
    expect(again.errors?.[0]?.extensions?.code).toBe('APPOINTMENT_ALREADY_ACTIVE');
    // Another service is another appointment.
    expect((await person.query(BOOK, { i: { slotId: slotId('CON-LAX', 'PROOF_OF_LIFE', MONDAY_0800) } })).errors).toBeUndefined();
  });

  it('refuses a slot the office does not offer: a Sunday, within the lead time, off the grid, or a malformed id', async ({ as }) => {
    const person = as('INSURED', { claims: { curp: beto } });
    for (const startsAt of ['2026-03-08T16:00:00Z', '2026-03-06T17:30:00Z', '2026-03-09T15:05:00Z']) {
      const res = await person.query(BOOK, { i: { slotId: slotId('CON-LAX', 'GENERAL_ADVICE', startsAt) } });
      expect(res.errors?.[0]?.extensions?.code, startsAt).toBe('SLOT_NOT_OFFERED');
    }
    const malformed = await person.query(BOOK, { i: { slotId: 'CON-LAX/tomorrow' } });
    expect(malformed.errors?.[0]?.extensions?.code).toBe('SLOT_ID_INVALID');
  });

  it('counts a window as busy for a whole appointment: a 40-minute booking takes a seat from the 15-minute slots it overlaps', async ({ as }) => {
    // CON-ABQ has one window.
    const before = await as('ANONYMOUS').query(SLOTS, { o: 'CON-ABQ', s: 'PROOF_OF_LIFE', f: '2026-03-10', t: '2026-03-10' });
    expect(before.data?.slots.slice(0, 3).map((s: { available: number }) => s.available)).toEqual([1, 1, 1]);
    // Tuesday 08:00 MDT (UTC−6) = 14:00Z, 40 minutes.
    expect((await as('INSURED', { claims: { curp: carla } }).query(BOOK, { i: { slotId: slotId('CON-ABQ', 'VOLUNTARY_ENROLLMENT', '2026-03-10T14:00:00Z') } })).errors).toBeUndefined();
    const after = await as('ANONYMOUS').query(SLOTS, { o: 'CON-ABQ', s: 'PROOF_OF_LIFE', f: '2026-03-10', t: '2026-03-10' });
    expect(after.data?.slots.slice(0, 4).map((s: { localStartTime: string; available: number }) => [s.localStartTime, s.available]))
      .toEqual([['08:00', 0], ['08:15', 0], ['08:30', 0], ['08:45', 1]]);
    const clash = await as('INSURED', { claims: { curp: dora } }).query(BOOK, { i: { slotId: slotId('CON-ABQ', 'PROOF_OF_LIFE', '2026-03-10T14:30:00Z') } });
    expect(clash.errors?.[0]?.extensions?.code).toBe('SLOT_FULL');
  });

  it('consulate staff book for a person at their own consulate, and the booking is in the person’s access log', async ({ system, as }) => {
    const res = await as('CONSULATE_STAFF').query(BOOK, { i: { slotId: slotId('CON-LAX', 'NSS_ASSIGNMENT', MONDAY_0800), curp: system.pensionerCurp } });
    expect(res.errors).toBeUndefined();
    const log = await as('INSURED', { claims: { curp: system.pensionerCurp } }).query(`{ me { accessLog { action actorRole actorScope subgraph what } } }`);
    expect(log.data?.me.accessLog).toContainEqual({ action: 'WRITE', actorRole: 'CONSULATE_STAFF', actorScope: 'CON-LAX', subgraph: 'appointments', what: 'bookAppointment' });
  });

  it('consulate staff cannot book at another consulate (FORBIDDEN), nor without naming the person', async ({ as }) => {
    const elsewhere = await as('CONSULATE_STAFF').query(BOOK, { i: { slotId: slotId('CON-CHI', 'GENERAL_ADVICE', '2026-03-10T14:00:00Z'), curp: eli } });
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const nobody = await as('CONSULATE_STAFF').query(BOOK, { i: { slotId: slotId('CON-LAX', 'GENERAL_ADVICE', MONDAY_0800) } });
    expect(nobody.errors?.[0]?.extensions?.code).toBe('APPOINTMENT_CURP_REQUIRED');
  });

  it('an insured person cannot book for someone else: NOT_FOUND, as for any other person', async ({ as }) => {
    const res = await as('INSURED').query(BOOK, { i: { slotId: slotId('CON-LAX', 'GENERAL_ADVICE', MONDAY_0800), curp: eli } });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(res.data?.bookAppointment ?? null).toBeNull();
  });
});

describe('appointments: rescheduling and cancelling', () => {
  it('the person moves their booking to another slot and the old seat is free again', async ({ as }) => {
    const person = as('INSURED', { claims: { curp: fede } });
    // CON-DRT (Del Rio, CDT from 8 March) has one window: Monday 08:00 CDT = 13:00Z.
    const booked = await person.query(BOOK, { i: { slotId: slotId('CON-DRT', 'GENERAL_ADVICE', '2026-03-09T13:00:00Z') } });
    const id = booked.data?.bookAppointment.id;
    const moved = await person.query(RESCHEDULE, { i: { id, slotId: slotId('CON-DRT', 'GENERAL_ADVICE', '2026-03-09T13:20:00Z') } });
    expect(moved.data?.rescheduleAppointment).toMatchObject({ id, status: 'BOOKED', localStartTime: '08:20' });
    const slots = await as('ANONYMOUS').query(SLOTS, { o: 'CON-DRT', s: 'GENERAL_ADVICE', f: '2026-03-09', t: '2026-03-09' });
    expect(slots.data?.slots.slice(0, 2).map((s: { available: number }) => s.available)).toEqual([1, 0]);
  });

  it('a reschedule keeps office and service, and a full target slot leaves the booking where it was', async ({ system, as }) => {
    const [gil, hugo] = syntheticPeople(2, 20);
    const first = await as('INSURED', { claims: { curp: gil } }).query(BOOK, { i: { slotId: slotId('CON-BOI', 'GENERAL_ADVICE', '2026-03-09T14:00:00Z') } });
    await as('INSURED', { claims: { curp: hugo } }).query(BOOK, { i: { slotId: slotId('CON-BOI', 'GENERAL_ADVICE', '2026-03-09T14:20:00Z') } });
    const id = first.data?.bookAppointment.id;
    const full = await as('INSURED', { claims: { curp: gil } }).query(RESCHEDULE, { i: { id, slotId: slotId('CON-BOI', 'GENERAL_ADVICE', '2026-03-09T14:20:00Z') } });
    expect(full.errors?.[0]?.extensions?.code).toBe('SLOT_FULL');
    const other = await as('INSURED', { claims: { curp: gil } }).query(RESCHEDULE, { i: { id, slotId: slotId('CON-BOI', 'PROOF_OF_LIFE', '2026-03-09T14:30:00Z') } });
    expect(other.errors?.[0]?.extensions?.code).toBe('RESCHEDULE_OTHER_OFFICE_OR_SERVICE');
    const [row] = await system.db.database.sql<{ starts_at: Date }[]>`select starts_at from appointments.appointments where id = ${id}`;
    expect(new Date(row!.starts_at).toISOString()).toBe('2026-03-09T14:00:00.000Z');
  });

  it('the person cancels a booking; a second cancel is APPOINTMENT_NOT_CANCELLABLE', async ({ as }) => {
    const [ines] = syntheticPeople(1, 30);
    const person = as('INSURED', { claims: { curp: ines } });
    const booked = await person.query(BOOK, { i: { slotId: slotId('CON-OMA', 'GENERAL_ADVICE', '2026-03-09T13:00:00Z') } });
    const id = booked.data?.bookAppointment.id;
    expect((await person.query(CANCEL, { id })).data?.cancelAppointment).toEqual({ id, status: 'CANCELLED' });
    expect((await person.query(CANCEL, { id })).errors?.[0]?.extensions?.code).toBe('APPOINTMENT_NOT_CANCELLABLE');
    const slots = await as('ANONYMOUS').query(SLOTS, { o: 'CON-OMA', s: 'GENERAL_ADVICE', f: '2026-03-09', t: '2026-03-09' });
    expect(slots.data?.slots[0]).toMatchObject({ localStartTime: '08:00', available: 1 });
  });

  it('staff of the consulate cancel for the person; staff of another, or another insured person, get NOT_FOUND', async ({ as }) => {
    const [juan] = syntheticPeople(1, 40);
    const booked = await as('INSURED', { claims: { curp: juan } }).query(BOOK, { i: { slotId: slotId('CON-LAX', 'BENEFICIARY_UPDATE', '2026-03-09T15:30:00Z') } });
    const id = booked.data?.bookAppointment.id;
    for (const stranger of [as('CONSULATE_STAFF', { claims: { consulate_id: 'CON-CHI' } }), as('INSURED'), as('IMSS_OFFICER')]) {
      expect((await stranger.query(CANCEL, { id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    expect((await as('EMPLOYER').query(CANCEL, { id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await as('CONSULATE_STAFF').query(CANCEL, { id })).data?.cancelAppointment.status).toBe('CANCELLED');
  });

  it('does not tell a role that never handles appointments whether an id exists', async ({ as }) => {
    const res = await as('BANK').query(CANCEL, { id: '00000000-0000-4000-8000-000000000000' });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

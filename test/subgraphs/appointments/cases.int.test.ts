/**
 * appointmentCase: what the gateway will ask to bind a staff member's access to a person to a
 * case (an appointment of that person at the staff member's office, open today). Readable by
 * the office's staff and the person; anyone else gets null (or FORBIDDEN for roles that never
 * may), exactly as for an absent appointment. Now: Friday 2026-03-06, 09:00 PST.
 */
import { describe, expect } from 'vitest';
import { insertAppointments } from '../../../db/seed-data/appointments.ts';
import { systemTestAt } from '../../support/fixtures.ts';
import { gql } from '../../support/graphql.ts';
import type { SeededSystem } from '../../support/seeded-system.ts';
import { BOOK, CASE, FRIDAY_0900_LAX, slotId, syntheticPeople } from './support.ts';

const it = systemTestAt(FRIDAY_0900_LAX);

async function appointmentId(system: SeededSystem, curp: string, officeId: string): Promise<string> {
  const [row] = await system.db.database.sql<{ id: string }[]>`select id from appointments.appointments where curp = ${curp} and office_id = ${officeId}`;
  return row!.id;
}

describe('appointments: cases', () => {
  it('gives the consulate’s staff the case of a person checked in today: open, with its procedure', async ({ system, as }) => {
    const id = await appointmentId(system, system.insuredCurp, 'CON-LAX');
    for (const staff of [as('CONSULATE_STAFF'), as('CONSULATE_STAFF', { purpose: 'VOLUNTARY_ENROLLMENT:case' })]) {
      const res = await staff.query(CASE, { id });
      expect(res.errors).toBeUndefined();
      expect(res.data?.appointmentCase).toEqual({
        id, curp: system.insuredCurp, officeId: 'CON-LAX', service: 'VOLUNTARY_ENROLLMENT', procedure: 'VOLUNTARY_ENROLLMENT',
        status: 'CHECKED_IN', open: true, localDate: '2026-03-06',
      });
    }
  });

  it('gives the person their own case', async ({ system, as }) => {
    const id = await appointmentId(system, system.insuredCurp, 'CON-LAX');
    expect((await as('INSURED').query(CASE, { id })).data?.appointmentCase).toMatchObject({ id, open: true });
  });

  it('is open only while checked in or called today: not when booked, served, for another day, or left open yesterday', async ({ system, as }) => {
    const staff = as('CONSULATE_STAFF');
    const [called, booked, served] = await Promise.all([
      system.db.database.sql<{ id: string }[]>`select id from appointments.appointments where office_id = 'CON-LAX' and status = 'CALLED'`,
      appointmentId(system, system.pensionerCurp, 'CON-LAX'),
      system.db.database.sql<{ id: string }[]>`select id from appointments.appointments where office_id = 'CON-LAX' and status = 'SERVED'`,
    ]);
    const [curp, stale] = syntheticPeople(2, 500);
    const monday = await as('INSURED', { claims: { curp } }).query(BOOK, { i: { slotId: slotId('CON-LAX', 'GENERAL_ADVICE', '2026-03-09T15:00:00Z') } });
    const [yesterday] = await insertAppointments(system.db.database.db, [
      { officeId: 'CON-LAX', curp: stale!, service: 'GENERAL_ADVICE', status: 'CHECKED_IN', localDate: '2026-03-05', checkedInAt: new Date('2026-03-05T17:00:00Z') },
    ]);
    const openOf = async (id: string) => (await staff.query(CASE, { id })).data?.appointmentCase?.open;
    expect(await openOf(called[0]!.id)).toBe(true);
    expect(await openOf(booked)).toBe(false);
    expect(await openOf(served[0]!.id)).toBe(false);
    expect(await openOf(monday.data?.bookAppointment.id)).toBe(false);
    expect(await openOf(yesterday!.id)).toBe(false);
  });

  it('is null for another consulate’s staff, an IMSS officer or another insured person, and the attempt is in the person’s log', async ({ system, as }) => {
    const id = await appointmentId(system, system.insuredCurp, 'CON-LAX');
    for (const outsider of [
      as('CONSULATE_STAFF', { claims: { consulate_id: 'CON-CHI' }, purpose: 'VOLUNTARY_ENROLLMENT:x' }),
      as('IMSS_OFFICER', { purpose: 'VOLUNTARY_ENROLLMENT:x' }),
      as('INSURED', { claims: { curp: system.pensionerCurp } }),
    ]) {
      const res = await outsider.query(CASE, { id });
      expect(res.data).toEqual({ appointmentCase: null });
      expect(res.errors).toBeUndefined();
    }
    const log = await as('INSURED').query(`{ me { accessLog { action reason actorRole actorScope what } } }`);
    expect(log.data?.me.accessLog).toEqual(expect.arrayContaining([
      { action: 'REFUSED', reason: 'OUTSIDE_SCOPE', actorRole: 'CONSULATE_STAFF', actorScope: 'CON-CHI', what: 'AppointmentCase' },
      { action: 'REFUSED', reason: 'OUTSIDE_SCOPE', actorRole: 'IMSS_OFFICER', actorScope: '01', what: 'AppointmentCase' },
    ]));
  });

  it('looks the same for an absent or malformed id as for another office’s case', async ({ as }) => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      expect(await as('CONSULATE_STAFF').query(CASE, { id })).toMatchObject({ data: { appointmentCase: null } });
    }
  });

  it('refuses roles that never serve a window, and anonymous callers, whatever the id', async ({ system, as }) => {
    const id = await appointmentId(system, system.insuredCurp, 'CON-LAX');
    for (const role of ['EMPLOYER', 'BANK', 'ANALYST', 'ANONYMOUS'] as const) {
      const res = await as(role).query(CASE, { id });
      expect(res.data?.appointmentCase ?? null, role).toBeNull();
      expect(res.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
    }
  });

  it('binds IMSS officers by subdelegation: the officer of 01 opens a case at IMSS-01, the officer of 03 cannot see it', async ({ system, as }) => {
    const id = (await system.db.database.sql<{ id: string }[]>`select id from appointments.appointments where office_id = 'IMSS-01'`)[0]!.id;
    const officer = as('IMSS_OFFICER');
    expect((await officer.query(gql`mutation($id: ID!) { checkInAppointment(id: $id) { status } }`, { id })).data?.checkInAppointment.status).toBe('CHECKED_IN');
    expect((await officer.query(CASE, { id })).data?.appointmentCase).toMatchObject({ officeId: 'IMSS-01', procedure: 'BIOMETRIC_CAPTURE', open: true });
    expect((await as('IMSS_OFFICER', { claims: { subdelegation: '03' } }).query(CASE, { id })).data).toEqual({ appointmentCase: null });
  });

  it('decides "today" in the office’s zone: a Sydney walk-in is open on Saturday 7 March there', async ({ as }) => {
    const [curp] = syntheticPeople(1, 520);
    const staff = as('CONSULATE_STAFF', { claims: { consulate_id: 'CON-SYD' } });
    const walkIn = await staff.query(gql`mutation($i: RegisterWalkInInput!) { registerWalkIn(input: $i) { id } }`, { i: { curp, service: 'COVERAGE_VALIDITY' } });
    expect((await staff.query(CASE, { id: walkIn.data?.registerWalkIn.id })).data?.appointmentCase).toMatchObject({ localDate: '2026-03-07', open: true });
  });

  it('audits the staff member’s read of the case', async ({ system, as }) => {
    const id = await appointmentId(system, system.insuredCurp, 'CON-LAX');
    await as('CONSULATE_STAFF', { purpose: 'VOLUNTARY_ENROLLMENT:audit' }).query(CASE, { id });
    const log = await as('INSURED').query(`{ me { accessLog { action actorScope purpose what } } }`);
    expect(log.data?.me.accessLog).toContainEqual({ action: 'READ', actorScope: 'CON-LAX', purpose: 'VOLUNTARY_ENROLLMENT:audit', what: 'AppointmentCase' });
  });
});

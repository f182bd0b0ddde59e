/**
 * The queue for staff: today's appointments (office-local), check-in, call, serve, no-show,
 * walk-ins, the time each step took, and the daily summary. Staff of one office never act on
 * another's queue. The seeded day is Friday 2026-03-06 at CON-LAX (now: 09:00 PST).
 */
import { describe, expect } from 'vitest';
import { insertAppointments } from '../../../db/seed-data/appointments.ts';
import { systemTestAt, type RoleClient } from '../../support/fixtures.ts';
import { gql } from '../../support/graphql.ts';
import { BOOK, FRIDAY_0900_LAX, slotId, syntheticPeople } from './support.ts';

const it = systemTestAt(FRIDAY_0900_LAX);
const QUEUE = gql`query($o: ID!) { office(id: $o) { queue {
  id status service walkIn localDate localStartTime checkedInAt calledAt servedAt waitingMinutes serviceMinutes person { curp } } } }`;
const step = (name: string) => gql`mutation($id: ID!) { ${name}(id: $id) { id status checkedInAt calledAt servedAt waitingMinutes serviceMinutes } }`;
const WALK_IN = gql`mutation($i: RegisterWalkInInput!) { registerWalkIn(input: $i) { id status walkIn localDate checkedInAt office { id } } }`;
const SUMMARY = gql`query($o: ID!, $d: Date) { office(id: $o) { dailySummary(date: $d) {
  officeId date appointments served noShows walkIns cancelled waitingMinutesP50 waitingMinutesP90 serviceMinutesP50 waitingSamples } } }`;

type Entry = { id: string; status: string; walkIn: boolean; person: { curp: string }; [field: string]: unknown };
const queueOf = async (client: RoleClient, officeId: string): Promise<Entry[]> =>
  (await client.query(QUEUE, { o: officeId })).data?.office?.queue ?? [];

describe('appointments: the queue', () => {
  it('staff see their consulate’s queue for today, in local order, with the time each step took', async ({ system, as }) => {
    const queue = await queueOf(as('CONSULATE_STAFF'), 'CON-LAX');
    expect(queue.map((e) => [e.localStartTime, e.status, e.walkIn])).toEqual([
      ['08:00', 'SERVED', false], ['08:15', 'NO_SHOW', false], ['08:20', 'CALLED', false],
      ['08:40', 'CHECKED_IN', false], [null, 'CHECKED_IN', true], ['09:30', 'BOOKED', false],
    ]);
    expect(queue[0]).toMatchObject({ waitingMinutes: 7, serviceMinutes: 19, servedAt: '2026-03-06T16:21:00.000Z' });
    expect(queue[2]).toMatchObject({ waitingMinutes: 12, serviceMinutes: null });
    expect(queue.map((e) => e.person.curp)).toContain(system.insuredCurp);
    expect(new Set(queue.map((e) => e.localDate))).toEqual(new Set(['2026-03-06']));
  });

  it('refuses another consulate’s staff, IMSS officers and insured persons at a consulate’s queue', async ({ as }) => {
    for (const outsider of [as('CONSULATE_STAFF', { claims: { consulate_id: 'CON-CHI' } }), as('IMSS_OFFICER'), as('INSURED')]) {
      const res = await outsider.query(QUEUE, { o: 'CON-LAX' });
      expect(res.data?.office?.queue ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('IMSS officers see the queue of their own subdelegation’s office', async ({ as }) => {
    const queue = await queueOf(as('IMSS_OFFICER'), 'IMSS-01');
    expect(queue.map((e) => [e.service, e.status, e.localStartTime])).toEqual([['BIOMETRIC_CAPTURE', 'BOOKED', '08:00']]);
    const other = await as('IMSS_OFFICER', { claims: { subdelegation: '03' } }).query(QUEUE, { o: 'IMSS-01' });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('moves a checked-in person through call and served, timing each step', async ({ system, as }) => {
    const staff = as('CONSULATE_STAFF');
    const insured = (await queueOf(staff, 'CON-LAX')).find((e) => e.person.curp === system.insuredCurp)!;
    const called = await staff.query(step('callAppointment'), { id: insured.id });
    // Checked in at 08:31, called at 09:00 (now).
    expect(called.data?.callAppointment).toMatchObject({ status: 'CALLED', calledAt: '2026-03-06T17:00:00.000Z', waitingMinutes: 29 });
    const served = await staff.query(step('serveAppointment'), { id: insured.id });
    expect(served.data?.serveAppointment).toMatchObject({ status: 'SERVED', servedAt: '2026-03-06T17:00:00.000Z', serviceMinutes: 0 });
    const log = await as('INSURED').query(`{ me { accessLog { action actorScope what } } }`);
    expect(log.data?.me.accessLog).toEqual(expect.arrayContaining([
      { action: 'WRITE', actorScope: 'CON-LAX', what: 'callAppointment' },
      { action: 'WRITE', actorScope: 'CON-LAX', what: 'serveAppointment' },
      { action: 'READ', actorScope: 'CON-LAX', what: 'Office.queue' },
    ]));
  });

  it('checks in today’s booking and refuses steps out of order with QUEUE_INVALID_TRANSITION', async ({ system, as }) => {
    const staff = as('CONSULATE_STAFF');
    const pensioner = (await queueOf(staff, 'CON-LAX')).find((e) => e.person.curp === system.pensionerCurp)!;
    expect((await staff.query(step('serveAppointment'), { id: pensioner.id })).errors?.[0]?.extensions?.code).toBe('QUEUE_INVALID_TRANSITION');
    const checkedIn = await staff.query(step('checkInAppointment'), { id: pensioner.id });
    expect(checkedIn.data?.checkInAppointment).toMatchObject({ status: 'CHECKED_IN', checkedInAt: '2026-03-06T17:00:00.000Z' });
    expect((await staff.query(step('checkInAppointment'), { id: pensioner.id })).errors?.[0]?.extensions?.code).toBe('QUEUE_INVALID_TRANSITION');
  });

  it('refuses to check in a booking for another day (QUEUE_NOT_TODAY) or to mark a no-show before the grace', async ({ as }) => {
    const [curp] = syntheticPeople(1, 200);
    const person = as('INSURED', { claims: { curp } });
    const monday = await person.query(BOOK, { i: { slotId: slotId('CON-LAX', 'PROOF_OF_LIFE', '2026-03-09T15:00:00Z') } });
    const staff = as('CONSULATE_STAFF');
    expect((await staff.query(step('checkInAppointment'), { id: monday.data?.bookAppointment.id })).errors?.[0]?.extensions?.code).toBe('QUEUE_NOT_TODAY');
    expect((await staff.query(step('markAppointmentNoShow'), { id: monday.data?.bookAppointment.id })).errors?.[0]?.extensions?.code).toBe('QUEUE_NO_SHOW_BEFORE_GRACE');
  });

  it('marks a booking that was not checked in 15 minutes after its start as a no-show', async ({ as }) => {
    // At CON-CHI it is 11:00 CST: the 08:00 booking is long past its grace.
    const staff = as('CONSULATE_STAFF', { claims: { consulate_id: 'CON-CHI' } });
    const booked = (await queueOf(staff, 'CON-CHI')).find((e) => e.status === 'BOOKED' && e.localStartTime === '08:00')!;
    expect((await staff.query(step('markAppointmentNoShow'), { id: booked.id })).data?.markAppointmentNoShow.status).toBe('NO_SHOW');
  });

  it('staff of another consulate cannot move an appointment through this one’s queue: NOT_FOUND, and the attempt is logged', async ({ system, as }) => {
    const [curp] = syntheticPeople(1, 210);
    const walkIn = await as('CONSULATE_STAFF').query(WALK_IN, { i: { curp, service: 'COVERAGE_VALIDITY' } });
    const id = walkIn.data?.registerWalkIn.id;
    const res = await as('CONSULATE_STAFF', { claims: { consulate_id: 'CON-CHI' } }).query(step('callAppointment'), { id });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await as('INSURED').query(step('callAppointment'), { id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const log = await system.db.database.sql`select action, reason, actor_scope, what from audit.access_events where subject_curp = ${curp!}`;
    expect(log).toContainEqual({ action: 'REFUSED', reason: 'OUTSIDE_SCOPE', actor_scope: 'CON-CHI', what: 'callAppointment' });
    const [row] = await system.db.database.sql<{ status: string }[]>`select status from appointments.appointments where id = ${id}`;
    expect(row!.status).toBe('CHECKED_IN');
  });
});

describe('appointments: walk-ins', () => {
  it('joins a person without a booking to today’s queue at the staff member’s consulate, checked in', async ({ as }) => {
    const [curp] = syntheticPeople(1, 220);
    const res = await as('CONSULATE_STAFF').query(WALK_IN, { i: { curp, service: 'GENERAL_ADVICE' } });
    expect(res.data?.registerWalkIn).toMatchObject({
      status: 'CHECKED_IN', walkIn: true, localDate: '2026-03-06', checkedInAt: '2026-03-06T17:00:00.000Z', office: { id: 'CON-LAX' },
    });
    expect((await queueOf(as('CONSULATE_STAFF'), 'CON-LAX')).map((e) => e.id)).toContain(res.data?.registerWalkIn.id);
  });

  it('dates a walk-in by the office’s own calendar: in Sydney it is already Saturday', async ({ as }) => {
    const [curp] = syntheticPeople(1, 230);
    const res = await as('CONSULATE_STAFF', { claims: { consulate_id: 'CON-SYD' } }).query(WALK_IN, { i: { curp, service: 'PROOF_OF_LIFE' } });
    expect(res.data?.registerWalkIn).toMatchObject({ localDate: '2026-03-07', office: { id: 'CON-SYD' } });
  });

  it('refuses a walk-in for a person who already has an active appointment for the service', async ({ system, as }) => {
    const res = await as('CONSULATE_STAFF').query(WALK_IN, { i: { curp: system.pensionerCurp, service: 'PROOF_OF_LIFE' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('APPOINTMENT_ALREADY_ACTIVE');
  });

  it('refuses a walk-in at another consulate, and for a role that serves no queue', async ({ as }) => {
    const [curp] = syntheticPeople(1, 240);
    expect((await as('CONSULATE_STAFF').query(WALK_IN, { i: { curp, service: 'GENERAL_ADVICE', officeId: 'CON-CHI' } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await as('INSURED').query(WALK_IN, { i: { curp, service: 'GENERAL_ADVICE' } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('appointments: the daily summary', () => {
  it('counts a day’s outcomes and gives nearest-rank waiting times, without any person', async ({ system, as }) => {
    // CON-SEA on Thursday 5 March (PST): three booked and one walk-in served after waits of 5,
    // 10, 20 and 40 minutes and 15 minutes at the window; one no-show; one cancelled.
    const t = (hhmm: string) => new Date(`2026-03-05T${hhmm}:00-08:00`);
    const people = syntheticPeople(6, 300);
    const served = (i: number, start: string, checkIn: string, call: string, serve: string) => ({
      officeId: 'CON-SEA', curp: people[i]!, service: 'GENERAL_ADVICE' as const, status: 'SERVED' as const, localDate: '2026-03-05',
      startsAt: t(start), endsAt: new Date(t(start).getTime() + 20 * 60_000), checkedInAt: t(checkIn), calledAt: t(call), servedAt: t(serve),
    });
    await insertAppointments(system.db.database.db, [
      served(0, '08:00', '07:55', '08:00', '08:15'),
      served(1, '08:20', '08:15', '08:25', '08:40'),
      served(2, '08:40', '08:30', '08:50', '09:05'),
      { ...served(3, '08:00', '08:20', '09:00', '09:15'), startsAt: null, endsAt: null },
      { officeId: 'CON-SEA', curp: people[4]!, service: 'PROOF_OF_LIFE', status: 'NO_SHOW', localDate: '2026-03-05', startsAt: t('09:00'), endsAt: t('09:15') },
      { officeId: 'CON-SEA', curp: people[5]!, service: 'PROOF_OF_LIFE', status: 'CANCELLED', localDate: '2026-03-05', startsAt: t('09:15'), endsAt: t('09:30') },
    ]);
    const expected = {
      officeId: 'CON-SEA', date: '2026-03-05', appointments: 6, served: 4, noShows: 1, walkIns: 1, cancelled: 1,
      waitingMinutesP50: 10, waitingMinutesP90: 40, serviceMinutesP50: 15, waitingSamples: 4,
    };
    const staff = await as('CONSULATE_STAFF', { claims: { consulate_id: 'CON-SEA' } }).query(SUMMARY, { o: 'CON-SEA', d: '2026-03-05' });
    expect(staff.data?.office.dailySummary).toEqual(expected);
    const officer = await as('IMSS_OFFICER').query(SUMMARY, { o: 'CON-SEA', d: '2026-03-05' });
    expect(officer.data?.office.dailySummary).toEqual(expected);
  });

  it('defaults to today in the office’s time zone', async ({ as }) => {
    const res = await as('CONSULATE_STAFF', { claims: { consulate_id: 'CON-SYD' } }).query(SUMMARY, { o: 'CON-SYD' });
    expect(res.data?.office.dailySummary).toMatchObject({ officeId: 'CON-SYD', date: '2026-03-07' });
  });

  it('refuses another consulate’s staff and every other role', async ({ as }) => {
    for (const outsider of [as('CONSULATE_STAFF', { claims: { consulate_id: 'CON-CHI' } }), as('INSURED'), as('ANALYST'), as('ANONYMOUS')]) {
      const res = await outsider.query(SUMMARY, { o: 'CON-LAX' });
      expect(res.data?.office?.dailySummary ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

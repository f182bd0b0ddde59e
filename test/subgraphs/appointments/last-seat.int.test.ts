/**
 * The last seat of a slot, raced: twenty concurrent bookings give exactly one appointment, through
 * the gateway (the real path) and with twenty transactions open at once on the seat statement.
 */
import { sql } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { openDatabase } from '../../../db/client.ts';
import { txQueries } from '../../../subgraphs/appointments/repository.ts';
import { seatChanges } from '../../../subgraphs/appointments/rules/index.ts';
import { systemTestAt } from '../../support/fixtures.ts';
import { BOOK, FRIDAY_0900_LAX, slotId, syntheticPeople } from './support.ts';

const it = systemTestAt(FRIDAY_0900_LAX);

/** Resolves for everyone once `parties` callers have arrived. */
function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => { open = resolve; });
  return () => {
    arrived += 1;
    if (arrived === parties) open();
    return opened;
  };
}

describe('appointments: the last seat', () => {
  it('gives the last seat of a slot to exactly one of 20 concurrent bookings; the others get SLOT_FULL', async ({ system, as }) => {
    // CON-DEN has 3 windows; Monday 9 March 08:00 MDT = 14:00Z.
    const slot = slotId('CON-DEN', 'GENERAL_ADVICE', '2026-03-09T14:00:00Z');
    const people = syntheticPeople(22, 100);
    for (const curp of people.slice(0, 2)) {
      expect((await as('INSURED', { claims: { curp } }).query(BOOK, { i: { slotId: slot } })).errors).toBeUndefined();
    }
    const racers = people.slice(2);
    expect(racers).toHaveLength(20);
    const results = await Promise.all(racers.map((curp) => as('INSURED', { claims: { curp } }).query(BOOK, { i: { slotId: slot } })));

    expect(results.filter((r) => r.data?.bookAppointment?.id)).toHaveLength(1);
    expect(results.flatMap((r) => r.errors ?? []).map((e) => e.extensions?.code)).toEqual(Array(19).fill('SLOT_FULL'));
    const [row] = await system.db.database.sql<{ n: number }[]>`
      select count(*)::int as n from appointments.appointments where office_id = 'CON-DEN' and starts_at = '2026-03-09T14:00:00Z' and status = 'BOOKED'`;
    expect(row!.n).toBe(3);
    const units = await system.db.database.sql<{ booked: number; capacity: number }[]>`
      select booked, capacity from appointments.slot_units where office_id = 'CON-DEN' and starts_at >= '2026-03-09T14:00:00Z' and starts_at < '2026-03-09T14:20:00Z'`;
    expect(units).toEqual(Array(4).fill({ booked: 3, capacity: 3 }));
  });

  it('lets one of 20 transactions open at the same time take the last seat; the other 19 see it taken and roll back', async ({ system }) => {
    const units = { startsAt: new Date('2026-03-10T14:00:00Z'), endsAt: new Date('2026-03-10T14:20:00Z') };
    const changes = seatChanges({ take: units });
    // CON-ATL has 3 windows: two of each unit's seats are already taken.
    await system.db.database.sql`insert into appointments.slot_units (office_id, starts_at, capacity, booked)
      select 'CON-ATL', u, 3, 2 from generate_series('2026-03-10T14:00:00Z'::timestamptz, '2026-03-10T14:15:00Z', interval '5 minutes') u`;
    const pool = openDatabase(system.db.url, { name: 'race', max: 20 });
    try {
      const allOpen = barrier(20);
      const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => pool.db.transaction(async (tx) => {
        await tx.execute(sql`select 1`); // this transaction holds its connection
        await allOpen(); // twenty transactions are open before any asks for a seat
        const taken = await txQueries.changeSeats(tx, 'CON-ATL', 3, changes);
        if (taken < changes.length) throw new Error('SLOT_FULL');
        return taken;
      })));
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.message)).toEqual(Array(19).fill('SLOT_FULL'));
    } finally {
      await pool.close();
    }
    const rows = await system.db.database.sql<{ booked: number }[]>`
      select booked from appointments.slot_units where office_id = 'CON-ATL' and starts_at >= '2026-03-10T14:00:00Z' and starts_at < '2026-03-10T14:20:00Z'`;
    expect(rows.map((r) => r.booked)).toEqual([3, 3, 3, 3]);
  });

  it('refuses, in the database itself, a unit with more seats booked than it has', async ({ system }) => {
    await expect(system.db.database.sql`insert into appointments.slot_units (office_id, starts_at, capacity, booked) values ('CON-ABQ', '2026-03-11T14:00:00Z', 1, 2)`)
      .rejects.toThrow(/slot_units_within_capacity/);
  });
});

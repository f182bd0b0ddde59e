/**
 * The appointments subgraph's rows at scale: past queue entries (served, no-shows, some
 * cancelled) at the person's IMSS office, or at their consulate when they live abroad; a few
 * walk-ins. Slots are laid out per office so no 5-minute unit ever holds more people than the
 * office has windows: each window takes one appointment every 40 minutes (the longest service)
 * from 09:00 local, on the office's open days going back from yesterday. The seat counters
 * (slot_units) are then computed from these rows in one statement (finish), the way
 * insertAppointments counts them for the demo.
 */
import { OFFICES, SERVICES, holidaysFor, imssOfficeId, officeById, type Office } from '../../subgraphs/appointments/reference/index.ts';
import { localDateOf, resolveLocalTime } from '../../subgraphs/appointments/rules/index.ts';
import { addDays } from '../../subgraphs/shared/dates.ts';
import type { CopyTable, ScaleContext, ScalePart, ScalePerson } from './part.ts';

const APPOINTMENTS: CopyTable = {
  name: 'appointments.appointments',
  columns: ['id', 'office_id', 'curp', 'service', 'status', 'starts_at', 'ends_at', 'local_date', 'checked_in_at', 'called_at', 'served_at'],
};
const STRIDE_MINUTES = 40;
const SLOTS_PER_WINDOW = 8;
const FIRST_SLOT_MINUTES = 9 * 60;
const MINUTE = 60_000;
const IMSS = OFFICES.filter((o) => o.kind === 'IMSS_SUBDELEGATION');

/** Where the next appointment of an office goes: a day, and the position within it. */
interface Cursor {
  localDate: string;
  used: number;
  dayStart: Date;
}

export function appointmentsPart(context: ScaleContext): ScalePart {
  const cursors = new Map<string, Cursor>();
  const holidays = new Map<string, Set<string>>();
  const isOpen = (office: Office, localDate: string) => {
    const weekday = ((new Date(`${localDate}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    let closed = holidays.get(office.country);
    if (!closed) holidays.set(office.country, (closed = new Set(holidaysFor(office.country).map((h) => h.date))));
    return Boolean(office.openingHours[weekday as 1]?.length) && !closed.has(localDate);
  };
  const openDayBefore = (office: Office, localDate: string): Cursor => {
    let day = addDays(localDate, -1);
    while (!isOpen(office, day)) day = addDays(day, -1);
    const dayStart = resolveLocalTime(day, FIRST_SLOT_MINUTES, office.timeZone);
    if (!dayStart) throw new Error(`09:00 does not exist on ${day} in ${office.timeZone}`);
    return { localDate: day, used: 0, dayStart };
  };
  /**
   * Past appointments end the open day before the run's date or the office's own, whichever comes
   * first. After midnight UTC the run's date is already tomorrow in the Americas, and the day
   * before it was the office's today: its queue filled with seeded visits. East of UTC the run's
   * date keeps them before the seed's day.
   */
  const earlierToday = (office: Office) => {
    const local = localDateOf(context.now, office.timeZone);
    return local < context.today ? local : context.today;
  };
  /** The next free slot of `office`: windows side by side, then 40 minutes later, then the day before. */
  const nextSlot = (office: Office) => {
    let cursor = cursors.get(office.id) ?? openDayBefore(office, earlierToday(office));
    if (cursor.used === office.advisoryWindows * SLOTS_PER_WINDOW) cursor = openDayBefore(office, cursor.localDate);
    const step = Math.floor(cursor.used / office.advisoryWindows);
    cursor.used += 1;
    cursors.set(office.id, cursor);
    return { localDate: cursor.localDate, startsAt: new Date(cursor.dayStart.getTime() + step * STRIDE_MINUTES * MINUTE) };
  };
  const officeOf = (person: ScalePerson): Office =>
    (person.abroad ? officeById(person.abroad.consulateId) : officeById(imssOfficeId(person.clinic.subdelegation))) ?? person.random.pick(IMSS);

  return {
    name: 'appointments',
    tables: [APPOINTMENTS],
    rows(person, sink) {
      const { random } = person;
      const count = random.chance(0.28) ? (random.chance(0.15) ? 2 : 1) : 0;
      const office = count > 0 ? officeOf(person) : null;
      for (let k = 0; k < count && office; k += 1) {
        const service = random.pick(office.services);
        const { localDate, startsAt } = nextSlot(office);
        const endsAt = new Date(startsAt.getTime() + SERVICES[service].durationMinutes * MINUTE);
        const outcome = random.next();
        const id = person.newId();
        if (outcome < 0.12) {
          sink.add(APPOINTMENTS, [id, office.id, person.curp, service, 'CANCELLED', startsAt, endsAt, localDate, null, null, null]);
        } else if (outcome < 0.25) {
          sink.add(APPOINTMENTS, [id, office.id, person.curp, service, 'NO_SHOW', startsAt, endsAt, localDate, null, null, null]);
        } else if (outcome < 0.32) {
          // A walk-in: no slot, served between the booked ones.
          const arrived = new Date(startsAt.getTime() + random.int(30) * MINUTE);
          const called = new Date(arrived.getTime() + (5 + random.int(60)) * MINUTE);
          const served = new Date(called.getTime() + SERVICES[service].durationMinutes * MINUTE);
          sink.add(APPOINTMENTS, [id, office.id, person.curp, service, 'SERVED', null, null, localDate, arrived, called, served]);
        } else {
          const checkedIn = new Date(startsAt.getTime() - (2 + random.int(20)) * MINUTE);
          const called = new Date(startsAt.getTime() + random.int(15) * MINUTE);
          const served = new Date(called.getTime() + (SERVICES[service].durationMinutes - 5 + random.int(10)) * MINUTE);
          sink.add(APPOINTMENTS, [id, office.id, person.curp, service, 'SERVED', startsAt, endsAt, localDate, checkedIn, called, served]);
        }
      }
    },
    async finish(sql) {
      // The seats the loaded appointments hold (created in this transaction: created_at = now()),
      // per office and 5-minute unit, added to whatever the units already count.
      await sql`
        insert into appointments.slot_units (office_id, starts_at, capacity, booked)
        select a.office_id, unit, o.advisory_windows, count(*)::smallint
        from appointments.appointments a
        join appointments.offices o on o.id = a.office_id
        cross join lateral generate_series(a.starts_at, a.ends_at - interval '5 minutes', interval '5 minutes') as unit
        where a.created_at = now() and a.starts_at is not null and a.status <> 'CANCELLED'
        group by a.office_id, unit, o.advisory_windows
        on conflict (office_id, starts_at) do update set booked = appointments.slot_units.booked + excluded.booked`;
    },
  };
}

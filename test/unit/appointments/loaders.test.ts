/** The appointments loaders against a fake repository: office-local days, narrowing, audit, release. */
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../../schema/identity/viewer.ts';
import { ReleasedRows } from '../../../subgraphs/shared/access/index.ts';
import { clockAt, type BaseContext } from '../../../subgraphs/shared/context.ts';
import type { AuditEvent } from '../../../subgraphs/shared/audit/audit-trail.ts';
import { createAppointmentsLoaders } from '../../../subgraphs/appointments/loaders.ts';
import type { AppointmentModel, OfficeModel } from '../../../subgraphs/appointments/mappers.ts';
import type { AppointmentsRepository } from '../../../subgraphs/appointments/repository.ts';
import { officeById } from '../../../subgraphs/appointments/reference/index.ts';

const PERSON = 'GOMA800101HDFRRN05';
// 2026-03-06 17:00Z: Friday 09:00 in Los Angeles, already Saturday 04:00 in Sydney.
const NOW = new Date('2026-03-06T17:00:00Z');

const officeRow = (id: string): OfficeModel => {
  const o = officeById(id)!;
  return {
    id: o.id, kind: o.kind, name: o.name, city: o.city, region: o.region, country: o.country, timeZone: o.timeZone,
    advisoryWindows: o.advisoryWindows, openingHours: o.openingHours, subdelegation: o.subdelegation ?? null, holidaysKnownThrough: '2027-12-31',
  };
};
let serial = 0;
const row = (officeId: string, localDate: string, curp = PERSON): AppointmentModel => ({
  id: `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`, officeId, curp, service: 'GENERAL_ADVICE',
  status: 'CHECKED_IN', startsAt: null, endsAt: null, localDate, checkedInAt: NOW, calledAt: null, servedAt: null, createdAt: NOW, updatedAt: NOW,
});

function setUp(viewer: Viewer, rows: AppointmentModel[]) {
  const events: AuditEvent[] = [];
  const queueDays: Array<{ officeId: string; localDate: string }> = [];
  const repository = {
    officesById: async (ids: readonly string[]) => ids.map(officeRow),
    queues: async (days: ReadonlyArray<{ officeId: string; localDate: string }>) => {
      queueDays.push(...days);
      return rows.filter((r) => days.some((d) => d.officeId === r.officeId && d.localDate === r.localDate));
    },
    appointmentsByCurp: async (curps: readonly string[]) => rows.filter((r) => curps.includes(r.curp)),
  } as unknown as AppointmentsRepository;
  const ctx = {
    viewer, purpose: null, clock: clockAt(NOW), released: new ReleasedRows(),
    audit: { append: async (batch: readonly AuditEvent[]) => { events.push(...batch); } },
  } as unknown as BaseContext;
  return { loaders: createAppointmentsLoaders(ctx, repository), events, queueDays, released: ctx.released };
}

const staffOf = (consulateId: string): Viewer => ({ subject: 's', roles: ['CONSULATE_STAFF'], curp: null, consulateId, employerRegistrations: [], bankId: null, subdelegation: null });

describe('queueByOffice', () => {
  it('reads each office’s queue on its own local date', async () => {
    const { loaders, queueDays } = setUp(staffOf('CON-SYD'), [row('CON-SYD', '2026-03-07')]);
    const queue = await loaders.queueByOffice.load('CON-SYD');
    expect(queueDays).toEqual([{ officeId: 'CON-SYD', localDate: '2026-03-07' }]);
    expect(queue).toHaveLength(1);
  });

  it('audits each person read and releases the rows to the shield', async () => {
    const entry = row('CON-LAX', '2026-03-06');
    const { loaders, events, released } = setUp(staffOf('CON-LAX'), [entry]);
    await loaders.queueByOffice.load('CON-LAX');
    expect(events).toEqual([{ action: 'READ', subjectCurp: PERSON, what: 'Office.queue' }]);
    expect(released.has('Appointment', entry.id)).toBe(true);
  });

  it('refuses another consulate’s staff before reading anything, with an explained error', async () => {
    const { loaders, queueDays } = setUp(staffOf('CON-CHI'), [row('CON-LAX', '2026-03-06')]);
    await expect(loaders.queueByOffice.load('CON-LAX')).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(queueDays).toEqual([]);
  });
});

describe('appointmentsByCurp', () => {
  it('narrows a person’s appointments to the staff member’s consulate, silently', async () => {
    const { loaders, events } = setUp(staffOf('CON-LAX'), [row('CON-LAX', '2026-03-06'), row('CON-CHI', '2026-03-06')]);
    const rows = await loaders.appointmentsByCurp.load(PERSON);
    expect(rows.map((r) => r.officeId)).toEqual(['CON-LAX']);
    expect(events).toEqual([{ action: 'READ', subjectCurp: PERSON, what: 'Person.appointments' }]);
  });
});

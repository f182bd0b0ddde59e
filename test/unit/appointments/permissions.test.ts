/** Truth tables of the appointments policies: who may do what, and how a refusal is told. */
import { describe, expect, it } from 'vitest';
import type { Role, Viewer } from '../../../schema/identity/viewer.ts';
import type { Access, Decision } from '../../../subgraphs/shared/access/index.ts';
import type { AppointmentModel } from '../../../subgraphs/appointments/mappers.ts';
import {
  bookFor, changeAppointment, handleAppointments, isStaffOfOffice, ownOfficeOf, readAppointment, readAppointmentsOf,
  readDailySummaryOf, readQueueOf, registerWalkInAt, runQueueOf, runQueues,
} from '../../../subgraphs/appointments/permissions.ts';

const PERSON = 'GOMA800101HDFRRN05';
const OTHER = 'TECM500315MJCRRR09';

function viewer(roles: Role[], scope: Partial<Viewer> = {}): Viewer {
  return { subject: 's', roles, curp: null, consulateId: null, employerRegistrations: [], bankId: null, subdelegation: null, ...scope };
}
const as = (v: Viewer | null, purpose: string | null = null): Access => ({ viewer: v, purpose });

const ACTORS: Record<string, Access> = {
  anonymous: as(null),
  person: as(viewer(['INSURED'], { curp: PERSON })),
  otherPerson: as(viewer(['INSURED'], { curp: OTHER })),
  laxStaff: as(viewer(['CONSULATE_STAFF'], { consulateId: 'CON-LAX' })),
  chiStaff: as(viewer(['CONSULATE_STAFF'], { consulateId: 'CON-CHI' })),
  officer01: as(viewer(['IMSS_OFFICER'], { subdelegation: '01' })),
  officer03: as(viewer(['IMSS_OFFICER'], { subdelegation: '03' })),
  employer: as(viewer(['EMPLOYER'], { employerRegistrations: ['Y1234567101'] })),
  analyst: as(viewer(['ANALYST'])),
};

/** 'allow', 'silent' (null / NOT_FOUND), or the explained reason. */
const outcome = (d: Decision): string => (d.allowed ? 'allow' : d.explained ? d.reason : 'silent');
const table = (policy: (access: Access) => Decision) => Object.fromEntries(Object.entries(ACTORS).map(([name, access]) => [name, outcome(policy(access))]));

const appointment = (officeId: string): AppointmentModel => ({
  id: '00000000-0000-4000-8000-000000000001', officeId, curp: PERSON, service: 'PROOF_OF_LIFE', status: 'CHECKED_IN',
  startsAt: null, endsAt: null, localDate: '2026-03-06', checkedInAt: new Date(), calledAt: null, servedAt: null, createdAt: new Date(), updatedAt: new Date(),
});

describe('office staff scope', () => {
  it('binds consulate staff by consulate id and IMSS officers by the subdelegation their office id names', () => {
    expect(isStaffOfOffice(ACTORS.laxStaff!, 'CON-LAX')).toBe(true);
    expect(isStaffOfOffice(ACTORS.laxStaff!, 'CON-CHI')).toBe(false);
    expect(isStaffOfOffice(ACTORS.officer01!, 'IMSS-01')).toBe(true);
    expect(isStaffOfOffice(ACTORS.officer03!, 'IMSS-01')).toBe(false);
  });

  it('never lets a consulate_id claim pass for an IMSS office, nor a subdelegation for a consulate', () => {
    expect(isStaffOfOffice(as(viewer(['CONSULATE_STAFF'], { consulateId: 'IMSS-01' })), 'IMSS-01')).toBe(false);
    expect(isStaffOfOffice(ACTORS.officer01!, 'CON-LAX')).toBe(false);
  });

  it('finds a staff member’s own office in their token', () => {
    expect(ownOfficeOf(ACTORS.laxStaff!)).toBe('CON-LAX');
    expect(ownOfficeOf(ACTORS.officer01!)).toBe('IMSS-01');
    expect(ownOfficeOf(ACTORS.person!)).toBeNull();
  });
});

describe('appointment policies', () => {
  it('reads (and cases, changes) of an appointment at CON-LAX: the person and LAX staff; others silently', () => {
    expect(table((a) => readAppointment(a, appointment('CON-LAX')))).toEqual({
      anonymous: 'silent', person: 'allow', otherPerson: 'silent', laxStaff: 'allow', chiStaff: 'silent',
      officer01: 'silent', officer03: 'silent', employer: 'silent', analyst: 'silent',
    });
    expect(changeAppointment).toBe(readAppointment);
  });

  it('tells roles that never handle appointments before any row is read', () => {
    expect(table(handleAppointments)).toEqual({
      anonymous: 'NOT_SIGNED_IN', person: 'allow', otherPerson: 'allow', laxStaff: 'allow', chiStaff: 'allow',
      officer01: 'allow', officer03: 'allow', employer: 'ROLE_NOT_PERMITTED', analyst: 'ROLE_NOT_PERMITTED',
    });
  });

  it('runs an IMSS office’s queue by its subdelegation’s officers only; insured persons are told, other staff not', () => {
    expect(table(runQueues)).toMatchObject({ person: 'ROLE_NOT_PERMITTED', laxStaff: 'allow', officer01: 'allow', employer: 'ROLE_NOT_PERMITTED' });
    expect(table((a) => runQueueOf(a, appointment('IMSS-01')))).toMatchObject({ officer01: 'allow', officer03: 'silent', laxStaff: 'silent', person: 'silent' });
  });

  it('lists a person’s appointments to them and to staff (narrowed later), silently not to other insured persons', () => {
    expect(table((a) => readAppointmentsOf(a, PERSON))).toEqual({
      anonymous: 'NOT_SIGNED_IN', person: 'allow', otherPerson: 'silent', laxStaff: 'allow', chiStaff: 'allow',
      officer01: 'allow', officer03: 'allow', employer: 'ROLE_NOT_PERMITTED', analyst: 'ROLE_NOT_PERMITTED',
    });
  });
});

describe('office policies', () => {
  it('shows a queue to its own staff; other offices’ staff are told (the office is public)', () => {
    expect(table((a) => readQueueOf(a, 'CON-LAX'))).toEqual({
      anonymous: 'NOT_SIGNED_IN', person: 'ROLE_NOT_PERMITTED', otherPerson: 'ROLE_NOT_PERMITTED', laxStaff: 'allow', chiStaff: 'OUTSIDE_SCOPE',
      officer01: 'OUTSIDE_SCOPE', officer03: 'OUTSIDE_SCOPE', employer: 'ROLE_NOT_PERMITTED', analyst: 'ROLE_NOT_PERMITTED',
    });
  });

  it('shows the aggregate daily summary to the office’s staff and to every IMSS officer', () => {
    expect(table((a) => readDailySummaryOf(a, 'CON-LAX'))).toEqual({
      anonymous: 'NOT_SIGNED_IN', person: 'ROLE_NOT_PERMITTED', otherPerson: 'ROLE_NOT_PERMITTED', laxStaff: 'allow', chiStaff: 'OUTSIDE_SCOPE',
      officer01: 'allow', officer03: 'allow', employer: 'ROLE_NOT_PERMITTED', analyst: 'ROLE_NOT_PERMITTED',
    });
  });

  it('books for the person themself, or by the office’s staff for anyone; another office’s staff are told', () => {
    expect(table((a) => bookFor(a, { officeId: 'CON-LAX', curp: PERSON }))).toEqual({
      anonymous: 'NOT_SIGNED_IN', person: 'allow', otherPerson: 'silent', laxStaff: 'allow', chiStaff: 'OUTSIDE_SCOPE',
      officer01: 'OUTSIDE_SCOPE', officer03: 'OUTSIDE_SCOPE', employer: 'ROLE_NOT_PERMITTED', analyst: 'ROLE_NOT_PERMITTED',
    });
  });

  it('registers walk-ins at an office by its staff only', () => {
    expect(table((a) => registerWalkInAt(a, 'IMSS-01'))).toMatchObject({ officer01: 'allow', officer03: 'OUTSIDE_SCOPE', laxStaff: 'OUTSIDE_SCOPE', person: 'ROLE_NOT_PERMITTED' });
  });
});

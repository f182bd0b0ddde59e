/**
 * Open cases for tests: staff read a person's data only on a verified case (docs/security.md,
 * "Cases") — an appointment of that person at their office, checked in today, for the declared
 * procedure. This puts one in place straight in the database (as the office's queue would), so a
 * test can say "as consulate staff, on this person's case".
 */
import type { Database } from '../../db/client.ts';
import { procedureOfPurpose, type ProcedureCode } from '../../schema/identity/procedures.ts';
import { PROCEDURES } from '../../subgraphs/appointments/reference/procedures.ts';
import { imssOfficeId } from '../../subgraphs/appointments/reference/office-ids.ts';
import { officeById } from '../../subgraphs/appointments/reference/offices.ts';
import { localDateOf } from '../../subgraphs/appointments/rules/local-time.ts';

/** The office whose staff a dev token's scope names: its consulate, or its subdelegation's IMSS office. */
export function officeOfClaims(claims: { consulate_id?: string | null; subdelegation?: string | null }): string {
  if (claims.consulate_id) return claims.consulate_id;
  if (claims.subdelegation) return imssOfficeId(claims.subdelegation);
  throw new Error('only staff have an office');
}

/** True when `office` offers the service whose appointment is `procedure`'s case (else no case can exist there). */
export function officeOffers(office: string, procedure: ProcedureCode): boolean {
  return officeById(office)?.services.includes(PROCEDURES[procedure].service) ?? false;
}

/** An appointment of `curp` at `office`, checked in today, for `procedure`'s service; its id. */
export async function openCase(database: Database, { curp, office, procedure, now = new Date() }: { curp: string; office: string; procedure: ProcedureCode; now?: Date }): Promise<string> {
  if (!officeOffers(office, procedure)) throw new Error(`${office} does not offer ${procedure}: no case can be opened there`);
  const service = PROCEDURES[procedure].service;
  const timeZone = officeById(office)?.timeZone;
  if (!timeZone) throw new Error(`no office ${office}`);
  const today = localDateOf(now, timeZone);
  const [active] = await database.sql<{ id: string; office_id: string; local_date: string }[]>`
    select id, office_id, local_date::text from appointments.appointments
    where curp = ${curp} and service = ${service} and status in ('BOOKED', 'CHECKED_IN', 'CALLED')`;
  if (active && active.office_id === office && active.local_date === today) {
    await database.sql`update appointments.appointments set status = 'CHECKED_IN', checked_in_at = coalesce(checked_in_at, ${now.toISOString()}::timestamptz)
      where id = ${active.id} and status = 'BOOKED'`;
    return active.id;
  }
  if (active) await database.sql`update appointments.appointments set status = 'CANCELLED' where id = ${active.id}`;
  const [row] = await database.sql<{ id: string }[]>`
    insert into appointments.appointments (office_id, curp, service, status, local_date, checked_in_at)
    values (${office}, ${curp}, ${service}, 'CHECKED_IN', ${today}, ${now.toISOString()}::timestamptz) returning id`;
  return row!.id;
}

/** The procedure a declared purpose names (tests declare catalogued purposes only). */
export function procedureOf(purpose: string): ProcedureCode {
  const procedure = procedureOfPurpose(purpose);
  if (!procedure) throw new Error(`'${purpose}' does not start with a catalogued procedure`);
  return procedure;
}

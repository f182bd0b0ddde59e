/**
 * Cases (docs/security.md, "Cases"): staff read a person's data only on a verified case — an
 * appointment of that person at their own office, open today, for the declared procedure — or by
 * a declared exception, which is flagged in the audit trail and listed for review. Through the
 * gateway on the real clock, against every way a case can fail to hold.
 */
import { describe, expect } from 'vitest';
import { systemTest as it } from '../support/fixtures.ts';
import { gql } from '../support/graphql.ts';
import { openCase } from '../support/cases.ts';
import type { SeededSystem } from '../support/seeded-system.ts';

const PERSON = gql`query($c: Curp!) { person(curp: $c) { curp nss } }`;
const LOG = gql`{ me { accessLog { action reason actorRole what purpose caseId exception exceptionReason subgraph } } }`;
const PURPOSE = 'NSS_ASSISTANCE:window-2';
const REASON = 'Pensionado hospitalizado; acompañante con poder notarial';

/** Staff of CON-LAX (the dev token's consulate) querying with these headers (messages in English). */
async function asLaxStaff(system: SeededSystem, headers: Record<string, string>, curp = system.insuredCurp) {
  return system.query(PERSON, { c: curp }, { token: await system.token('CONSULATE_STAFF'), headers: { 'accept-language': 'en', ...headers } });
}

describe('cases: verified by the gateway with the appointments subgraph', () => {
  it('opens the person of an appointment checked in today at the staff member’s office, and the read names the case', async ({ system, as }) => {
    const caseId = await openCase(system.db.database, { curp: system.insuredCurp, office: 'CON-LAX', procedure: 'NSS_ASSISTANCE' });
    const res = await asLaxStaff(system, { 'x-access-purpose': PURPOSE, 'x-access-case': caseId });
    expect(res.errors).toBeUndefined();
    expect(res.data?.person).toMatchObject({ curp: system.insuredCurp });
    const log = await as('INSURED').query(LOG);
    expect(log.data?.me.accessLog).toContainEqual(expect.objectContaining({
      action: 'READ', actorRole: 'CONSULATE_STAFF', what: 'Person', purpose: PURPOSE, caseId, exception: false, exceptionReason: null, subgraph: 'persons',
    }));
  });

  it('opens that person only: the same case does not open the next person in the queue', async ({ system }) => {
    const caseId = await openCase(system.db.database, { curp: system.insuredCurp, office: 'CON-LAX', procedure: 'NSS_ASSISTANCE' });
    const res = await asLaxStaff(system, { 'x-access-purpose': PURPOSE, 'x-access-case': caseId }, system.pensionerCurp);
    expect(res.data?.person ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('CASE_REQUIRED');
  });

  it('refuses staff with a purpose and neither a case nor an exception with CASE_REQUIRED, and logs the refusal', async ({ system, as }) => {
    const res = await asLaxStaff(system, { 'x-access-purpose': 'COVERAGE_VALIDITY:window-9' });
    expect(res.errors?.[0]?.extensions?.code).toBe('CASE_REQUIRED');
    expect(res.errors?.[0]?.message).toMatch(/X-Access-Case/);
    const log = await as('INSURED').query(LOG);
    expect(log.data?.me.accessLog).toContainEqual(expect.objectContaining({ action: 'REFUSED', reason: 'CASE_REQUIRED', purpose: 'COVERAGE_VALIDITY:window-9', caseId: null }));
  });

  it('does not verify an appointment at another office (as if absent), a closed one, or one for another procedure', async ({ system }) => {
    const other = await openCase(system.db.database, { curp: system.pensionerCurp, office: 'CON-CHI', procedure: 'NSS_ASSISTANCE' });
    const elsewhere = await asLaxStaff(system, { 'x-access-purpose': PURPOSE, 'x-access-case': other }, system.pensionerCurp);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({ code: 'CASE_NOT_VERIFIED', reason: 'CASE_NOT_FOUND' });
    expect(elsewhere.errors?.[0]?.message).toBe('No appointment with this id is visible to you (X-Access-Case must name an appointment at your office)');

    const beneficiaries = await openCase(system.db.database, { curp: system.insuredCurp, office: 'CON-LAX', procedure: 'BENEFICIARY_UPDATE' });
    const otherProcedure = await asLaxStaff(system, { 'x-access-purpose': PURPOSE, 'x-access-case': beneficiaries });
    expect(otherProcedure.errors?.[0]?.extensions).toMatchObject({ code: 'CASE_NOT_VERIFIED', reason: 'CASE_OTHER_PROCEDURE' });

    await system.db.database.sql`update appointments.appointments set status = 'SERVED', called_at = now(), served_at = now() where id = ${beneficiaries}`;
    const served = await asLaxStaff(system, { 'x-access-purpose': 'BENEFICIARY_UPDATE:w1', 'x-access-case': beneficiaries });
    expect(served.errors?.[0]?.extensions).toMatchObject({ code: 'CASE_NOT_VERIFIED', reason: 'CASE_NOT_OPEN' });
    for (const res of [elsewhere, otherProcedure, served]) expect(res.data ?? null).toBeNull();
  });

  it('does not remember a refusal: a person checked in a moment later opens at once', async ({ system }) => {
    await system.db.database.sql`update appointments.appointments set status = 'CANCELLED'
      where curp = ${system.pensionerCurp} and service = 'PROOF_OF_LIFE' and status in ('BOOKED', 'CHECKED_IN', 'CALLED')`;
    const [row] = await system.db.database.sql<{ id: string }[]>`
      insert into appointments.appointments (office_id, curp, service, status, local_date, starts_at, ends_at)
      values ('CON-LAX', ${system.pensionerCurp}, 'PROOF_OF_LIFE', 'BOOKED', (now() at time zone 'America/Los_Angeles')::date, now(), now() + interval '20 minutes')
      returning id`;
    const headers = { 'x-access-purpose': 'PROOF_OF_LIFE:window-1', 'x-access-case': row!.id };
    expect((await asLaxStaff(system, headers, system.pensionerCurp)).errors?.[0]?.extensions?.reason).toBe('CASE_NOT_OPEN');
    await system.db.database.sql`update appointments.appointments set status = 'CHECKED_IN', checked_in_at = now() where id = ${row!.id}`;
    const res = await asLaxStaff(system, headers, system.pensionerCurp);
    expect(res.errors).toBeUndefined();
    expect((res.data?.person as { curp?: string } | null)?.curp).toBe(system.pensionerCurp);
  });

  it('ignores case and exception headers from roles that are not staff: they grant nothing', async ({ system }) => {
    const caseId = await openCase(system.db.database, { curp: system.pensionerCurp, office: 'CON-LAX', procedure: 'NSS_ASSISTANCE' });
    const token = await system.token('INSURED');
    for (const headers of [{ 'x-access-case': caseId }, { 'x-access-exception': REASON }] as Record<string, string>[]) {
      const res = await system.query(PERSON, { c: system.pensionerCurp }, { token, purpose: PURPOSE, headers });
      expect(res.data).toEqual({ person: null });
    }
  });
});

describe('cases: exceptions', () => {
  it('lets staff act without a case by giving a reason (UTF-8 in the header), flags it in the person’s log and lists it for review', async ({ system, as }) => {
    // Header bytes are UTF-8 on the wire; fetch takes them as a latin1 string of those bytes.
    const header = Buffer.from(REASON, 'utf8').toString('latin1');
    const res = await asLaxStaff(system, { 'x-access-purpose': PURPOSE, 'x-access-exception': header }, system.pensionerCurp);
    expect(res.errors).toBeUndefined();
    expect((res.data?.person as { curp?: string } | null)?.curp).toBe(system.pensionerCurp);

    const log = await as('INSURED', { claims: { curp: system.pensionerCurp } }).query(LOG);
    expect(log.data?.me.accessLog).toContainEqual(expect.objectContaining({ action: 'READ', what: 'Person', caseId: null, exception: true, exceptionReason: REASON }));

    const today = new Date().toISOString().slice(0, 10);
    const review = await as('IMSS_OFFICER').query(gql`query($f: Date!, $t: Date!) { accessExceptions(office: "CON-LAX", from: $f, to: $t) { subjectCurp actorRole actorScope purpose exceptionReason action what subgraph } }`, { f: today, t: today });
    expect(review.errors).toBeUndefined();
    expect(review.data?.accessExceptions).toContainEqual({
      subjectCurp: system.pensionerCurp, actorRole: 'CONSULATE_STAFF', actorScope: 'CON-LAX', purpose: PURPOSE, exceptionReason: REASON, action: 'READ', what: 'Person', subgraph: 'persons',
    });
  });

  it('shows the review to IMSS officers only, over at most a year, start before end', async ({ as }) => {
    const REVIEW = gql`query($f: Date!, $t: Date!) { accessExceptions(from: $f, to: $t) { at } }`;
    for (const role of ['INSURED', 'CONSULATE_STAFF', 'ANALYST', 'BANK', 'EMPLOYER'] as const) {
      expect((await as(role, { purpose: PURPOSE }).query(REVIEW, { f: '2026-01-01', t: '2026-01-31' })).errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
    }
    expect((await as('IMSS_OFFICER').query(REVIEW, { f: '2026-02-01', t: '2026-01-31' })).errors?.[0]?.extensions?.code).toBe('REVIEW_PERIOD_INVALID');
    expect((await as('IMSS_OFFICER').query(REVIEW, { f: '2025-01-01', t: '2026-12-31' })).errors?.[0]?.extensions).toMatchObject({ code: 'REVIEW_PERIOD_TOO_LONG', limitDays: 366 });
  });
});

describe('cases: malformed grounds are refused before anything runs', () => {
  it.for([
    ['a case and an exception together', { 'x-access-purpose': PURPOSE, 'x-access-case': 'abc', 'x-access-exception': REASON }, /not both/],
    ['a case without a purpose', { 'x-access-case': 'abc' }, /declared purpose/],
    ['an exception without a purpose', { 'x-access-exception': REASON }, /declared purpose/],
    ['a reason too short to mean anything', { 'x-access-purpose': PURPOSE, 'x-access-exception': 'porque sí' }, /10–200/],
    ['a reason with invisible characters', { 'x-access-purpose': PURPOSE, 'x-access-exception': `Visita domiciliaria\u200b autorizada` }, /10–200/],
    ['a case id that is not an id', { 'x-access-purpose': PURPOSE, 'x-access-case': '../../etc/passwd' }, /appointment id/],
  ] as const)('%s → 400', async ([, headers, message], { system }) => {
    const sent = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Buffer.from(v, 'utf8').toString('latin1')]));
    const res = await asLaxStaff(system, sent);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(message);
    expect(res.errors?.[0]?.message).not.toMatch(/Context creation failed/); // our error, not Apollo's wrapper
    expect(res.data ?? null).toBeNull();
  });

  it('refuses a purpose that names no catalogued procedure with PURPOSE_INVALID, listing the catalogue', async ({ system }) => {
    const res = await asLaxStaff(system, { 'x-access-purpose': 'CURIOSITY:window-1' });
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('PURPOSE_INVALID');
    expect(res.errors?.[0]?.message).toContain('NSS_ASSISTANCE');
  });
});

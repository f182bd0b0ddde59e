/**
 * The scale seed (db/seed-scale, `npm run db:seed -- --persons N`) on top of the demo data: valid
 * identifiers everywhere, the demo rows untouched, the statistics summary equal to a recount and
 * kept by its triggers again afterwards, seats counted exactly, PTI payment references valid and
 * paid by the rules (one payment of the reference's amount, by its expiry, opening its period), the same rows for the same seed,
 * and no second load of the same seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData, syntheticCurp, type PersonSeed } from '../../db/seed.ts';
import { DEMO } from '../../db/demo-identities.ts';
import { seedAtScale } from '../../db/seed-scale/index.ts';
import { validateCurp, validateNss, validateRfc } from '../../schema/scalars/identifiers/index.ts';
import { expectedCurpPrefix } from '../../subgraphs/persons/rules/index.ts';
import { loadBiometricMasterKeys } from '../../subgraphs/biometrics/crypto/master-keys.ts';
import type { MasterKeyRing } from '../../subgraphs/biometrics/crypto/key-ring.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { parsePaymentReference, referenceStatus } from '../../subgraphs/enrollments/rules/payments/index.ts';
import { paymentRepository } from '../../subgraphs/enrollments/payment-repository.ts';
import { enrollmentsRepository } from '../../subgraphs/enrollments/repository.ts';
import { SCALE_BANKS } from '../../db/seed-scale/payments.ts';
import { localDateOf } from '../../subgraphs/appointments/rules/index.ts';
import { officeById } from '../../subgraphs/appointments/reference/index.ts';

const NOW = new Date('2026-11-20T18:00:00Z');
const PERSONS = 3_000;

describe('scale seed', () => {
  let first: TestDatabase;
  let second: TestDatabase;
  let masterKeys: MasterKeyRing;
  /** The demo seed's persons, read before the scale seed runs. */
  let demoCurps: string[];
  /** Every index of the subgraphs' schemas before the load (the load drops and rebuilds some). */
  let indexesBefore: unknown[];
  const indexesOf = (t: TestDatabase) => t.database.sql`
    select schemaname, indexname, indexdef from pg_indexes where schemaname in ('persons', 'enrollments', 'appointments', 'biometrics') order by 1, 2`;

  beforeAll(async () => {
    masterKeys = await loadBiometricMasterKeys();
    [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    for (const t of [first, second]) {
      await seedDemoData(t.database, NOW, { biometricMasterKeys: masterKeys });
      demoCurps = (await t.database.sql<{ curp: string }[]>`select curp from persons.persons`).map((r) => r.curp);
      indexesBefore = [...(await indexesOf(t))];
      await seedAtScale(t.database, { persons: PERSONS, seed: 7, now: NOW, masterKeys, batchSize: 700 });
    }
  }, 120_000);
  afterAll(async () => {
    await first?.drop();
    await second?.drop();
  });

  it('adds the persons asked for, each with a valid CURP consistent with their name, a valid NSS and RFC', async () => {
    const rows = await first.database.sql<{ curp: string; nss: string | null; rfc: string | null; given_names: string; first_surname: string; second_surname: string | null; birth_date: string; sex: 'H' | 'M'; birth_state: string }[]>`
      select curp, nss, rfc, given_names, first_surname, second_surname, birth_date::text, sex, birth_state from persons.persons
      where not curp = any(${demoCurps})`;
    expect(rows).toHaveLength(PERSONS);
    for (const p of rows) {
      expect(validateCurp(p.curp, { asOf: '2026-11-20' }).ok, p.curp).toBe(true);
      expect(p.curp.slice(0, 16)).toBe(expectedCurpPrefix({ givenNames: p.given_names, firstSurname: p.first_surname, secondSurname: p.second_surname, birthDate: p.birth_date, sex: p.sex, birthState: p.birth_state }));
      if (p.nss) expect(validateNss(p.nss).ok, p.nss).toBe(true);
      if (p.rfc) {
        const rfc = validateRfc(p.rfc);
        expect(rfc.ok && rfc.warnings, p.rfc).toEqual([]);
      }
    }
    expect(rows.filter((p) => p.nss).length).toBeGreaterThan(PERSONS * 0.8);
    expect(rows.filter((p) => p.rfc).length).toBeGreaterThan(PERSONS * 0.3);
  });

  it('leaves the demo identities and their rows as the demo seed made them', async () => {
    const insured = syntheticCurp(DEMO.insured as PersonSeed);
    const enrollments = await first.database.sql`select kind, start_date::text from enrollments.enrollments where curp = ${insured}`;
    expect(enrollments).toEqual([{ kind: 'EMPLOYMENT', start_date: '2018-03-01' }]);
    const [demo] = await first.database.sql<{ n: number }[]>`select count(*)::int as n from persons.persons where curp = any(${demoCurps})`;
    expect(demo!.n).toBe(demoCurps.length);
    expect(demoCurps).toContain(insured);
  });

  it('gives most persons enrollments, and some appointments, consents and sealed templates', async () => {
    const [counts] = await first.database.sql<{ enrolled: number; appointed: number; consents: number; templates: number; members: number }[]>`
      select (select count(distinct curp) from enrollments.enrollments)::int as enrolled,
        (select count(distinct curp) from appointments.appointments)::int as appointed,
        (select count(*) from biometrics.consent_records)::int as consents,
        (select count(*) from biometrics.template_records where wrapped_key is not null)::int as templates,
        (select count(*) from enrollments.family_health_members)::int as members`;
    expect(counts!.enrolled).toBeGreaterThan(PERSONS * 0.6);
    expect(counts!.appointed).toBeGreaterThan(PERSONS * 0.15);
    expect(counts!.consents).toBeGreaterThan(PERSONS * 0.02);
    expect(counts!.templates).toBeGreaterThan(0);
    expect(counts!.members).toBeGreaterThan(0);
  });

  it('dates nothing after the seed\'s day, but the paid years of family health', async () => {
    const [late] = await first.database.sql<{ ends: number; movements: number; appointments: number }[]>`
      select (select count(*) from enrollments.enrollments where kind <> 'FAMILY_HEALTH' and (end_date > '2026-11-20' or start_date > '2026-11-20'))::int as ends,
        (select count(*) from enrollments.employer_movements where event_date > '2026-11-20')::int as movements,
        (select count(*) from appointments.appointments a where a.curp <> all(${demoCurps}) and a.local_date >= '2026-11-20'
          and exists (select 1 from persons.persons p where p.curp = a.curp))::int as appointments`;
    expect(late).toEqual({ ends: 0, movements: 0, appointments: 0 });
  });

  it('leaves the statistics summary equal to a recount, with its triggers counting again', async () => {
    const summary = (t: TestDatabase) => t.database.sql`
      select month::text, country, consulate_id, program, age_band, sex, enrollments, members_covered from enrollments.enrollment_statistics
      order by month, country, consulate_id, program, age_band, sex`;
    const loaded = await summary(first);
    await first.database.sql`select enrollments.rebuild_statistics()`;
    expect(await summary(first)).toEqual(loaded);
    const total = async () => (await first.database.sql<{ n: number }[]>`select sum(enrollments)::int as n from enrollments.enrollment_statistics`)[0]!.n;
    const before = await total();
    await first.database.sql`insert into enrollments.enrollments (curp, kind, modality, start_date) values (${syntheticCurp(DEMO.pensioner as PersonSeed)}, 'VOLUNTARY_CONTINUATION', '40', '2026-01-01')`;
    expect(await total()).toBe(before + 1);
  });

  it("issues the PTI enrollments' references with valid, unique check digits, one per obligation, for past periods", async () => {
    const references = await first.database.sql<{ reference: string; obligation: string; concept: string; enrollment_id: string; curp: string; period_start: string; issued_at: string; due_date: string; expires_on: string }[]>`
      with scale as (select curp from persons.persons where curp <> all(${demoCurps}))
      select r.reference, r.obligation, r.concept, r.enrollment_id, r.curp, r.period_start::text, r.issued_at, r.due_date::text, r.expires_on::text
      from enrollments.payment_references r where r.curp in (select curp from scale)`;
    const ptiEnrollments = await first.database.sql<{ n: number }[]>`
      with scale as (select curp from persons.persons where curp <> all(${demoCurps}))
      select count(*)::int as n from enrollments.enrollments e where e.kind = 'INDEPENDENT_WORKER' and e.curp in (select curp from scale)`;
    expect(ptiEnrollments[0]!.n).toBeGreaterThan(50);
    expect(references.length).toBeGreaterThan(ptiEnrollments[0]!.n);
    for (const r of references) {
      const parsed = parsePaymentReference(r.reference);
      expect(parsed.ok && parsed.compact, r.reference).toBe(r.reference);
      expect(r.concept).toBe('INDEPENDENT_WORKER_CONTRIBUTION');
      expect(r.obligation).toBe(`INDEPENDENT_WORKER_CONTRIBUTION:${r.enrollment_id}:${r.period_start.slice(0, 7)}`);
      expect(new Date(r.issued_at).getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(r.expires_on).toBe(r.due_date);
    }
    expect(new Set(references.map((r) => r.reference)).size).toBe(references.length);
    expect(new Set(references.map((r) => r.obligation)).size).toBe(references.length);
    // Every seeded PTI enrollment has its first period's reference.
    const [firstPeriods] = await first.database.sql<{ missing: number }[]>`
      with scale as (select curp from persons.persons where curp <> all(${demoCurps}))
      select count(*)::int as missing from enrollments.enrollments e where e.kind = 'INDEPENDENT_WORKER' and e.curp in (select curp from scale)
        and not exists (select 1 from enrollments.payment_references r where r.enrollment_id = e.id and r.period_start = e.start_date)`;
    expect(firstPeriods!.missing).toBe(0);
  });

  it("pays most references once, by partner banks, for the reference's amount, by its expiry, opening the period's coverage", async () => {
    const rows = await first.database.sql<{ reference_id: string; bank_id: string; amount: number; expected: number; paid_on: string; expires_on: string; paid_at: string; coverage_start: string; coverage_end: string; period_start: string; period_end: string; first_period: boolean }[]>`
      with scale as (select curp from persons.persons where curp <> all(${demoCurps}))
      select p.reference_id, p.bank_id, p.amount_centavos as amount, r.amount_centavos as expected, (p.paid_at at time zone 'America/Mexico_City')::date::text as paid_on,
        r.expires_on::text, p.paid_at, p.coverage_start::text, p.coverage_end::text, r.period_start::text, r.period_end::text,
        r.period_start = e.start_date as first_period
      from enrollments.payments p join enrollments.payment_references r on r.id = p.reference_id join enrollments.enrollments e on e.id = r.enrollment_id
      where r.curp in (select curp from scale)`;
    const [counts] = await first.database.sql<{ references: number; pending: number; overdue: number; firsts: number }[]>`
      with scale as (select curp from persons.persons where curp <> all(${demoCurps}))
      select count(*)::int as references,
        count(*) filter (where p.id is null and r.expires_on >= '2026-11-20')::int as pending,
        count(*) filter (where p.id is null and r.expires_on < '2026-11-20')::int as overdue,
        count(*) filter (where r.period_start = e.start_date)::int as firsts
      from enrollments.payment_references r join enrollments.enrollments e on e.id = r.enrollment_id left join enrollments.payments p on p.reference_id = r.id
      where r.curp in (select curp from scale)`;
    expect(rows.length).toBeGreaterThan(counts!.references * 0.8);
    expect(counts!.overdue).toBeGreaterThan(0);
    expect(counts!.pending + counts!.overdue).toBe(counts!.references - rows.length);
    expect(rows.filter((p) => p.first_period)).toHaveLength(counts!.firsts);
    expect(new Set(rows.map((p) => p.reference_id)).size).toBe(rows.length);
    expect(new Set(rows.map((p) => p.bank_id))).toEqual(new Set(SCALE_BANKS));
    for (const p of rows) {
      expect(p.amount).toBe(p.expected);
      expect(p.paid_on <= p.expires_on, `${p.paid_on} after ${p.expires_on}`).toBe(true);
      expect(new Date(p.paid_at).getTime()).toBeLessThan(NOW.getTime());
      expect([p.coverage_start, p.coverage_end]).toEqual([p.period_start, p.period_end]);
    }
  });

  it("answers a bank's lookup and the coverage read from a seeded reference, through the subgraph's repositories", async () => {
    const [seeded] = await first.database.sql<{ reference: string; curp: string; period_start: string; period_end: string; amount: number }[]>`
      with scale as (select curp from persons.persons where curp <> all(${demoCurps}))
      select r.reference, r.curp, r.period_start::text, r.period_end::text, r.amount_centavos as amount from enrollments.payment_references r
      join enrollments.payments p on p.reference_id = r.id where r.curp in (select curp from scale) order by r.id limit 1`;
    const [found] = await paymentRepository(first.database).referencesByCompact([seeded!.reference]);
    expect(found).toMatchObject({ curp: seeded!.curp, amountCentavos: seeded!.amount, paid: true, payment: { amountCentavos: seeded!.amount } });
    expect(referenceStatus(found!, found!.paid, '2026-11-20')).toBe('PAID');
    const coverage = await enrollmentsRepository(first.database).coveragePeriodsByCurp([seeded!.curp]);
    expect(coverage).toContainEqual(expect.objectContaining({ curp: seeded!.curp, kind: 'INDEPENDENT_WORKER', start: seeded!.period_start, end: seeded!.period_end }));
    const unpaid = await first.database.sql<{ reference: string }[]>`
      with scale as (select curp from persons.persons where curp <> all(${demoCurps}))
      select r.reference from enrollments.payment_references r where r.curp in (select curp from scale)
        and not exists (select 1 from enrollments.payments p where p.reference_id = r.id) and r.expires_on < '2026-11-20' limit 1`;
    const [overdue] = await paymentRepository(first.database).referencesByCompact([unpaid[0]!.reference]);
    expect(referenceStatus(overdue!, overdue!.paid, '2026-11-20')).toBe('EXPIRED');
  });

  it('leaves every index as it found it', async () => {
    expect([...(await indexesOf(first))]).toEqual(indexesBefore);
    expect(indexesBefore.length).toBeGreaterThan(20);
  });

  it('counts every seat its appointments hold, never more than the windows', async () => {
    const mismatches = await first.database.sql`
      with held as (
        select a.office_id, unit, count(*)::int as n from appointments.appointments a
        cross join lateral generate_series(a.starts_at, a.ends_at - interval '5 minutes', interval '5 minutes') as unit
        where a.starts_at is not null and a.status <> 'CANCELLED' group by a.office_id, unit)
      select * from held full join appointments.slot_units s on s.office_id = held.office_id and s.starts_at = held.unit
      where held.n is distinct from s.booked or s.booked > s.capacity`;
    expect(mismatches).toEqual([]);
  });

  it('makes the same rows from the same seed', async () => {
    // The scale rows only (the demo seed draws random ids), without the load's own timestamps.
    const rowsOf = (t: TestDatabase) => t.database.sql<{ table: string; digest: string }[]>`
      with scale as (select curp from persons.persons where not curp = any(${demoCurps}))
      select 'persons' as table, md5(string_agg(format('%s %s %s %s %s %s %s %s', curp, nss, rfc, given_names, email, phone, clinic_id, nss_assigned_at), '|' order by curp)) as digest
        from persons.persons where curp in (select curp from scale)
      union all select 'addresses', md5(string_agg(format('%s %s %s %s', curp, street, exterior_number, postal_code), '|' order by curp)) from persons.addresses where curp in (select curp from scale)
      union all select 'enrollments', md5(string_agg(format('%s %s %s %s %s %s %s', id, curp, kind, employer_registration, start_date, end_date, consulate_id), '|' order by id))
        from enrollments.enrollments where curp in (select curp from scale)
      union all select 'appointments', md5(string_agg(format('%s %s %s %s %s', id, curp, office_id, status, starts_at), '|' order by id)) from appointments.appointments where curp in (select curp from scale)
      union all select 'consents', md5(string_agg(format('%s %s %s %s', id, curp, granted_at, revoked_at), '|' order by id)) from biometrics.consent_records where curp in (select curp from scale)
      union all select 'references', md5(string_agg(format('%s %s %s %s %s', id, reference, obligation, amount_centavos, due_date), '|' order by id)) from enrollments.payment_references where curp in (select curp from scale)
      union all select 'payments', md5(string_agg(format('%s %s %s %s %s %s', p.id, p.reference_id, p.bank_id, p.amount_centavos, p.paid_at, p.receipt_folio), '|' order by p.id))
        from enrollments.payments p join enrollments.payment_references r on r.id = p.reference_id where r.curp in (select curp from scale)`;
    const [a, b] = await Promise.all([rowsOf(first), rowsOf(second)]);
    expect(a.every((r) => r.digest !== null)).toBe(true);
    expect(b).toEqual(a);
  });

  it("puts no seeded visit on an office's own today, even when the UTC date is already tomorrow", async () => {
    // 02:00 UTC on the 21st: still the 20th in Mexico City and at the consulates in the Americas.
    const lateEvening = new Date('2026-11-21T02:00:00Z');
    const late = await createTestDatabase();
    try {
      await seedDemoData(late.database, lateEvening, { biometricMasterKeys: masterKeys });
      const demo = (await late.database.sql<{ curp: string }[]>`select curp from persons.persons`).map((r) => r.curp);
      await seedAtScale(late.database, { persons: 300, seed: 9, now: lateEvening, masterKeys, batchSize: 150 });
      // The demo's own queue is today's on purpose; the scale seed's visits are past ones.
      const rows = await late.database.sql<{ office_id: string; local_date: string }[]>`
        select office_id, local_date::text from appointments.appointments where curp <> all(${demo})`;
      const onTheirToday = rows.filter((row) => row.local_date >= localDateOf(lateEvening, officeById(row.office_id)!.timeZone));
      expect(rows.length).toBeGreaterThan(0);
      expect(onTheirToday).toEqual([]);
    } finally {
      await late.drop();
    }
  });

  it('leaves nothing behind when a load fails halfway: no rows, triggers counting, indexes in place', async () => {
    const count = async () => (await first.database.sql<{ n: number }[]>`select count(*)::int as n from persons.persons`)[0]!.n;
    const before = await count();
    // A part (the hook the payment tables will use) that fails on the 150th person, in the second batch.
    const failing = () => ({ name: 'failing', tables: [], rows: (person: { index: number }) => { if (person.index === 150) throw new Error('part failed'); } });
    await expect(seedAtScale(first.database, { persons: 200, seed: 8, now: NOW, masterKeys, batchSize: 100, extraParts: [failing] })).rejects.toThrow('part failed');
    expect(await count()).toBe(before);
    expect([...(await indexesOf(first))]).toEqual(indexesBefore);
    const triggers = await first.database.sql<{ tgname: string; tgenabled: string }[]>`
      select tgname, tgenabled from pg_trigger where tgname in ('enrollments_statistics', 'family_health_members_statistics') order by 1`;
    expect(triggers).toEqual([{ tgname: 'enrollments_statistics', tgenabled: 'O' }, { tgname: 'family_health_members_statistics', tgenabled: 'O' }]);
  });

  it('refuses to load the same seed twice', async () => {
    await expect(seedAtScale(first.database, { persons: 10, seed: 7, now: NOW, masterKeys })).rejects.toThrow(/already holds the scale persons of seed 7/);
  });
});

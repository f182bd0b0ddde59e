/**
 * Employers' IDSE movements through the gateway on PostgreSQL: refused until the employer's
 * identity is verified (the biometrics assertion), salary bounds on the movement's date across
 * the 1 January and 1 February changes, the 5-business-day deadline (rest days, year end), late
 * bajas, one open employment per worker and registration under concurrency, and the insured
 * person's view of what each employer reported.
 */
import { describe, expect } from 'vitest';
import { gql } from '../../support/graphql.ts';
import { identityAssertion, testCurp, type AssertionOptions } from '../../support/enrollments.ts';
import { enrollmentsTest as it } from './support.ts';
import type { Clock } from './support.ts';
import type { As } from '../../support/fixtures.ts';
import type { SeededSystem } from '../../support/seeded-system.ts';

const FIELDS = 'id kind idseCode employerRegistration curp eventDate filedOn deadline effectiveDate late dailyBaseSalaryCentavos wageZone identityMethod bajaCause { code label } enrollment { id modality startDate endDate }';
const ALTA = gql`mutation($i: FileAltaInput!) { fileAlta(input: $i) { ${FIELDS} } }`;
const BAJA = gql`mutation($i: FileBajaInput!) { fileBaja(input: $i) { ${FIELDS} } }`;
const CHANGE = gql`mutation($i: FileSalaryChangeInput!) { fileSalaryChange(input: $i) { ${FIELDS} } }`;
const REGISTRATION = 'Y1234567101';
const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;

let next = 100;
const worker = () => testCurp(next++);
const assertion = (system: SeededSystem, clock: Clock, options: AssertionOptions = {}) => identityAssertion(system, { now: clock.now, ...options });

describe('enrollments: employer identity', () => {
  it('files an alta with a valid assertion: deadline after the rest day of 16 March, effective on the first day of work', async ({ system, clock, as }) => {
    clock.set('2026-03-10');
    const curp = worker();
    const res = await as('EMPLOYER').query(ALTA, { i: {
      employerRegistration: 'y12-34567-10-1', curp, startDate: '2026-03-10', dailyBaseSalaryCentavos: 50_000, wageZone: 'GENERAL', identityAssertion: await assertion(system, clock),
    } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.fileAlta).toMatchObject({
      kind: 'ALTA', idseCode: '08', employerRegistration: REGISTRATION, curp, eventDate: '2026-03-10', filedOn: '2026-03-10',
      deadline: '2026-03-18', effectiveDate: '2026-03-10', late: false, identityMethod: 'EFIRMA', enrollment: { modality: '10', startDate: '2026-03-10', endDate: null },
    });
  });

  const refusals: Array<[string, AssertionOptions | 'garbage']> = [
    ['no assertion at all (garbage)', 'garbage'],
    ['an assertion signed by another subgraph', { signedAs: 'persons' }],
    ['an expired assertion', { expiresInSeconds: -60 }],
    ['an assertion without expiry', { noExpiry: true }],
    ["another employer's assertion", { subject: 'someone-else' }],
    ['an assertion that does not cover the registration', { registrations: ['B9876543101'] }],
    ['an assertion without a method', { method: 'PASSWORD' }],
  ];
  for (const [name, options] of refusals) {
    it(`refuses ${name} with EMPLOYER_IDENTITY_NOT_VERIFIED and writes nothing`, async ({ system, clock, as }) => {
      clock.set('2026-03-10');
      const curp = worker();
      const jws = options === 'garbage' ? 'not-a-jws' : await assertion(system, clock, options);
      const res = await as('EMPLOYER').query(ALTA, { i: { employerRegistration: REGISTRATION, curp, startDate: '2026-03-10', dailyBaseSalaryCentavos: 50_000, wageZone: 'GENERAL', identityAssertion: jws } });
      expect(codeOf(res)).toBe('EMPLOYER_IDENTITY_NOT_VERIFIED');
      expect(await system.db.database.sql`select 1 from enrollments.enrollments where curp = ${curp}`).toHaveLength(0);
    });
  }

  it("answers NOT_FOUND for another employer's registration, FORBIDDEN for other roles", async ({ system, clock, as }) => {
    clock.set('2026-03-10');
    const input = { employerRegistration: 'B9876543101', curp: worker(), startDate: '2026-03-10', dailyBaseSalaryCentavos: 50_000, wageZone: 'GENERAL', identityAssertion: await assertion(system, clock, { registrations: ['B9876543101'] }) };
    expect(codeOf(await as('EMPLOYER').query(ALTA, { i: input }))).toBe('NOT_FOUND');
    expect(codeOf(await as('INSURED').query(ALTA, { i: { ...input, employerRegistration: REGISTRATION } }))).toBe('FORBIDDEN');
    expect(codeOf(await as('IMSS_OFFICER', { purpose: 'GENERAL_ADVICE:x' }).query(ALTA, { i: { ...input, employerRegistration: REGISTRATION } }))).toBe('FORBIDDEN');
  });
});

describe('enrollments: salary bounds on the movement date', () => {
  const alta = async (system: SeededSystem, clock: Clock, as: As, startDate: string, salary: number, wageZone = 'GENERAL') =>
    as('EMPLOYER').query(ALTA, { i: { employerRegistration: REGISTRATION, curp: worker(), startDate, dailyBaseSalaryCentavos: salary, wageZone, identityAssertion: await assertion(system, clock) } });

  it('uses the minimum wage of 2025 on 31 December and that of 2026 on 1 January', async ({ system, clock, as }) => {
    clock.set('2026-01-05');
    const ok = await alta(system, clock, as, '2025-12-31', 27_880);
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.fileAlta).toMatchObject({ late: false, deadline: '2026-01-08' }); // 1 January is a rest day
    expect(codeOf(await alta(system, clock, as, '2025-12-31', 27_879))).toBe('SALARY_BELOW_MINIMUM_WAGE');
    const refused = await alta(system, clock, as, '2026-01-01', 27_880);
    expect(codeOf(refused)).toBe('SALARY_BELOW_MINIMUM_WAGE');
    expect(refused.errors?.[0]?.message).toContain('$315.04');
  });

  it('uses 25 UMA of 2025 until 31 January and of 2026 from 1 February', async ({ system, clock, as }) => {
    clock.set('2026-02-03');
    expect((await alta(system, clock, as, '2026-01-31', 282_850)).errors).toBeUndefined();
    const above = await alta(system, clock, as, '2026-01-31', 282_851);
    expect(codeOf(above)).toBe('SALARY_ABOVE_CEILING');
    expect(above.errors?.[0]?.message).toContain('$2,828.50');
    expect((await alta(system, clock, as, '2026-02-01', 293_275)).errors).toBeUndefined();
    expect(codeOf(await alta(system, clock, as, '2026-02-01', 293_276))).toBe('SALARY_ABOVE_CEILING');
  });

  it("uses the northern border zone's minimum wage", async ({ system, clock, as }) => {
    clock.set('2026-03-10');
    expect(codeOf(await alta(system, clock, as, '2026-03-10', 44_086, 'NORTHERN_BORDER'))).toBe('SALARY_BELOW_MINIMUM_WAGE');
    expect((await alta(system, clock, as, '2026-03-10', 44_087, 'NORTHERN_BORDER')).errors).toBeUndefined();
  });
});

describe('enrollments: deadlines and late movements', () => {
  it('flags an alta filed after its 5 business days as late, and refuses one filed too early', async ({ system, clock, as }) => {
    clock.set('2026-03-10');
    const jws = await assertion(system, clock);
    const late = await as('EMPLOYER').query(ALTA, { i: { employerRegistration: REGISTRATION, curp: worker(), startDate: '2026-03-02', dailyBaseSalaryCentavos: 50_000, wageZone: 'GENERAL', identityAssertion: jws } });
    expect(late.data?.fileAlta).toMatchObject({ deadline: '2026-03-09', late: true, effectiveDate: '2026-03-02' });
    const early = await as('EMPLOYER').query(ALTA, { i: { employerRegistration: REGISTRATION, curp: worker(), startDate: '2026-03-13', dailyBaseSalaryCentavos: 50_000, wageZone: 'GENERAL', identityAssertion: jws } });
    expect(codeOf(early)).toBe('MOVEMENT_TOO_EARLY');
  });

  it('a late baja takes effect the day after it is received; an on-time one on the termination date', async ({ system, clock, as }) => {
    clock.set('2026-03-10');
    const jws = await assertion(system, clock);
    const [lateWorker, onTimeWorker] = [worker(), worker()];
    for (const curp of [lateWorker, onTimeWorker]) {
      await as('EMPLOYER').query(ALTA, { i: { employerRegistration: REGISTRATION, curp, startDate: '2026-03-09', dailyBaseSalaryCentavos: 50_000, wageZone: 'GENERAL', identityAssertion: jws } });
    }
    // Backdate the first alta so that the baja below can be late.
    await system.db.database.sql`update enrollments.enrollments set start_date = '2026-01-05' where curp = ${lateWorker}`;
    const late = await as('EMPLOYER').query(BAJA, { i: { employerRegistration: REGISTRATION, curp: lateWorker, terminationDate: '2026-02-20', cause: '2', identityAssertion: jws } });
    expect(late.errors).toBeUndefined();
    expect(late.data?.fileBaja).toMatchObject({ kind: 'BAJA', idseCode: '02', deadline: '2026-02-27', late: true, effectiveDate: '2026-03-11', bajaCause: { code: '2' }, enrollment: { endDate: '2026-03-11' } });
    const onTime = await as('EMPLOYER').query(BAJA, { i: { employerRegistration: REGISTRATION, curp: onTimeWorker, terminationDate: '2026-03-09', cause: '1', identityAssertion: jws } });
    expect(onTime.data?.fileBaja).toMatchObject({ late: false, effectiveDate: '2026-03-09', enrollment: { endDate: '2026-03-09' } });
  });

  it('counts a baja deadline across the year end and New Year\'s Day', async ({ system, clock, as }) => {
    clock.set('2025-12-22');
    const curp = worker();
    await as('EMPLOYER').query(ALTA, { i: { employerRegistration: REGISTRATION, curp, startDate: '2025-12-22', dailyBaseSalaryCentavos: 50_000, wageZone: 'GENERAL', identityAssertion: await assertion(system, clock) } });
    clock.set('2026-01-05');
    const res = await as('EMPLOYER').query(BAJA, { i: { employerRegistration: REGISTRATION, curp, terminationDate: '2025-12-29', cause: '1', identityAssertion: await assertion(system, clock) } });
    expect(res.data?.fileBaja).toMatchObject({ deadline: '2026-01-06', late: false, effectiveDate: '2025-12-29' });
  });

  it('refuses a baja without a known cause, or without an open employment', async ({ system, clock, as }) => {
    clock.set('2026-03-10');
    const jws = await assertion(system, clock);
    const curp = worker();
    expect(codeOf(await as('EMPLOYER').query(BAJA, { i: { employerRegistration: REGISTRATION, curp, terminationDate: '2026-03-09', cause: '1', identityAssertion: jws } }))).toBe('EMPLOYMENT_NOT_OPEN');
    await as('EMPLOYER').query(ALTA, { i: { employerRegistration: REGISTRATION, curp, startDate: '2026-03-09', dailyBaseSalaryCentavos: 50_000, wageZone: 'GENERAL', identityAssertion: jws } });
    expect(codeOf(await as('EMPLOYER').query(BAJA, { i: { employerRegistration: REGISTRATION, curp, terminationDate: '2026-03-09', cause: 'Z', identityAssertion: jws } }))).toBe('BAJA_CAUSE_UNKNOWN');
    expect(codeOf(await as('EMPLOYER').query(BAJA, { i: { employerRegistration: REGISTRATION, curp, terminationDate: '2026-03-09', cause: ' ', identityAssertion: jws } }))).toBe('BAJA_CAUSE_REQUIRED');
  });

  it('files a salary change of an open employment, checked against the bounds in force', async ({ system, clock, as }) => {
    clock.set('2026-03-10');
    const jws = await assertion(system, clock);
    const curp = worker();
    expect(codeOf(await as('EMPLOYER').query(CHANGE, { i: { employerRegistration: REGISTRATION, curp, changeDate: '2026-03-09', dailyBaseSalaryCentavos: 60_000, wageZone: 'GENERAL', identityAssertion: jws } }))).toBe('EMPLOYMENT_NOT_OPEN');
    await as('EMPLOYER').query(ALTA, { i: { employerRegistration: REGISTRATION, curp, startDate: '2026-03-09', dailyBaseSalaryCentavos: 50_000, wageZone: 'GENERAL', identityAssertion: jws } });
    const change = await as('EMPLOYER').query(CHANGE, { i: { employerRegistration: REGISTRATION, curp, changeDate: '2026-03-10', dailyBaseSalaryCentavos: 60_000, wageZone: 'GENERAL', identityAssertion: jws } });
    expect(change.data?.fileSalaryChange).toMatchObject({ kind: 'SALARY_CHANGE', idseCode: '07', dailyBaseSalaryCentavos: 60_000, late: false, deadline: '2026-03-18' });
    expect(codeOf(await as('EMPLOYER').query(CHANGE, { i: { employerRegistration: REGISTRATION, curp, changeDate: '2026-03-10', dailyBaseSalaryCentavos: 30_000, wageZone: 'GENERAL', identityAssertion: jws } }))).toBe('SALARY_BELOW_MINIMUM_WAGE');
  });
});

describe('enrollments: one open employment per worker and registration', () => {
  it('refuses a second alta while the first is open, and a reingreso that overlaps the previous employment', async ({ system, clock, as }) => {
    clock.set('2026-03-10');
    const jws = await assertion(system, clock);
    const curp = worker();
    const alta = (startDate: string) => as('EMPLOYER').query(ALTA, { i: { employerRegistration: REGISTRATION, curp, startDate, dailyBaseSalaryCentavos: 50_000, wageZone: 'GENERAL', identityAssertion: jws } });
    expect((await alta('2026-03-09')).errors).toBeUndefined();
    expect(codeOf(await alta('2026-03-10'))).toBe('EMPLOYMENT_ALREADY_OPEN');
    await as('EMPLOYER').query(BAJA, { i: { employerRegistration: REGISTRATION, curp, terminationDate: '2026-03-10', cause: '2', identityAssertion: jws } });
    expect(codeOf(await alta('2026-03-10'))).toBe('EMPLOYMENT_OVERLAPS_PREVIOUS');
    clock.set('2026-03-11');
    const reingreso = await as('EMPLOYER').query(ALTA, { i: { employerRegistration: REGISTRATION, curp, startDate: '2026-03-11', dailyBaseSalaryCentavos: 50_000, wageZone: 'GENERAL', identityAssertion: await assertion(system, clock) } });
    expect(reingreso.errors).toBeUndefined();
  });

  it('lets ten concurrent altas for one worker and registration open exactly one employment', async ({ system, clock, as }) => {
    clock.set('2026-03-10');
    const jws = await assertion(system, clock);
    const curp = worker();
    const results = await Promise.all(Array.from({ length: 10 }, () =>
      as('EMPLOYER').query(ALTA, { i: { employerRegistration: REGISTRATION, curp, startDate: '2026-03-10', dailyBaseSalaryCentavos: 50_000, wageZone: 'GENERAL', identityAssertion: jws } })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(codeOf)).toEqual(Array(9).fill('EMPLOYMENT_ALREADY_OPEN'));
    expect(await system.db.database.sql`select id from enrollments.enrollments where curp = ${curp} and employer_registration = ${REGISTRATION} and end_date is null`).toHaveLength(1);
    expect(await system.db.database.sql`select id from enrollments.employer_movements where curp = ${curp}`).toHaveLength(1);
  });
});

describe("enrollments: the insured person's employment history", () => {
  it('shows each employer\'s movements, the last report and the current salary to the insured person', async ({ system, clock, as }) => {
    clock.set('2026-03-10');
    await as('EMPLOYER').query(CHANGE, { i: { employerRegistration: REGISTRATION, curp: system.insuredCurp, changeDate: '2026-03-06', dailyBaseSalaryCentavos: 80_000, wageZone: 'GENERAL', identityAssertion: await assertion(system, clock) } });
    const res = await as('INSURED').query(gql`{ me { enrollments { employerRegistration lastReportedOn currentDailyBaseSalaryCentavos movements { kind filedOn effectiveDate late dailyBaseSalaryCentavos } } } }`);
    expect(res.errors).toBeUndefined();
    const employment = res.data?.me.enrollments.find((e: { employerRegistration: string | null }) => e.employerRegistration === REGISTRATION);
    expect(employment).toEqual({
      employerRegistration: REGISTRATION, lastReportedOn: '2026-03-10', currentDailyBaseSalaryCentavos: 80_000,
      movements: [
        { kind: 'ALTA', filedOn: '2018-02-28', effectiveDate: '2018-03-01', late: false, dailyBaseSalaryCentavos: 62_500 },
        { kind: 'SALARY_CHANGE', filedOn: '2026-03-10', effectiveDate: '2026-03-06', late: false, dailyBaseSalaryCentavos: 80_000 },
      ],
    });
  });

  it("an employer sees its own workers' movements, audited; another employer sees none of them", async ({ system, as }) => {
    const own = await as('EMPLOYER').query(gql`{ employerEnrollments { person { curp } movements { kind } } }`);
    expect(own.data?.employerEnrollments.length).toBeGreaterThan(0);
    expect(own.data?.employerEnrollments.some((e: { movements: unknown[] }) => e.movements.length > 0)).toBe(true);
    const [audited] = await system.db.database.sql<{ n: number }[]>`select count(*)::int as n from audit.access_events where what = 'Enrollment.movements' and actor_role = 'EMPLOYER'`;
    expect(audited!.n).toBeGreaterThan(0);
    const other = await as('EMPLOYER', { claims: { employer_registrations: ['B9876543101'] } })
      .query(gql`{ employerEnrollments { employerRegistration person { curp } movements { employerRegistration curp } } }`);
    const rows = other.data?.employerEnrollments as Array<{ employerRegistration: string; person: { curp: string }; movements: Array<{ employerRegistration: string; curp: string }> }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((e) => e.employerRegistration === 'B9876543101' && e.movements.every((m) => m.employerRegistration === 'B9876543101'))).toBe(true);
    expect(rows.some((e) => e.person.curp === system.insuredCurp)).toBe(false);
  });
});

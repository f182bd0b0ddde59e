/**
 * Seed data of the enrollments subgraph (called from db/seed.ts inside its transaction):
 * - the dated reference tables, from the rules' seed tables (rules/reference, family-health):
 *   the rules take these rows as input, so the database holds the values, not the code;
 * - the demo enrollments: the demo insured person's employment under the demo employer since
 *   2018-03-01 (with its alta), the pensioner's voluntary continuation, the crowd's employments
 *   (some with a baja 20 days ago) and PTI enrollments;
 * - migrants enrolled at consulate windows (PTI, some with family health insurance), so that
 *   analysts' statistics have cells of 10 or more. Synthetic CURPs only; these enrollees have no
 *   person record in the demo (enrollments keeps only the CURP reference anyway);
 * - payments (seed-data/payments.ts): the PTI enrollments' paid periods, and pending references
 *   for a bank to look up and pay.
 */
import { randomUUID } from 'node:crypto';
import { curpBirthDate, curpCheckDigit } from '../../schema/scalars/identifiers/curp.ts';
import { expectedCurpPrefix } from '../../subgraphs/persons/rules/curp-prefix.ts';
import { addDays, addMonths, dateIn, INSTITUTION_TIME_ZONE } from '../../subgraphs/shared/dates.ts';
import { DEMO } from '../demo-identities.ts';
import { seedPayments } from './payments.ts';
import { createBusinessCalendar } from '../../subgraphs/enrollments/rules/calendar/index.ts';
import { EXCLUDED_CONDITION_TABLE, familyHealthQuote, paidYearEnd, WAITING_PERIOD_TABLE } from '../../subgraphs/enrollments/rules/family-health/index.ts';
import { ptiPaymentDeadline } from '../../subgraphs/enrollments/rules/payments/index.ts';
import type { DatedTable } from '../../subgraphs/enrollments/rules/reference/index.ts';
import {
  FAMILY_HEALTH_FEE_TABLE, MINIMUM_WAGE_TABLE, PTI_PROGRAMME_TABLE, PTI_RATE_TABLE, ptiPaymentRulesFrom, UMA_TABLE, valueInForce, WAGE_ZONES,
} from '../../subgraphs/enrollments/rules/reference/index.ts';
import type { Executor, Tx } from '../client.ts';
import {
  employerMovements, enrollments, excludedConditions, familyHealthEnrollments, familyHealthFees, familyHealthMembers,
  independentWorkerEnrollments, minimumWages, ptiProgrammeRules, ptiRateLines, referenceVersions, umaValues, waitingPeriods,
} from '../schema/enrollments.ts';

type ReferenceTableName = (typeof referenceVersions.$inferInsert)['tableName'];
type Children = Partial<Record<'uma' | 'wages' | 'fees' | 'rates' | 'programme' | 'waiting' | 'conditions', unknown[]>>;

/**
 * The reference tables from the rules' seeds, in a handful of statements; a version already
 * present (same table and first day) is left alone, so this can run on a populated database.
 */
export async function seedReferenceTables(executor: Executor): Promise<void> {
  const existing = new Set((await executor.select({ t: referenceVersions.tableName, from: referenceVersions.validFrom }).from(referenceVersions)).map((r) => `${r.t}:${r.from}`));
  const versions: (typeof referenceVersions.$inferInsert)[] = [];
  const rows = {
    uma: [] as (typeof umaValues.$inferInsert)[],
    wages: [] as (typeof minimumWages.$inferInsert)[],
    fees: [] as (typeof familyHealthFees.$inferInsert)[],
    rates: [] as (typeof ptiRateLines.$inferInsert)[],
    programme: [] as (typeof ptiProgrammeRules.$inferInsert)[],
    waiting: [] as (typeof waitingPeriods.$inferInsert)[],
    conditions: [] as (typeof excludedConditions.$inferInsert)[],
  } satisfies Children;
  function add<T>(table: DatedTable<T>, tableName: ReferenceTableName, children: (versionId: string, value: T) => void) {
    for (const row of table.rows) {
      if (existing.has(`${tableName}:${row.validFrom}`)) continue;
      const id = randomUUID();
      versions.push({ id, tableName, validFrom: row.validFrom, validTo: row.validTo, source: row.source, checkedOn: row.checkedOn, confirmed: row.confirmed });
      children(id, row.value);
    }
  }
  add(UMA_TABLE, 'UMA', (versionId, v) => rows.uma.push({ versionId, dailyCentavos: v.daily }));
  add(MINIMUM_WAGE_TABLE, 'MINIMUM_WAGE', (versionId, v) => rows.wages.push(...WAGE_ZONES.map((zone) => ({ versionId, zone, dailyCentavos: v[zone] }))));
  add(FAMILY_HEALTH_FEE_TABLE, 'FAMILY_HEALTH_FEES', (versionId, v) =>
    rows.fees.push(...v.bands.map((b) => ({ versionId, band: b.band, minAge: b.minAge, maxAge: b.maxAge, annualFeeCentavos: b.annualFee }))));
  add(PTI_RATE_TABLE, 'PTI_RATES', (versionId, v) =>
    rows.rates.push(...v.lines.map((line, position) => ({
      versionId,
      position,
      code: line.code,
      label: line.label,
      share: line.share,
      basis: line.basis.kind,
      basisUmaMultiple: line.basis.kind === 'EXCESS_OVER_UMA' ? line.basis.umaMultiple : null,
      rate: typeof line.rate === 'string' ? line.rate : null,
      bandedRate: typeof line.rate === 'string' ? null : line.rate,
      article: line.article,
      source: line.source,
      confirmed: line.confirmed,
    }))));
  add(PTI_PROGRAMME_TABLE, 'PTI_PROGRAMME', (versionId, v) => rows.programme.push({ versionId, ...v }));
  add(WAITING_PERIOD_TABLE, 'WAITING_PERIODS', (versionId, v) =>
    rows.waiting.push(...v.map((p) => ({ versionId, code: p.code, label: p.label, months: p.months, source: p.source, confirmed: p.confirmed }))));
  add(EXCLUDED_CONDITION_TABLE, 'EXCLUDED_CONDITIONS', (versionId, v) =>
    rows.conditions.push(...v.map((c) => ({ versionId, code: c.code, label: c.label, labelEs: c.labelEs }))));
  if (versions.length === 0) return;
  await executor.insert(referenceVersions).values(versions);
  if (rows.uma.length) await executor.insert(umaValues).values(rows.uma);
  if (rows.wages.length) await executor.insert(minimumWages).values(rows.wages);
  if (rows.fees.length) await executor.insert(familyHealthFees).values(rows.fees);
  if (rows.rates.length) await executor.insert(ptiRateLines).values(rows.rates);
  if (rows.programme.length) await executor.insert(ptiProgrammeRules).values(rows.programme);
  if (rows.waiting.length) await executor.insert(waitingPeriods).values(rows.waiting);
  if (rows.conditions.length) await executor.insert(excludedConditions).values(rows.conditions);
}

export interface EnrollmentsSeed {
  now: Date;
  insuredCurp: string;
  pensionerCurp: string;
  /** The synthetic crowd seeded in persons (deduplicated, without the demo identities). */
  crowd: readonly { curp: string }[];
  /** The demo employer's registro patronal (DEMO.employerRegistration). */
  employerRegistration: string;
}

const OTHER_REGISTRATION = 'B9876543101';
const SEED_ASSERTION = { identityMethod: 'EFIRMA' as const, identityAssertionId: 'seed', filedBy: 'seed' };
const CONSULATES = [
  { id: 'CON-LAX', country: 'US', share: 60 },
  { id: 'CON-CHI', country: 'US', share: 40 },
  { id: 'CON-HOU', country: 'US', share: 25 },
  { id: 'CON-NYC', country: 'US', share: 20 },
  { id: 'CON-TOR', country: 'CA', share: 15 },
];
const GIVEN = ['MARIO', 'ANA', 'LUIS', 'TERESA', 'JORGE', 'GABRIELA', 'ARTURO', 'MONICA', 'RUBEN', 'ADRIANA', 'SERGIO', 'BEATRIZ'];
const SURNAMES = ['GUTIERREZ', 'MENDOZA', 'AGUILAR', 'DOMINGUEZ', 'NAVARRO', 'CORTES', 'ROMERO', 'SALAZAR', 'MEDINA', 'JUAREZ', 'ROJAS', 'BAUTISTA'];
const STATES = ['MN', 'JC', 'GT', 'ZS', 'OC', 'PL', 'GR', 'MC'];

/** Deterministic synthetic CURPs, unique among those already used. */
function curpFactory(used: Set<string>) {
  return (i: number, birthDate: string, sex: 'H' | 'M'): string => {
    const prefix = expectedCurpPrefix({
      givenNames: GIVEN[i % GIVEN.length]!,
      firstSurname: SURNAMES[(i * 5) % SURNAMES.length]!,
      secondSurname: SURNAMES[(i * 7 + 3) % SURNAMES.length]!,
      birthDate,
      sex,
      birthState: STATES[i % STATES.length]!,
    });
    const digits = Number(birthDate.slice(0, 4)) < 2000 ? '0123456789' : 'ABCDEFGHIJ';
    for (const diff of digits) {
      const first17 = `${prefix}${diff}`;
      const curp = `${first17}${curpCheckDigit(first17)}`;
      if (!used.has(curp)) {
        used.add(curp);
        return curp;
      }
    }
    throw new Error(`no free synthetic CURP for ${prefix}`);
  };
}

const iso = (instant: Date) => instant.toISOString().slice(0, 10);

/** Rows to insert, collected first so that each table is one statement (every test file seeds). */
interface Planned {
  enrollments: (typeof enrollments.$inferInsert & { id: string })[];
  independentWorkers: (typeof independentWorkerEnrollments.$inferInsert)[];
  familyHealth: (typeof familyHealthEnrollments.$inferInsert)[];
  members: (typeof familyHealthMembers.$inferInsert)[];
  movements: (typeof employerMovements.$inferInsert)[];
}

/** Demo enrollments, PTI and family health details, and the employers' movements. */
export async function seedEnrollments(tx: Tx, seed: EnrollmentsSeed): Promise<void> {
  await seedReferenceTables(tx);
  const calendar = createBusinessCalendar();
  const programme = valueInForce(PTI_PROGRAMME_TABLE, '2025-01-01');
  const deadlineFor = (coverageStart: string) => ptiPaymentDeadline(addMonths(coverageStart, -1).slice(0, 7), ptiPaymentRulesFrom(programme), calendar);
  const bajaOn = iso(new Date(seed.now.getTime() - 20 * 86_400_000));
  const plan: Planned = { enrollments: [], independentWorkers: [], familyHealth: [], members: [], movements: [] };
  const enroll = (row: Omit<Planned['enrollments'][number], 'id'>) => {
    const id = randomUUID();
    plan.enrollments.push({ id, ...row });
    return id;
  };

  // The demo insured person's employment (test/gateway/system.e2e expects exactly this one).
  const insured = enroll({ curp: seed.insuredCurp, kind: 'EMPLOYMENT', modality: '10', employerRegistration: seed.employerRegistration, startDate: '2018-03-01' });
  plan.movements.push({
    enrollmentId: insured, curp: seed.insuredCurp, employerRegistration: seed.employerRegistration, kind: 'ALTA', idseCode: '08',
    eventDate: '2018-03-01', filedOn: '2018-02-28', deadline: calendar.addBusinessDays('2018-03-01', 5), effectiveDate: '2018-03-01', late: false,
    dailyBaseSalaryCentavos: 62_500, salaryType: 'FIXED', wageZone: 'GENERAL', ...SEED_ASSERTION,
  });
  enroll({ curp: seed.pensionerCurp, kind: 'VOLUNTARY_CONTINUATION', modality: '40', startDate: '2010-01-01', endDate: '2015-05-31' });

  // The crowd: employments under the demo and another employer (some bajas 20 days ago, to show
  // the 8-week preservation), and PTI enrollments made in Mexico.
  for (const [i, person] of seed.crowd.entries()) {
    if (i % 3 === 0) {
      const startDate = addMonths('2025-02-01', i % 10);
      const enrollmentId = enroll({ curp: person.curp, kind: 'INDEPENDENT_WORKER', modality: programme.value.modality, startDate });
      plan.independentWorkers.push({
        enrollmentId, declaredMonthlyIncomeCentavos: 1_000_000 + (i % 7) * 250_000, paymentPeriod: 'MONTHLY', wageZone: 'GENERAL', firstPaymentDeadline: deadlineFor(startDate),
      });
      continue;
    }
    const registration = i % 2 === 0 ? seed.employerRegistration : OTHER_REGISTRATION;
    const startDate = addMonths('2019-01-15', i % 24);
    const endDate = i % 5 === 0 ? bajaOn : null;
    const enrollmentId = enroll({ curp: person.curp, kind: 'EMPLOYMENT', modality: '10', employerRegistration: registration, startDate, endDate });
    const common = { enrollmentId, curp: person.curp, employerRegistration: registration, late: false, ...SEED_ASSERTION };
    plan.movements.push({ ...common, kind: 'ALTA', idseCode: '08', eventDate: startDate, filedOn: startDate, deadline: calendar.addBusinessDays(startDate, 5), effectiveDate: startDate, dailyBaseSalaryCentavos: 45_000 + i * 1_000, salaryType: 'FIXED', wageZone: 'GENERAL' });
    if (endDate) plan.movements.push({ ...common, kind: 'BAJA', idseCode: '02', eventDate: endDate, filedOn: endDate, deadline: calendar.addBusinessDays(endDate, 5), effectiveDate: endDate, bajaCause: '2' });
  }

  // Migrants enrolled at consulate windows.
  const used = new Set([seed.insuredCurp, seed.pensionerCurp, ...seed.crowd.map((p) => p.curp)]);
  const newCurp = curpFactory(used);
  let n = 0;
  for (const consulate of CONSULATES) {
    for (let j = 0; j < consulate.share; j += 1, n += 1) {
      const sex = n % 2 === 0 ? 'H' : 'M';
      const curp = newCurp(n, `${1962 + (n % 38)}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`, sex);
      const startDate = addMonths('2025-02-01', n % 11);
      const semiannual = n % 7 === 0;
      const enrollmentId = enroll({ curp, kind: 'INDEPENDENT_WORKER', modality: programme.value.modality, startDate, country: consulate.country, consulateId: consulate.id });
      plan.independentWorkers.push({
        enrollmentId, declaredMonthlyIncomeCentavos: semiannual ? 1_500_000 : 900_000 + (n % 20) * 150_000,
        paymentPeriod: semiannual ? 'SEMIANNUAL' : 'MONTHLY', wageZone: 'GENERAL', firstPaymentDeadline: deadlineFor(startDate),
      });
      if (n % 6 === 0) planFamilyHealth(plan, enroll, { holder: curp, n, consulate, newCurp });
    }
  }

  await tx.insert(enrollments).values(plan.enrollments);
  await tx.insert(independentWorkerEnrollments).values(plan.independentWorkers);
  await tx.insert(familyHealthEnrollments).values(plan.familyHealth);
  await tx.insert(familyHealthMembers).values(plan.members);
  await tx.insert(employerMovements).values(plan.movements);

  const incomeOf = new Map(plan.independentWorkers.map((w) => [w.enrollmentId, w.declaredMonthlyIncomeCentavos]));
  await seedPayments(tx, {
    today: dateIn(INSTITUTION_TIME_ZONE, seed.now), now: seed.now, bankId: DEMO.bankId, employerRegistration: seed.employerRegistration, calendar, ptiDeadlineFor: deadlineFor,
    pti: plan.enrollments.filter((e) => e.kind === 'INDEPENDENT_WORKER').map((e) => ({ id: e.id, curp: e.curp, startDate: e.startDate, monthlyCentavos: incomeOf.get(e.id)! })),
  });
}

/** A family health enrollment of a migrant holder: the holder and 1–3 relatives, paid the day before it starts. */
function planFamilyHealth(plan: Planned, enroll: (row: Omit<Planned['enrollments'][number], 'id'>) => string, { holder, n, consulate, newCurp }: {
  holder: string; n: number; consulate: (typeof CONSULATES)[number]; newCurp: ReturnType<typeof curpFactory>;
}): void {
  const startDate = addMonths('2025-03-01', n % 10);
  const relatives = [
    { relationship: 'SPOUSE' as const, curp: newCurp(n + 1000, `${1965 + (n % 30)}-03-10`, n % 2 === 0 ? 'M' : 'H') },
    { relationship: 'CHILD' as const, curp: newCurp(n + 2000, `${2008 + (n % 10)}-07-21`, 'M') },
    { relationship: 'CHILD' as const, curp: newCurp(n + 3000, `${2012 + (n % 8)}-11-02`, 'H') },
  ].slice(0, 1 + (n % 3));
  const members = [{ relationship: 'HOLDER' as const, curp: holder }, ...relatives];
  const paymentDate = addDays(startDate, -1);
  const quote = familyHealthQuote(members.map((m) => ({ birthDate: curpBirthDate(m.curp) })), paymentDate, FAMILY_HEALTH_FEE_TABLE);
  if (!quote.ok) throw new Error(`seed family health quote failed: ${quote.issues.map((i) => i.message).join('; ')}`);
  const enrollmentId = enroll({ curp: holder, kind: 'FAMILY_HEALTH', modality: '33', startDate, endDate: paidYearEnd(startDate), country: consulate.country, consulateId: consulate.id });
  plan.familyHealth.push({ enrollmentId, paymentDate, totalAnnualFeeCentavos: quote.total, feesConfirmed: quote.confirmed });
  plan.members.push(...quote.members.map((fee, i) => ({
    enrollmentId, curp: members[i]!.curp, relationship: members[i]!.relationship, ageOnPayment: fee.ageOnPayment, ageBand: fee.band, annualFeeCentavos: fee.fee,
  })));
}

/**
 * The enrollments subgraph's rows at scale: employments under synthetic registros patronales
 * (each with its IDSE alta, and a baja when it ended, some followed by a new job), voluntary
 * continuation after a job (modalidad 40), PTI enrollments (in Mexico, or at the consulate of a
 * person living abroad) and family health insurance with 1–4 members quoted by the rules' own
 * fee table. Coverage periods of employment and family health are derived from these rows by the
 * subgraph; a PTI enrollment's come from its payments, which the payments part writes
 * (payments.ts, told of each PTI enrollment through hooks.independentWorker).
 *
 * The statistics summary is not fed row by row: the loader disables its triggers for the load
 * (index.ts), and this part counts what it writes and adds that to the summary once
 * (statistics.ts), which gives the same table the triggers would have.
 */
import { curpBirthDate } from '../../schema/scalars/identifiers/curp.ts';
import { addDays, addMonths } from '../../subgraphs/shared/dates.ts';
import { createBusinessCalendar } from '../../subgraphs/enrollments/rules/calendar/index.ts';
import { familyHealthQuote, paidYearEnd } from '../../subgraphs/enrollments/rules/family-health/index.ts';
import { BAJA_CAUSES } from '../../subgraphs/enrollments/rules/movements/index.ts';
import { FAMILY_HEALTH_FEE_TABLE, MINIMUM_WAGE_TABLE, MissingReferenceValue, PTI_PROGRAMME_TABLE, UMA_TABLE, ptiDeadlineForCoverage, valueInForce } from '../../subgraphs/enrollments/rules/reference/index.ts';
import { memo, randomDay, type CopyTable, type ScaleContext, type ScalePart, type ScalePerson, type RowSink } from './part.ts';
import type { ScalePtiEnrollment } from './payments.ts';
import { statisticsTally } from './statistics.ts';

export const ENROLLMENT_TABLES = {
  enrollments: { name: 'enrollments.enrollments', columns: ['id', 'curp', 'kind', 'modality', 'employer_registration', 'start_date', 'end_date', 'country', 'consulate_id'] },
  independentWorkers: { name: 'enrollments.independent_worker_enrollments', columns: ['enrollment_id', 'declared_monthly_income_centavos', 'payment_period', 'wage_zone', 'first_payment_deadline'] },
  familyHealth: { name: 'enrollments.family_health_enrollments', columns: ['enrollment_id', 'payment_date', 'total_annual_fee_centavos', 'fees_confirmed'] },
  members: { name: 'enrollments.family_health_members', columns: ['id', 'enrollment_id', 'curp', 'relationship', 'age_on_payment', 'age_band', 'annual_fee_centavos'] },
  movements: {
    name: 'enrollments.employer_movements',
    columns: ['id', 'enrollment_id', 'curp', 'employer_registration', 'kind', 'idse_code', 'event_date', 'filed_on', 'deadline', 'effective_date', 'late',
      'baja_cause', 'daily_base_salary_centavos', 'salary_type', 'wage_zone', 'identity_method', 'identity_assertion_id', 'filed_by'],
  },
} as const satisfies Record<string, CopyTable>;

/** Synthetic registros patronales ('S' + 10 digits), none of them the demo employers'. */
const EMPLOYERS = 20_000;
const registration = (k: number) => `S${String(k).padStart(8, '0')}1${k % 10}`;
const BAJA_CODES = BAJA_CAUSES.map((c) => c.code).filter((c) => c !== '4');
const PTI_FIRST_MONTH = '2025-02-01';
/** identity_method, identity_assertion_id, filed_by of the seed's IDSE movements. */
const FILED_BY_SEED = ['EFIRMA', 'seed-scale', 'seed-scale'] as const;


export interface EnrollmentsPartHooks {
  /** Each PTI enrollment written (the payments part issues its references and payments). */
  independentWorker?: (person: ScalePerson, enrollment: ScalePtiEnrollment) => void;
}

export function enrollmentsPart(context: ScaleContext, hooks: EnrollmentsPartHooks = {}): ScalePart {
  const T = ENROLLMENT_TABLES;
  const tally = statisticsTally();
  const addEnrollment = (sink: RowSink, row: [id: string, curp: string, kind: string, modality: string, registration: string | null, startDate: string, endDate: string | null, country: string, consulateId: string | null]) => {
    sink.add(T.enrollments, row);
    tally.enrollment({ curp: row[1], kind: row[2], startDate: row[5], country: row[7], consulateId: row[8] });
  };
  const calendar = createBusinessCalendar();
  const fiveBusinessDaysAfter = memo((day) => calendar.addBusinessDays(day, 5));
  // The modalidad in force when coverage starts; the deadline by the same rule as the service (and the references).
  const ptiTerms = memo((startDate) => ({
    modality: valueInForce(PTI_PROGRAMME_TABLE, startDate).value.modality,
    deadline: ptiDeadlineForCoverage(startDate, PTI_PROGRAMME_TABLE, calendar),
  }));
  const valuesPublished = memo((month) => {
    try {
      valueInForce(MINIMUM_WAGE_TABLE, month);
      valueInForce(UMA_TABLE, month);
      return true;
    } catch (error) {
      if (error instanceof MissingReferenceValue) return false;
      throw error;
    }
  });
  const yesterday = addDays(context.today, -1);
  const lastYear = context.now.getUTCFullYear() - 1;
  const monthsOfPti = Math.max(1, (context.now.getUTCFullYear() - 2025) * 12 + context.now.getUTCMonth() - 1);

  function employment(person: ScalePerson, sink: RowSink, startDate: string, open: boolean): string | null {
    const { random } = person;
    const employer = registration(random.int(EMPLOYERS));
    // A job ends a month after it starts at the earliest, and never after yesterday.
    const earliestEnd = addDays(startDate, 30);
    const endDate = open || earliestEnd > yesterday ? null : randomDay(random, earliestEnd, yesterday);
    const id = person.newId();
    addEnrollment(sink, [id, person.curp, 'EMPLOYMENT', '10', employer, startDate, endDate, 'MX', null]);
    // Daily base salary from just above the 2026 general minimum wage (315.04 MXN).
    const salary = 31_600 + random.int(250_000);
    sink.add(T.movements, [person.newId(), id, person.curp, employer, 'ALTA', '08', startDate, startDate, fiveBusinessDaysAfter(startDate), startDate, false,
      null, salary, random.chance(0.8) ? 'FIXED' : 'VARIABLE', 'GENERAL', ...FILED_BY_SEED]);
    if (endDate) {
      sink.add(T.movements, [person.newId(), id, person.curp, employer, 'BAJA', '02', endDate, endDate, fiveBusinessDaysAfter(endDate), endDate, false,
        random.pick(BAJA_CODES), null, null, null, ...FILED_BY_SEED]);
    }
    return endDate;
  }

  function familyHealth(person: ScalePerson, sink: RowSink): void {
    const { random } = person;
    const startDate = addMonths('2025-03-01', random.int(Math.max(1, monthsOfPti - 1)));
    if (startDate > context.today) return;
    const relatives = new Set<number>();
    const wanted = random.int(4);
    while (relatives.size < wanted && context.persons > wanted + 1) {
      const j = (person.index + 1 + random.int(Math.min(context.persons - 1, 5_000))) % context.persons;
      if (j !== person.index) relatives.add(j);
    }
    const members = [
      { curp: person.curp, relationship: 'HOLDER' },
      ...[...relatives].map((j, k) => ({ curp: context.identities.identity(j).curp, relationship: k === 0 ? 'SPOUSE' : 'CHILD' })),
    ];
    const paymentDate = addDays(startDate, -1);
    const quote = familyHealthQuote(members.map((m) => ({ birthDate: curpBirthDate(m.curp) })), paymentDate, FAMILY_HEALTH_FEE_TABLE);
    if (!quote.ok) return;
    const id = person.newId();
    const where = { startDate, country: person.abroad?.country ?? 'MX', consulateId: person.abroad?.consulateId ?? null };
    addEnrollment(sink, [id, person.curp, 'FAMILY_HEALTH', '33', null, startDate, paidYearEnd(startDate), where.country, where.consulateId]);
    sink.add(T.familyHealth, [id, paymentDate, quote.total, quote.confirmed]);
    quote.members.forEach((fee, k) => {
      sink.add(T.members, [person.newId(), id, members[k]!.curp, members[k]!.relationship, fee.ageOnPayment, fee.band, fee.fee]);
      tally.member(where, members[k]!.curp);
    });
  }

  return {
    name: 'enrollments',
    tables: Object.values(T),
    rows(person, sink) {
      const { random } = person;
      // Jobs in Mexico: people with an NSS, from 18 (or 1998, when the oldest records start).
      const firstYear = Math.max(person.birthYear + 18, 1998);
      if (person.nss && !person.abroad && firstYear <= lastYear && random.chance(0.78)) {
        const ended = employment(person, sink, randomDay(random, `${firstYear}-01-01`, `${lastYear}-12-31`), random.chance(0.6));
        if (ended && random.chance(0.55)) {
          const next = randomDay(random, addDays(ended, 1), addDays(ended, 400));
          if (next < context.today) employment(person, sink, next, true);
        } else if (ended && random.chance(0.1)) {
          // Voluntary continuation in the compulsory regime (modalidad 40) after the job ended.
          const start = addDays(ended, 1 + random.int(60));
          if (start < context.today) {
            const end = random.chance(0.5) || addDays(start, 30) > yesterday ? null : randomDay(random, addDays(start, 30), yesterday);
            addEnrollment(sink, [person.newId(), person.curp, 'VOLUNTARY_CONTINUATION', '40', null, start, end, 'MX', null]);
          }
        }
      }
      // PTI, in Mexico or at a consulate window abroad.
      if (random.chance(person.abroad ? 0.45 : 0.08)) {
        const startDate = addMonths(PTI_FIRST_MONTH, random.int(monthsOfPti));
        if (startDate <= context.today) {
          const terms = ptiTerms(startDate);
          const id = person.newId();
          addEnrollment(sink, [id, person.curp, 'INDEPENDENT_WORKER', terms.modality, null, startDate, null, person.abroad?.country ?? 'MX', person.abroad?.consulateId ?? null]);
          // Semiannual only when the six months' values are published (the service refuses the enrollment otherwise).
          const semiannual = random.chance(0.15) && valuesPublished(addMonths(startDate, 5));
          // From 10,000 MXN a month: above the contribution floor (30.4 minimum wages: 9,577.22 MXN in 2026).
          const income = 1_000_000 + random.int(40) * 75_000;
          sink.add(T.independentWorkers, [id, income, semiannual ? 'SEMIANNUAL' : 'MONTHLY', 'GENERAL', terms.deadline]);
          hooks.independentWorker?.(person, { id, startDate, declaredMonthlyIncomeCentavos: income, paymentPeriod: semiannual ? 'SEMIANNUAL' : 'MONTHLY' });
        }
      }
      if (random.chance(person.abroad ? 0.15 : 0.02)) familyHealth(person, sink);
    },
    finish: (sql) => tally.addTo(sql),
  };
}

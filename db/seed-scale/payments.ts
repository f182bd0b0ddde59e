/**
 * The payments of the scale seed's PTI enrollments (docs/domain.md §7): for every payment period
 * of an enrollment whose reference would have been issued by the seed's day, a reference made by
 * the rules (independentWorkerObligation on the day it was issued, the amount by ptiContribution
 * with the seed values of the reference tables), and for most of them the payment of a partner
 * bank (BANK-001 … BANK-005), on or before the due date and before the seed's day.
 *
 * The first period of an enrollment is always paid (its coverage is what the enrollment started
 * with); a later one is paid with probability 0.9, and the current one, not yet due, is often
 * still pending. Unpaid past periods stay as expired references: the debt statement's overdue rows.
 * PTI coverage is read from the payments (repository.ts coveragePeriods: coverage_start/end of
 * the INDEPENDENT_WORKER_CONTRIBUTION payments), so each payment carries its period's dates.
 *
 * References are opaque: the 128 bits are the first half of SHA-256 over the seed and the
 * reference's row id (unique by construction), so they are the same for the same seed, differ
 * between seeds, and pass the check digits of parsePaymentReference; the unique constraint stays
 * in place during the copy, so a collision would fail the load rather than slip in.
 * Payments carry a `SCALE-` receipt folio, as the demo's carry `SEED-`: no signed acuse.
 */
import { createHash } from 'node:crypto';
import { addDays, addMonths } from '../../subgraphs/shared/dates.ts';
import { createBusinessCalendar } from '../../subgraphs/enrollments/rules/calendar/index.ts';
import { PERIOD_MONTHS, ptiContribution } from '../../subgraphs/enrollments/rules/contributions/index.ts';
import { formatPaymentReference, independentWorkerObligation } from '../../subgraphs/enrollments/rules/payments/index.ts';
import { MINIMUM_WAGE_TABLE, MissingReferenceValue, PTI_PROGRAMME_TABLE, PTI_RATE_TABLE, UMA_TABLE, ptiDeadlineForCoverage } from '../../subgraphs/enrollments/rules/reference/index.ts';
import { memo, randomDay, type CopyTable, type RowSink, type ScaleContext, type ScalePart, type ScalePerson } from './part.ts';

export const PAYMENT_TABLES = {
  references: {
    name: 'enrollments.payment_references',
    columns: ['id', 'reference', 'concept', 'obligation', 'period', 'period_start', 'period_end', 'amount_centavos', 'due_date', 'expires_on', 'issued_at', 'curp', 'enrollment_id'],
  },
  payments: {
    name: 'enrollments.payments',
    columns: ['id', 'reference_id', 'bank_id', 'amount_centavos', 'paid_at', 'recorded_at', 'recorded_on', 'coverage_start', 'coverage_end', 'receipt_folio'],
  },
} as const satisfies Record<string, CopyTable>;

/** The partner banks of the seed (the demo's BANK-001 among them). */
export const SCALE_BANKS = ['BANK-001', 'BANK-002', 'BANK-003', 'BANK-004', 'BANK-005'] as const;

/** A PTI enrollment as the enrollments part wrote it. */
export interface ScalePtiEnrollment {
  id: string;
  startDate: string;
  declaredMonthlyIncomeCentavos: number;
  paymentPeriod: 'MONTHLY' | 'SEMIANNUAL';
}

export interface PaymentsPart extends ScalePart {
  /** The enrollments part reports each PTI enrollment it writes; its payments follow in rows(). */
  independentWorker(person: ScalePerson, enrollment: ScalePtiEnrollment): void;
}

/** Mexico City is UTC−6 all year: 17:00Z is 11:00 there, the same calendar day. */
const atMidday = (day: string, minutes = 0) => new Date(Date.parse(`${day}T17:00:00Z`) + minutes * 60_000);

export function paymentsPart(context: ScaleContext): PaymentsPart {
  const T = PAYMENT_TABLES;
  const calendar = createBusinessCalendar();
  const yesterday = addDays(context.today, -1);
  // The service's deadline: the PTI deadline of the month before coverage starts (issueIndependentWorkerPaymentReference).
  const deadlineFor = memo((coverageStart) => ptiDeadlineForCoverage(coverageStart, PTI_PROGRAMME_TABLE, calendar));
  const tables = { uma: UMA_TABLE, minimumWage: MINIMUM_WAGE_TABLE, rates: PTI_RATE_TABLE };
  const amountOf = memo((key) => {
    const [income, period, periodStart] = key.split('|') as [string, 'MONTHLY' | 'SEMIANNUAL', string];
    try {
      const contribution = ptiContribution({ declaredMonthlyIncome: Number(income), zone: 'GENERAL', period, periodStart }, tables);
      if (!contribution.ok) throw new Error(`the PTI contribution of ${key} does not compute: ${JSON.stringify(contribution.issues)}`);
      return contribution.total;
    } catch (error) {
      // A period reaching a month whose values are not published yet (a semiannual one into next
      // year) has no amount: the service refuses to issue it, so the seed stops there too.
      if (error instanceof MissingReferenceValue) return null;
      throw error;
    }
  });
  const referenceOf = (id: string) => formatPaymentReference(createHash('sha256').update(`seed-scale:${context.seed}:${id}`).digest().subarray(0, 16)).replaceAll('-', '');

  let pending: { person: ScalePerson; enrollment: ScalePtiEnrollment }[] = [];

  function periods(person: ScalePerson, enrollment: ScalePtiEnrollment, sink: RowSink): void {
    const { random } = person;
    const months = PERIOD_MONTHS[enrollment.paymentPeriod];
    let paid = 0;
    for (let periodStart = enrollment.startDate; ; periodStart = addMonths(periodStart, months)) {
      const dueDate = deadlineFor(periodStart);
      // Issued 3 to 30 days before its due date, never after the seed's day; later periods are not issued yet.
      const issuedOn = addDays(dueDate, -(3 + random.int(28)));
      if (issuedOn > context.today) break;
      const obligation = independentWorkerObligation({ id: enrollment.id, startDate: enrollment.startDate, endDate: null, months }, periodStart.slice(0, 7), deadlineFor, issuedOn);
      const amount = amountOf(`${enrollment.declaredMonthlyIncomeCentavos}|${enrollment.paymentPeriod}|${periodStart}`);
      if (amount === null) break;
      const referenceId = person.newId();
      sink.add(T.references, [referenceId, referenceOf(referenceId), obligation.concept, obligation.key, obligation.period, obligation.periodStart, obligation.periodEnd,
        amount, obligation.dueDate, obligation.expiresOn, atMidday(issuedOn, -60 * 3).toISOString(), person.curp, enrollment.id]);
      const lastPayDay = obligation.expiresOn < yesterday ? obligation.expiresOn : yesterday;
      const pays = periodStart === enrollment.startDate || random.chance(obligation.dueDate >= context.today ? 0.6 : 0.9);
      if (!pays || lastPayDay < issuedOn) continue;
      const paidOn = randomDay(random, issuedOn, lastPayDay);
      const paidAt = atMidday(paidOn, random.int(300));
      const paymentId = person.newId();
      paid += 1;
      sink.add(T.payments, [paymentId, referenceId, random.pick(SCALE_BANKS), amount, paidAt.toISOString(), new Date(paidAt.getTime() + 60_000).toISOString(), paidOn,
        obligation.periodStart, obligation.periodEnd, `SCALE-${context.seed}-${person.index}-${paid}`]);
    }
  }

  return {
    name: 'payments',
    tables: Object.values(T),
    independentWorker(person, enrollment) {
      pending.push({ person, enrollment });
    },
    rows(person, sink) {
      // Drawn after every other part: the other parts' draws do not depend on the payments.
      for (const item of pending) if (item.person === person) periods(person, item.enrollment, sink);
      pending = [];
    },
  };
}

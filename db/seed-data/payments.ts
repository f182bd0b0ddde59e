/**
 * Seed payments (called from seedEnrollments, inside the seed's transaction; docs/domain.md §7):
 * - the seeded PTI enrollments' contributions before the demo, summarised as one paid period per
 *   enrollment from its start to the end of the current month (PTI coverage comes from paid
 *   periods), collected by the demo bank; these carry a `SEED-` folio, not a signed acuse;
 * - pending references a partner bank can look up and pay in the demo: the demo employer's
 *   cuotas of last month, and the next PTI period of three enrollees (amounts are demo figures:
 *   12 % of the declared income a month, not the contribution computation).
 */
import { randomUUID } from 'node:crypto';
import { addDays, addMonths } from '../../subgraphs/shared/dates.ts';
import type { BusinessCalendar } from '../../subgraphs/enrollments/rules/calendar/index.ts';
import { employerObligation, newPaymentReference } from '../../subgraphs/enrollments/rules/payments/index.ts';
import type { Tx } from '../client.ts';
import { paymentReferences, payments } from '../schema/enrollments.ts';

export interface SeedPtiEnrollment {
  id: string;
  curp: string;
  startDate: string;
  monthlyCentavos: number;
}

const compact = () => newPaymentReference().replaceAll('-', '');

export async function seedPayments(tx: Tx, input: {
  today: string; now: Date; bankId: string; employerRegistration: string; pti: readonly SeedPtiEnrollment[]; calendar: BusinessCalendar;
  /** The PTI deadline for coverage starting on a first of month (the programme table's rule). */
  ptiDeadlineFor: (coverageStart: string) => string;
}): Promise<void> {
  const monthEnd = addDays(addMonths(`${input.today.slice(0, 7)}-01`, 1), -1);
  const references: (typeof paymentReferences.$inferInsert)[] = [];
  const paid: (typeof payments.$inferInsert)[] = [];
  for (const [i, enrollment] of input.pti.entries()) {
    if (enrollment.startDate > monthEnd) continue;
    const id = randomUUID();
    const months = monthsBetween(enrollment.startDate, monthEnd);
    references.push({
      id, reference: compact(), concept: 'INDEPENDENT_WORKER_CONTRIBUTION', obligation: `SEED:${enrollment.id}`, period: enrollment.startDate.slice(0, 7),
      periodStart: enrollment.startDate, periodEnd: monthEnd, amountCentavos: Math.round(enrollment.monthlyCentavos * 0.12) * months,
      dueDate: addDays(enrollment.startDate, -1), expiresOn: addDays(enrollment.startDate, -1), issuedAt: new Date(`${addDays(enrollment.startDate, -20)}T16:00:00Z`),
      curp: enrollment.curp, enrollmentId: enrollment.id,
    });
    const paidAt = new Date(`${addDays(enrollment.startDate, -5)}T17:00:00Z`);
    paid.push({
      referenceId: id, bankId: input.bankId, amountCentavos: Math.round(enrollment.monthlyCentavos * 0.12) * months, paidAt, recordedAt: paidAt,
      recordedOn: addDays(enrollment.startDate, -5), coverageStart: enrollment.startDate, coverageEnd: monthEnd, receiptFolio: `SEED-${String(i).padStart(6, '0')}`,
    });
  }

  // Pending: the demo employer's cuotas of last month, and the next month of three PTI enrollees.
  const lastMonth = addMonths(`${input.today.slice(0, 7)}-01`, -1).slice(0, 7);
  const cuotas = employerObligation(input.employerRegistration, lastMonth, input.calendar, input.today);
  references.push({
    reference: compact(), concept: cuotas.concept, obligation: cuotas.key, period: cuotas.period, periodStart: cuotas.periodStart, periodEnd: cuotas.periodEnd,
    amountCentavos: 4_821_350, dueDate: cuotas.dueDate, expiresOn: cuotas.expiresOn, issuedAt: input.now, employerRegistration: input.employerRegistration,
  });
  // The next period whose deadline has not passed: next month's, or the one after.
  const firstOfNext = addMonths(`${input.today.slice(0, 7)}-01`, 1);
  const next = input.today <= input.ptiDeadlineFor(firstOfNext) ? firstOfNext : addMonths(firstOfNext, 1);
  const deadline = input.ptiDeadlineFor(next);
  for (const enrollment of input.pti.filter((e) => e.startDate <= monthEnd).slice(0, 3)) {
    references.push({
      reference: compact(), concept: 'INDEPENDENT_WORKER_CONTRIBUTION', obligation: `INDEPENDENT_WORKER_CONTRIBUTION:${enrollment.id}:${next.slice(0, 7)}`,
      period: next.slice(0, 7), periodStart: next, periodEnd: addDays(addMonths(next, 1), -1), amountCentavos: Math.round(enrollment.monthlyCentavos * 0.12),
      dueDate: deadline, expiresOn: deadline, issuedAt: input.now, curp: enrollment.curp, enrollmentId: enrollment.id,
    });
  }
  for (let i = 0; i < references.length; i += 500) await tx.insert(paymentReferences).values(references.slice(i, i + 500));
  for (let i = 0; i < paid.length; i += 500) await tx.insert(payments).values(paid.slice(i, i + 500));
}

function monthsBetween(start: string, end: string): number {
  return (Number(end.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(end.slice(5, 7)) - Number(start.slice(5, 7)) + 1;
}

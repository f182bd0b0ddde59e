/**
 * The payment reads (docs/security.md, "Partner banks"): each decides its record with a policy
 * (permissions.ts), audits reads of a person's obligations, and releases to the shield only what
 * the caller may see. A bank sees references it is asked to collect, but no obligor and no other
 * bank's payment; its reconciliation is its own.
 */
import { badInput, ruleViolation } from '../../../schema/errors/client-errors.ts';
import { refusalError, type Decision } from '../../shared/access/index.ts';
import { FOLIO_PATTERN } from '../../shared/documents/receipts.ts';
import type { DebtStatementInput, PaymentConcept } from '../__generated__/resolvers-types.ts';
import type { EnrollmentsContext } from '../context.ts';
import type { PaymentModel, PaymentReferenceModel } from '../mappers.ts';
import { mexicoCityDay, mexicoCityToday } from '../mexico-today.ts';
import { isOnlyABank, readBankReconciliation, readDebtStatementOf, readPaymentReference } from '../permissions.ts';
import { normalizeEmployerRegistration } from '../rules/movements/index.ts';
import { isIsoDate } from '../rules/reference/index.ts';
import { parsePaymentReference } from '../rules/payments/index.ts';
import { formatStoredReference } from './payment-views.ts';

async function refuseOrNull(ctx: EnrollmentsContext, decision: Decision & { allowed: false }, subjectCurp: string | null, what: 'Query.paymentReference' | 'Query.debtStatement'): Promise<null> {
  if (subjectCurp) await ctx.audit.append([{ action: 'REFUSED', subjectCurp, what, reason: decision.reason }]);
  if (decision.explained) throw refusalError(decision.reason);
  return null;
}

export async function paymentReference(written: string, ctx: EnrollmentsContext): Promise<PaymentReferenceModel | null> {
  const parsed = parsePaymentReference(written);
  if (!parsed.ok) throw ruleViolation(parsed.issues);
  const [row] = await ctx.payments.referencesByCompact([parsed.compact]);
  if (!row) return null;
  const decision = readPaymentReference(ctx, row);
  if (!decision.allowed) return refuseOrNull(ctx, decision, row.curp, 'Query.paymentReference');
  const asBank = isOnlyABank(ctx);
  if (row.curp && !asBank) await ctx.audit.append([{ action: 'READ', subjectCurp: row.curp, what: 'Query.paymentReference', fields: ['paymentReferences', 'payments'] }]);
  ctx.released.release('PaymentReference', row.id);
  // A bank sees a payment only if it recorded it itself.
  const payment = row.payment && (!asBank || row.payment.bankId === ctx.viewer!.bankId) ? row.payment : null;
  if (payment) ctx.released.release('Payment', payment.id);
  return { ...row, payment };
}

export interface DebtStatementModel {
  asOf: string;
  employerRegistration: string | null;
  curp: string | null;
  obligations: Array<{
    concept: PaymentConcept; period: string; periodStart: string; periodEnd: string; amountCentavos: number; dueDate: string;
    reference: string; paid: boolean; paidOn: string | null; overdue: boolean;
  }>;
  payments: PaymentModel[];
  totalOwedCentavos: number;
  totalPaidCentavos: number;
  totalOverdueCentavos: number;
}

/**
 * Estado de adeudo as of a day: each obligation with a reference issued by then (its latest
 * reference's amount), paid when a payment was recorded by then, overdue when unpaid after its
 * due date; the payments recorded by then.
 */
export async function debtStatement(input: DebtStatementInput, ctx: EnrollmentsContext): Promise<DebtStatementModel> {
  const registration = input.employerRegistration ? normalizeEmployerRegistration(input.employerRegistration) : null;
  const curp = input.curp ?? null;
  if ((registration === null) === (curp === null)) {
    throw badInput('DEBT_STATEMENT_OBLIGOR', 'A debt statement is for exactly one obligor: give employerRegistration or curp, not both and not neither.');
  }
  const asOf = input.asOf ?? mexicoCityToday(ctx.clock);
  if (!isIsoDate(asOf)) throw badInput('INVALID_DATE', `asOf must be an ISO calendar date YYYY-MM-DD, got '${asOf}'`);
  const obligor = registration !== null ? { employerRegistration: registration } : { curp: curp! };
  const decision = readDebtStatementOf(ctx, obligor);
  if (!decision.allowed) {
    await refuseOrNull(ctx, decision, curp, 'Query.debtStatement');
    // Silent refusal: an empty statement, exactly like an obligor without references.
    return { asOf, employerRegistration: registration, curp, obligations: [], payments: [], totalOwedCentavos: 0, totalPaidCentavos: 0, totalOverdueCentavos: 0 };
  }
  if (curp) await ctx.audit.append([{ action: 'READ', subjectCurp: curp, what: 'Query.debtStatement', fields: ['paymentReferences', 'payments'] }]);

  const issuedDay = (row: PaymentReferenceModel) => mexicoCityDay(row.issuedAt);
  const references = (await ctx.payments.referencesOfObligor(obligor)).filter((row) => issuedDay(row) <= asOf);
  const paidBy = (row: PaymentReferenceModel) => (row.payment && row.payment.recordedOn <= asOf ? row.payment : null);
  const byObligation = new Map<string, PaymentReferenceModel[]>();
  for (const row of references) byObligation.set(row.obligation, [...(byObligation.get(row.obligation) ?? []), row]);

  const obligations = [...byObligation.values()].map((rows) => {
    const paidRow = rows.find((row) => paidBy(row) !== null);
    const shown = paidRow ?? rows[rows.length - 1]!;
    const paid = paidRow !== undefined;
    return {
      concept: shown.concept, period: shown.period, periodStart: shown.periodStart, periodEnd: shown.periodEnd, amountCentavos: shown.amountCentavos,
      dueDate: shown.dueDate, reference: formatStoredReference(shown.reference), paid, paidOn: paid ? mexicoCityDay(paidRow.payment!.paidAt) : null,
      overdue: !paid && asOf > shown.dueDate,
    };
  }).sort((a, b) => (a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : 0));

  const payments: PaymentModel[] = references.flatMap((row) => {
    const payment = paidBy(row);
    if (!payment) return [];
    const { payment: _omit, paid: _paid, ...ref } = row;
    ctx.released.release('Payment', payment.id);
    return [{ ...payment, ref }];
  });
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    asOf, employerRegistration: registration, curp, obligations, payments,
    totalOwedCentavos: sum(obligations.filter((o) => !o.paid).map((o) => o.amountCentavos)),
    totalPaidCentavos: sum(payments.map((p) => p.amountCentavos)),
    totalOverdueCentavos: sum(obligations.filter((o) => o.overdue).map((o) => o.amountCentavos)),
  };
}

export async function bankReconciliation(bankId: string, date: string, ctx: EnrollmentsContext) {
  const decision = readBankReconciliation(ctx, bankId);
  if (!decision.allowed) throw refusalError(decision.reason);
  if (!isIsoDate(date)) throw badInput('INVALID_DATE', `date must be an ISO calendar date YYYY-MM-DD, got '${date}'`);
  const payments = await ctx.payments.paymentsOfBankOn(bankId, date);
  for (const payment of payments) ctx.released.release('Payment', payment.id);
  const byConcept = new Map<PaymentConcept, { concept: PaymentConcept; count: number; totalCentavos: number }>();
  for (const payment of payments) {
    const line = byConcept.get(payment.ref.concept) ?? { concept: payment.ref.concept, count: 0, totalCentavos: 0 };
    line.count += 1;
    line.totalCentavos += payment.amountCentavos;
    byConcept.set(payment.ref.concept, line);
  }
  return {
    bankId, date, payments,
    count: payments.length,
    totalCentavos: payments.reduce((total, p) => total + p.amountCentavos, 0),
    byConcept: [...byConcept.values()].sort((a, b) => a.concept.localeCompare(b.concept)),
  };
}

/** Whether a folio exists and what it records: no personal data, no amounts (docs/security.md, "Receipts"). */
export async function verifyReceipt(folio: string, ctx: EnrollmentsContext) {
  const normalized = folio.trim().toUpperCase();
  const row = FOLIO_PATTERN.test(normalized) ? await ctx.payments.receiptByFolio(normalized) : undefined;
  if (!row) return { folio: normalized, exists: false, procedure: null, recordedAt: null, issuer: null, recordedBy: null, documentSha256: null };
  return {
    folio: row.folio, exists: true, procedure: row.procedure, recordedAt: row.recordedAt, issuer: row.issuer,
    recordedBy: { role: row.actorRole, organisation: row.actorOrganisation }, documentSha256: row.documentSha256,
  };
}

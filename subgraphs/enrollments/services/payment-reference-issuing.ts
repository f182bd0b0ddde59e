/**
 * What the three ways of issuing a payment reference share (docs/domain.md §7): one transaction
 * serialised per obligation, refused when the obligation is already paid
 * (OBLIGATION_ALREADY_PAID); a pending reference for the same obligation is superseded (it can
 * no longer be paid, PAYMENT_REFERENCE_EXPIRED), so at most one reference of an obligation is ever
 * payable. The reference itself is 128 random bits (rules/payments/payment-reference.ts).
 */
import { badInput } from '../../../schema/errors/client-errors.ts';
import type { EnrollmentsContext } from '../context.ts';
import type { PaymentReferenceModel } from '../mappers.ts';
import { paymentTx } from '../payment-repository.ts';
import type { EnrollmentsWrite } from '../permissions.ts';
import { txQueries } from '../repository.ts';
import { newPaymentReference, type Obligation } from '../rules/payments/index.ts';

/** Largest amount a reference carries: GraphQL's Int (about 21.4 million pesos). */
export const MAX_REFERENCE_CENTAVOS = 2_147_483_647;

export async function issueReference(
  ctx: EnrollmentsContext,
  what: EnrollmentsWrite,
  obligation: Obligation,
  obligor: { curp: string; enrollmentId: string } | { employerRegistration: string },
  amountCentavos: number,
): Promise<PaymentReferenceModel> {
  if (!Number.isSafeInteger(amountCentavos) || amountCentavos <= 0 || amountCentavos > MAX_REFERENCE_CENTAVOS) {
    throw badInput('PAYMENT_AMOUNT_INVALID', `A reference's amount is a whole number of centavos from 1 to ${MAX_REFERENCE_CENTAVOS}, got ${amountCentavos}.`, { max: MAX_REFERENCE_CENTAVOS });
  }
  const now = ctx.clock.now();
  const row = await ctx.repository.transaction(async (tx) => {
    await txQueries.lock(tx, `obligation:${obligation.key}`);
    if (await paymentTx.obligationPaid(tx, obligation.key)) {
      throw badInput('OBLIGATION_ALREADY_PAID', `The ${obligation.concept} of ${obligation.period} is already paid; no new reference is issued.`, { period: obligation.period });
    }
    await paymentTx.supersedePending(tx, obligation.key, now);
    const inserted = await paymentTx.insertReference(tx, {
      // The canonical written form without its hyphens is the compact form stored and looked up.
      reference: newPaymentReference().replaceAll('-', ''),
      concept: obligation.concept,
      obligation: obligation.key,
      period: obligation.period,
      periodStart: obligation.periodStart,
      periodEnd: obligation.periodEnd,
      amountCentavos,
      dueDate: obligation.dueDate,
      expiresOn: obligation.expiresOn,
      issuedAt: now,
      ...('curp' in obligor ? { curp: obligor.curp, enrollmentId: obligor.enrollmentId } : { employerRegistration: obligor.employerRegistration }),
    });
    if ('curp' in obligor) await ctx.audit.append([{ action: 'WRITE', subjectCurp: obligor.curp, what, fields: ['paymentReferences'] }], tx);
    return inserted;
  });
  ctx.released.release('PaymentReference', row.id);
  if (row.enrollmentId) ctx.released.release('Enrollment', row.enrollmentId);
  return { ...row, paid: false, payment: null };
}

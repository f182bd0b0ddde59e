/**
 * A partner bank records the payment of a reference (docs/domain.md §7, docs/security.md
 * "Idempotency keys"). The request's Idempotency-Key (signed into the identity token by the
 * gateway) and a fingerprint of its input are stored with the payment in the same transaction:
 * - same key, same input: the first result, replayed, whatever the concurrency (the key's
 *   advisory lock makes the retries wait for the first to commit; a retry after the commit is
 *   answered from the stored record without a transaction);
 * - same key, other input: IDEMPOTENCY_KEY_REUSED;
 * - another key for a paid reference: PAYMENT_REFERENCE_ALREADY_PAID (the reference row is locked
 *   FOR UPDATE, and the unique index payments_one_per_reference is the last word);
 * - a superseded reference, or one paid after its expiry day: PAYMENT_REFERENCE_EXPIRED; another
 *   amount: PAYMENT_AMOUNT_MISMATCH.
 * Refusals are not stored: a retry after one is decided again. A confirmed PTI payment opens its
 * period's coverage; a family health renewal extends the enrollment's paid year.
 */
import { randomUUID } from 'node:crypto';
import { badInput, notFound, ruleViolation } from '../../../schema/errors/client-errors.ts';
import { authorize } from '../../shared/access/index.ts';
import { issueReceipt, receiptActor, sha256Hex } from '../../shared/documents/receipts.ts';
import type { MutationRecordPaymentArgs } from '../__generated__/resolvers-types.ts';
import type { EnrollmentsContext } from '../context.ts';
import type { PaymentModel, PaymentReferenceRow, ReceiptModel } from '../mappers.ts';
import { mexicoCityDay, mexicoCityToday } from '../mexico-today.ts';
import { paymentTx } from '../payment-repository.ts';
import { recordPaymentAsBank } from '../permissions.ts';
import { pgErrorOf, txQueries } from '../repository.ts';
import { formatStoredReference } from './payment-views.ts';
import { parsePaymentReference, paymentRefusal } from '../rules/payments/index.ts';

const OPERATION = 'recordPayment';
/** A bank's clock may run a little ahead of ours; a payment further in the future is refused. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export interface RecordPaymentResult {
  payment: PaymentModel;
  receipt: ReceiptModel;
  replayed: boolean;
}

/** The request's canonical input: what a retry must repeat exactly. */
export function paymentFingerprint(input: { reference: string; amountCentavos: number; paidAt: Date }): string {
  return sha256Hex(JSON.stringify([OPERATION, input.reference, input.amountCentavos, input.paidAt.toISOString()]));
}

export async function recordPayment({ input }: MutationRecordPaymentArgs, ctx: EnrollmentsContext): Promise<RecordPaymentResult> {
  await authorize(ctx, recordPaymentAsBank(ctx), { subjectCurp: null, what: OPERATION });
  const bankId = ctx.viewer!.bankId!;
  const key = ctx.idempotencyKey;
  if (key === null) {
    throw badInput('IDEMPOTENCY_KEY_REQUIRED', 'recordPayment needs an Idempotency-Key header (1-255 printable ASCII characters), the same on every retry of one payment.', { header: 'Idempotency-Key' });
  }
  const parsed = parsePaymentReference(input.reference);
  if (!parsed.ok) throw ruleViolation(parsed.issues);
  const paidAt = input.paidAt instanceof Date ? input.paidAt : new Date(input.paidAt);
  const now = ctx.clock.now();
  if (paidAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw badInput('PAYMENT_PAID_AT_IN_FUTURE', `A payment cannot have been made in the future: paidAt ${paidAt.toISOString()} is after ${now.toISOString()}.`, { paidAt: paidAt.toISOString() });
  }
  const fingerprint = paymentFingerprint({ reference: parsed.compact, amountCentavos: input.amountCentavos, paidAt });

  // A bank's retry of a payment already recorded (after a timeout, say) is answered without a
  // transaction: a record this read sees is committed, so the first result is final. One that is
  // not there yet may be in flight: the transaction takes the key's lock and looks again.
  const committed = await ctx.payments.committedPayment(bankId, OPERATION, key);
  if (committed) {
    refuseAnotherRequest(committed.fingerprint, fingerprint);
    return answer(ctx, committed.payment, committed.receipt, true);
  }
  const outcome = await ctx.repository.transaction(async (tx) => {
    await txQueries.lock(tx, `idempotency:${bankId}:${key}`);
    const stored = await paymentTx.idempotencyRecord(tx, bankId, OPERATION, key);
    if (stored) return replayOf(stored, fingerprint);
    const obligation = await paymentTx.obligationOf(tx, parsed.compact);
    if (obligation === undefined) throw notFound('Payment reference');
    // The obligation's lock, which issuing a newer reference takes too, before the row's: a payment
    // and a re-issue of the same obligation never interleave (nor deadlock), and the row read after
    // it sees a supersession just committed.
    await txQueries.lock(tx, `obligation:${obligation}`);
    const reference = (await paymentTx.referenceForUpdate(tx, parsed.compact))!;
    const already = await paymentTx.paymentOf(tx, reference.id);
    const refusal = paymentRefusal(reference, already !== undefined, { amountCentavos: input.amountCentavos, paidOn: mexicoCityDay(paidAt) });
    if (refusal) throw badInput(refusal.code, refusal.message, refusal.details);

    const coverage = await coverageOpenedBy(tx, reference);
    const paymentId = randomUUID();
    const receipt = await issueReceipt(ctx.signer, tx, {
      procedure: 'PAYMENT',
      recordId: paymentId,
      actor: receiptActor(ctx, 'BANK'),
      recordedAt: now,
      // What the payer needs to prove the payment; nothing about who the obligor is (the bank holds this document too).
      record: {
        paymentId,
        reference: formatStoredReference(reference.reference),
        concept: reference.concept,
        period: reference.period,
        amountCentavos: input.amountCentavos,
        paidAt: paidAt.toISOString(),
        bankId,
        ...(coverage && { coverage }),
      },
    });
    const inserted = await paymentTx.insertPayment(tx, {
      id: paymentId,
      referenceId: reference.id,
      bankId,
      amountCentavos: input.amountCentavos,
      paidAt,
      recordedAt: now,
      recordedOn: mexicoCityToday(ctx.clock),
      coverageStart: coverage?.start ?? null,
      coverageEnd: coverage?.end ?? null,
      receiptFolio: receipt.folio,
    });
    await paymentTx.insertIdempotencyRecord(tx, { scope: bankId, operation: OPERATION, key, fingerprint, paymentId });
    if (reference.curp) await ctx.audit.append([{ action: 'WRITE', subjectCurp: reference.curp, what: OPERATION, fields: ['payments', 'coveragePeriods'] }], tx);
    // What was just written is the answer: the reference row is locked and unchanged by a payment.
    return { paymentId, replayed: false, recorded: { payment: { ...inserted, ref: reference }, receipt } };
  }).catch((error: unknown) => {
    if (pgErrorOf(error).constraint_name === 'payments_one_per_reference') {
      throw badInput('PAYMENT_REFERENCE_ALREADY_PAID', 'This payment reference is already paid; it cannot be paid twice.');
    }
    throw error;
  });

  if (outcome.recorded) return answer(ctx, outcome.recorded.payment, outcome.recorded.receipt, false);
  // A replay answers the first payment as stored.
  const [payment] = await ctx.payments.paymentsById([outcome.paymentId]);
  const receipt = await ctx.paymentLoaders.receiptOfRecord.load(outcome.paymentId);
  return answer(ctx, payment!, receipt, outcome.replayed);
}

/** The payment and its receipt, read or written here, released to the shield; the receipt primed for its field. */
function answer(ctx: EnrollmentsContext, payment: PaymentModel, receipt: ReceiptModel | null, replayed: boolean) {
  ctx.released.release('Payment', payment.id);
  if (receipt) {
    ctx.released.release('Receipt', receipt.folio);
    ctx.paymentLoaders.receiptOfRecord.prime(payment.id, receipt);
  }
  return { payment, receipt: receipt!, replayed };
}

/** A key answers only the request it was first used for. */
function refuseAnotherRequest(storedFingerprint: string, fingerprint: string): void {
  if (storedFingerprint !== fingerprint) {
    throw badInput('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for another request: send a new key for a new payment, or repeat the first request exactly.', { header: 'Idempotency-Key' });
  }
}

/** The stored result under a key, when the request repeats the first one exactly. */
function replayOf(stored: { fingerprint: string; paymentId: string }, fingerprint: string) {
  refuseAnotherRequest(stored.fingerprint, fingerprint);
  return { paymentId: stored.paymentId, replayed: true, recorded: null };
}

/**
 * The coverage a payment gives: a PTI period its own dates; a family health year its dates, the
 * enrollment's paid year extended when it is a renewal; employer cuotas none (an employment's
 * coverage comes from the alta).
 */
async function coverageOpenedBy(tx: Parameters<typeof paymentTx.paymentOf>[0], reference: PaymentReferenceRow): Promise<{ start: string; end: string } | null> {
  if (reference.concept === 'EMPLOYER_MONTHLY_CUOTAS' || reference.enrollmentId === null) return null;
  // A renewal extends the paid year; the UPDATE leaves an enrollment that already reaches that far.
  if (reference.concept === 'FAMILY_HEALTH_FEE') await paymentTx.extendEnrollment(tx, reference.enrollmentId, reference.periodEnd);
  return { start: reference.periodStart, end: reference.periodEnd };
}

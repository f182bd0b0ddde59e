/**
 * The SQL of payments (docs/domain.md §7): references, partner banks' payments, idempotency
 * records and the receipts register. Reads are prepared once per pool; `paymentTx` are the
 * statements recordPayment and the issuing mutations run inside their transaction.
 */
import { and, asc, eq, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { receipts } from '../../db/schema/audit.ts';
import { enrollments, idempotencyKeys, paymentReferences, payments } from '../../db/schema/enrollments.ts';
import { anyOf, onePerPool } from '../shared/sql.ts';
import type { PaymentModel, PaymentReferenceModel, PaymentReferenceRow, PaymentRow, ReceiptModel } from './mappers.ts';

export type NewPaymentReference = typeof paymentReferences.$inferInsert;
export type NewPayment = typeof payments.$inferInsert;

const receiptColumns = { folio: receipts.folio, procedure: receipts.procedure, recordedAt: receipts.recordedAt, document: receipts.document };

function createPaymentRepository({ db }: Database) {
  const referencesOf = (obligor: SQL) => db.select({ ref: paymentReferences, payment: payments }).from(paymentReferences)
    .leftJoin(payments, eq(payments.referenceId, paymentReferences.id))
    .where(obligor)
    .orderBy(asc(paymentReferences.periodStart), asc(paymentReferences.issuedAt));
  const prepared = {
    referencesByCompact: db.select({ ref: paymentReferences, payment: payments }).from(paymentReferences)
      .leftJoin(payments, eq(payments.referenceId, paymentReferences.id)).where(anyOf(paymentReferences.reference))
      .prepare('payment_references_by_compact'),
    paymentsById: db.select({ payment: payments, ref: paymentReferences }).from(payments)
      .innerJoin(paymentReferences, eq(paymentReferences.id, payments.referenceId)).where(anyOf(payments.id))
      .prepare('payments_by_id'),
    receiptsByRecord: db.select({ ...receiptColumns, recordId: receipts.recordId }).from(receipts)
      .where(and(eq(receipts.issuer, 'enrollments'), anyOf(receipts.recordId))).prepare('receipts_by_record'),
    // What verifyReceipt answers, not the document itself.
    receiptByFolio: db.select({
      folio: receipts.folio, procedure: receipts.procedure, recordedAt: receipts.recordedAt, issuer: receipts.issuer,
      actorRole: receipts.actorRole, actorOrganisation: receipts.actorOrganisation, documentSha256: receipts.documentSha256,
    }).from(receipts).where(eq(receipts.folio, sql.placeholder('folio'))).prepare('receipt_by_folio'),
    referencesOfPerson: referencesOf(eq(paymentReferences.curp, sql.placeholder('obligor'))).prepare('payment_references_of_person'),
    referencesOfEmployer: referencesOf(eq(paymentReferences.employerRegistration, sql.placeholder('obligor'))).prepare('payment_references_of_employer'),
    // The retry path in one statement: the key's fingerprint, the payment it recorded and its receipt.
    committedPayment: db.select({ fingerprint: idempotencyKeys.fingerprint, payment: payments, ref: paymentReferences, receipt: receiptColumns }).from(idempotencyKeys)
      .innerJoin(payments, eq(payments.id, idempotencyKeys.paymentId))
      .innerJoin(paymentReferences, eq(paymentReferences.id, payments.referenceId))
      .leftJoin(receipts, and(eq(receipts.issuer, 'enrollments'), sql`${receipts.recordId} = ${payments.id}::text`))
      .where(and(eq(idempotencyKeys.scope, sql.placeholder('scope')), eq(idempotencyKeys.operation, sql.placeholder('operation')), eq(idempotencyKeys.key, sql.placeholder('key'))))
      .prepare('committed_payment'),
    paymentsOfBankOn: db.select({ payment: payments, ref: paymentReferences }).from(payments)
      .innerJoin(paymentReferences, eq(paymentReferences.id, payments.referenceId))
      .where(and(eq(payments.bankId, sql.placeholder('bankId')), eq(payments.recordedOn, sql.placeholder('day'))))
      .orderBy(asc(payments.recordedAt), asc(payments.id)).prepare('payments_of_bank_on'),
  };
  const toReference = ({ ref, payment }: { ref: PaymentReferenceRow; payment: PaymentRow | null }): PaymentReferenceModel => ({ ...ref, paid: payment !== null, payment });
  const toPayment = ({ payment, ref }: { payment: PaymentRow; ref: PaymentReferenceRow }): PaymentModel => ({ ...payment, ref });

  return {
    referencesByCompact: async (compacts: readonly string[]): Promise<PaymentReferenceModel[]> =>
      (await prepared.referencesByCompact.execute({ keys: [...compacts] })).map(toReference),
    paymentsById: async (ids: readonly string[]): Promise<PaymentModel[]> => (await prepared.paymentsById.execute({ keys: [...ids] })).map(toPayment),
    /** Receipts this subgraph issued for these records (payments, enrollments, movements). */
    receiptsByRecord: (ids: readonly string[]): Promise<Array<ReceiptModel & { recordId: string }>> => prepared.receiptsByRecord.execute({ keys: [...ids] }),
    receiptByFolio: async (folio: string) => (await prepared.receiptByFolio.execute({ folio }))[0],

    /** Every reference of one obligor, with its payment, oldest period first (a debt statement filters by day). */
    referencesOfObligor: async (obligor: { curp: string } | { employerRegistration: string }): Promise<PaymentReferenceModel[]> =>
      ('curp' in obligor
        ? await prepared.referencesOfPerson.execute({ obligor: obligor.curp })
        : await prepared.referencesOfEmployer.execute({ obligor: obligor.employerRegistration })).map(toReference),

    /**
     * What a committed idempotency record answers, read outside any transaction (recordPayment's
     * retry path): the first request's fingerprint, its payment and the payment's receipt, in one
     * statement (it was three: record, payment, receipt).
     */
    committedPayment: async (scope: string, operation: string, key: string): Promise<{ fingerprint: string; payment: PaymentModel; receipt: ReceiptModel | null } | undefined> => {
      const [row] = await prepared.committedPayment.execute({ scope, operation, key });
      return row && { fingerprint: row.fingerprint, payment: toPayment(row), receipt: row.receipt };
    },

    /** One bank's payments recorded on a Mexico City day, in the order recorded. */
    paymentsOfBankOn: async (bankId: string, day: string): Promise<PaymentModel[]> =>
      (await prepared.paymentsOfBankOn.execute({ bankId, day })).map(toPayment),
  };
}

export const paymentRepository = onePerPool(createPaymentRepository);
export type PaymentRepository = ReturnType<typeof createPaymentRepository>;

/** Statements used inside the payment mutations' transactions. */
export const paymentTx = {
  idempotencyRecord: async (tx: Tx, scope: string, operation: string, key: string) =>
    (await tx.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.operation, operation), eq(idempotencyKeys.key, key))))[0],

  insertIdempotencyRecord: (tx: Tx, row: typeof idempotencyKeys.$inferInsert) => tx.insert(idempotencyKeys).values(row),

  /** The obligation a reference pays (read without a lock: the obligation's lock comes first). */
  obligationOf: async (tx: Tx, compact: string): Promise<string | undefined> =>
    (await tx.select({ obligation: paymentReferences.obligation }).from(paymentReferences).where(eq(paymentReferences.reference, compact)))[0]?.obligation,

  /** The reference, locked until the transaction ends: two banks paying it queue here. */
  referenceForUpdate: async (tx: Tx, compact: string): Promise<PaymentReferenceRow | undefined> =>
    (await tx.select().from(paymentReferences).where(eq(paymentReferences.reference, compact)).for('update'))[0],

  paymentOf: async (tx: Tx, referenceId: string): Promise<PaymentRow | undefined> =>
    (await tx.select().from(payments).where(eq(payments.referenceId, referenceId)))[0],

  insertPayment: async (tx: Tx, row: NewPayment): Promise<PaymentRow> => (await tx.insert(payments).values(row).returning())[0]!,

  /** Whether any reference of the obligation is paid. */
  obligationPaid: async (tx: Tx, obligation: string): Promise<boolean> =>
    (await tx.select({ id: payments.id }).from(payments).innerJoin(paymentReferences, eq(paymentReferences.id, payments.referenceId))
      .where(eq(paymentReferences.obligation, obligation)).limit(1)).length > 0,

  /** Marks the obligation's unpaid, unsuperseded references as superseded (a newer one replaces them). */
  supersedePending: (tx: Tx, obligation: string, at: Date) =>
    tx.update(paymentReferences).set({ supersededAt: at })
      .where(and(eq(paymentReferences.obligation, obligation), isNull(paymentReferences.supersededAt),
        sql`not exists (select 1 from ${payments} where ${payments.referenceId} = ${paymentReferences.id})`)),

  insertReference: async (tx: Tx, row: NewPaymentReference): Promise<PaymentReferenceRow> => (await tx.insert(paymentReferences).values(row).returning())[0]!,

  /** A family health renewal paid: the enrollment's paid year now ends on `endDate` (never shortened; an open one stays open). */
  extendEnrollment: (tx: Tx, id: string, endDate: string) => tx.update(enrollments).set({ endDate }).where(and(eq(enrollments.id, id), lt(enrollments.endDate, endDate))),
};

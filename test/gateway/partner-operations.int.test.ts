/**
 * A partner bank's day through the registered operations only, as in production (docs/security.md,
 * "Trusted documents"; docs/operations.md, "Partner quotas"): each sent by its id from the typed
 * client, never as text — look a reference up, record the payment with an Idempotency-Key, retry
 * it, reconcile the day, verify the receipt — and the quota report counting them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BankReconciliationDocument,
  PaymentReferenceDocument,
  RecordPaymentDocument,
  VerifyReceiptDocument,
  type BankReconciliationQuery,
  type PaymentReferenceQuery,
  type RecordPaymentMutation,
  type RecordPaymentMutationVariables,
  type VerifyReceiptQuery,
} from '../../schema/operations/partners/__generated__/graphql.ts';
import { testCurp } from '../support/enrollments.ts';
import { clientsOf, type As } from '../support/fixtures.ts';
import { gql } from '../support/graphql.ts';
import { startSeededSystem, type SeededSystem } from '../support/seeded-system.ts';

/** Midday in Mexico City, so the bank's day and the UTC day agree. */
const NOW = new Date('2026-03-10T18:00:00Z');
const idOf = (document: unknown) => (document as { __meta__: { hash: string } }).__meta__.hash;

describe("a partner bank's operations by id, in production", () => {
  let system: SeededSystem;
  let as: As;

  beforeAll(async () => {
    system = await startSeededSystem({ now: () => NOW, gatewayNow: () => NOW, env: { NODE_ENV: 'production', RATE_LIMIT_PER_MINUTE: '100000', PARTNER_QUOTAS: JSON.stringify({ 'BANK-OPS': { payments: 5 } }) } });
    as = clientsOf(system);
  });
  afterAll(() => system?.close());

  /** A PTI enrollment made at a consulate, and its first period's reference (staff: free-form, not restricted). */
  async function ptiReference(): Promise<{ reference: string; amount: number }> {
    const curp = testCurp(700);
    const staff = as('CONSULATE_STAFF', { purpose: 'VOLUNTARY_ENROLLMENT:window-1', caseFor: curp });
    const enrolled = await staff.query(gql`mutation($i: EnrollIndependentWorkerInput!) { enrollIndependentWorker(input: $i) { id } }`, {
      i: { curp, declaredMonthlyIncomeCentavos: 1_500_000, paymentPeriod: 'MONTHLY', country: 'US' },
    });
    expect(enrolled.errors).toBeUndefined();
    const issued = await staff.query(gql`mutation($i: IssueIndependentWorkerPaymentReferenceInput!) { issueIndependentWorkerPaymentReference(input: $i) { reference amountCentavos } }`, {
      i: { enrollmentId: enrolled.data?.enrollIndependentWorker.id, period: '2026-04' },
    });
    expect(issued.errors).toBeUndefined();
    return { reference: issued.data?.issueIndependentWorkerPaymentReference.reference, amount: issued.data?.issueIndependentWorkerPaymentReference.amountCentavos };
  }

  async function run<T>(document: unknown, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
    const token = await system.token('BANK', { subject: 'bank-ops', claims: { bank_id: 'BANK-OPS' } });
    return system.post(system.gateway.url, { documentId: idOf(document), variables }, { authorization: `Bearer ${token}`, ...headers }) as Promise<Awaited<ReturnType<SeededSystem['post']>> & { data?: T | null }>;
  }

  it('looks up, pays, retries, reconciles and verifies with the registered documents, counted on the quotas', async () => {
    const { reference, amount } = await ptiReference();

    const lookedUp = await run<PaymentReferenceQuery>(PaymentReferenceDocument, { reference });
    expect(lookedUp.errors).toBeUndefined();
    expect(lookedUp.data?.paymentReference).toMatchObject({ reference, amountCentavos: amount, status: 'PENDING', payment: null });

    const variables: RecordPaymentMutationVariables = { input: { reference, amountCentavos: amount, paidAt: '2026-03-10T17:00:00Z' } };
    const paid = await run<RecordPaymentMutation>(RecordPaymentDocument, variables, { 'idempotency-key': 'bank-ops/2026-03-10/1' });
    expect(paid.errors).toBeUndefined();
    expect(paid.data?.recordPayment).toMatchObject({ replayed: false, payment: { reference, amountCentavos: amount, bankId: 'BANK-OPS' }, receipt: { procedure: 'PAYMENT' } });
    const retried = await run<RecordPaymentMutation>(RecordPaymentDocument, variables, { 'idempotency-key': 'bank-ops/2026-03-10/1' });
    expect(retried.data?.recordPayment).toMatchObject({ replayed: true, payment: { id: paid.data?.recordPayment.payment.id } });

    const day = await run<BankReconciliationQuery>(BankReconciliationDocument, { bankId: 'BANK-OPS', date: '2026-03-10' });
    expect(day.errors).toBeUndefined();
    expect(day.data?.bankReconciliation).toMatchObject({ bankId: 'BANK-OPS', count: 1, totalCentavos: amount, payments: [{ id: paid.data?.recordPayment.payment.id }] });

    const folio = paid.data!.recordPayment.receipt.folio;
    const verified = await run<VerifyReceiptQuery>(VerifyReceiptDocument, { folio });
    expect(verified.errors).toBeUndefined();
    expect(verified.data?.verifyReceipt).toMatchObject({ folio, exists: true, procedure: 'PAYMENT', recordedBy: { role: 'BANK', organisation: 'BANK-OPS' } });

    // The same lookup as text is refused: only the registered documents run for a bank.
    const asText = await system.post(system.gateway.url, { query: `{ paymentReference(reference: "${reference}") { amountCentavos } }` }, { authorization: `Bearer ${await system.token('BANK', { claims: { bank_id: 'BANK-OPS' } })}` });
    expect(asText.errors?.[0]?.extensions?.code).toBe('PERSISTED_DOCUMENT_REQUIRED');

    const usage = await fetch(new URL('/partners/quota?bankId=BANK-OPS', system.gateway.url), { headers: { authorization: `Bearer ${await system.token('IMSS_OFFICER')}` } });
    // Five requests admitted, two of them payments (a retry is a payment too).
    expect(((await usage.json()) as { quotas: unknown }).quotas).toEqual({ requests: { limit: 100_000, used: 5, remaining: 99_995 }, payments: { limit: 5, used: 2, remaining: 3 } });
  });
});

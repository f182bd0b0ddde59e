/**
 * Payments through the gateway on PostgreSQL (docs/domain.md §7, docs/security.md "Partner
 * banks", "Idempotency keys"): references per obligation, a bank's lookup and payment with an
 * Idempotency-Key, retries and races, expiry, coverage opened by a payment, and what a bank sees.
 */
import { createHash } from 'node:crypto';
import { compactVerify, createLocalJWKSet } from 'jose';
import { describe, expect } from 'vitest';
import { gql } from '../../support/graphql.ts';
import { testCurp } from '../../support/enrollments.ts';
import type { As } from '../../support/fixtures.ts';
import { enrollmentsTest as it } from './support.ts';

const ENROLL_PTI = gql`mutation($i: EnrollIndependentWorkerInput!) { enrollIndependentWorker(input: $i) { id startDate independentWorker { firstPeriod { totalCentavos } } } }`;
const ISSUE_PTI = gql`mutation($i: IssueIndependentWorkerPaymentReferenceInput!) {
  issueIndependentWorkerPaymentReference(input: $i) { reference concept period periodStart periodEnd amountCentavos dueDate expiresOn status enrollment { id } }
}`;
const ISSUE_EMPLOYER = gql`mutation($i: IssueEmployerPaymentReferenceInput!) {
  issueEmployerPaymentReference(input: $i) { reference concept period amountCentavos dueDate expiresOn status employerRegistration }
}`;
const LOOKUP_AS_BANK = gql`query($r: String!) { paymentReference(reference: $r) { reference concept period periodStart periodEnd amountCentavos dueDate expiresOn status payment { id bankId } } }`;
const PAY = gql`mutation($i: RecordPaymentInput!) {
  recordPayment(input: $i) { replayed payment { id reference amountCentavos bankId concept period coveragePeriod { kind start end } } receipt { folio procedure document } }
}`;
const STAFF = { purpose: 'VOLUNTARY_ENROLLMENT:window-1' };
const codeOf = (res: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;
const bank = (as: As, key: string | null, bankId = 'BANK-001') => as('BANK', { claims: { bank_id: bankId }, headers: key === null ? {} : { 'idempotency-key': key } });

let enrolled = 400;
/** A fresh PTI enrollment (staff at a consulate, for a new person) and its first period's reference. */
async function ptiReference(as: As): Promise<{ curp: string; reference: string; amount: number; enrollmentId: string }> {
  const curp = testCurp(enrolled++);
  const staff = as('CONSULATE_STAFF', { ...STAFF, caseFor: curp });
  const enrollment = await staff.query(ENROLL_PTI, { i: { curp, declaredMonthlyIncomeCentavos: 1_500_000, paymentPeriod: 'MONTHLY', country: 'US' } });
  expect(enrollment.errors).toBeUndefined();
  const id = enrollment.data?.enrollIndependentWorker.id as string;
  const issued = await staff.query(ISSUE_PTI, { i: { enrollmentId: id, period: '2026-04' } });
  expect(issued.errors).toBeUndefined();
  const ref = issued.data?.issueIndependentWorkerPaymentReference;
  expect(ref.amountCentavos).toBe(enrollment.data?.enrollIndependentWorker.independentWorker.firstPeriod.totalCentavos);
  return { curp, reference: ref.reference, amount: ref.amountCentavos, enrollmentId: id };
}

const payment = (reference: string, amountCentavos: number, paidAt = '2026-03-10T17:00:00Z') => ({ i: { reference, amountCentavos, paidAt } });

describe('payments: references', () => {
  it('seeds the demo with a pending reference the employer sees in its debt statement and a bank can pay (README)', async ({ clock, as }) => {
    clock.set('2026-03-10');
    const statement = await as('EMPLOYER').query(gql`{ debtStatement(input: { employerRegistration: "Y1234567101" }) { obligations { period reference amountCentavos paid } } }`);
    const pending = statement.data?.debtStatement.obligations.find((o: { paid: boolean }) => !o.paid);
    expect(pending).toMatchObject({ period: '2026-02', amountCentavos: 4_821_350 });
    const paid = await bank(as, 'readme-demo').query(PAY, payment(pending.reference, 4_821_350));
    expect(paid.data?.recordPayment).toMatchObject({ replayed: false, payment: { concept: 'EMPLOYER_MONTHLY_CUOTAS', period: '2026-02', coveragePeriod: null } });
  });

  it('issues a PTI reference for the period with the first period\'s amount, due by the PTI deadline', async ({ clock, as }) => {
    clock.set('2026-03-10');
    const curp = testCurp(390);
    const staff = as('CONSULATE_STAFF', { ...STAFF, caseFor: curp });
    const enrollment = await staff.query(ENROLL_PTI, { i: { curp, declaredMonthlyIncomeCentavos: 1_500_000, paymentPeriod: 'MONTHLY', country: 'US' } });
    const res = await staff.query(ISSUE_PTI, { i: { enrollmentId: enrollment.data?.enrollIndependentWorker.id, period: '2026-04' } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.issueIndependentWorkerPaymentReference).toMatchObject({
      concept: 'INDEPENDENT_WORKER_CONTRIBUTION', period: '2026-04', periodStart: '2026-04-01', periodEnd: '2026-04-30',
      dueDate: '2026-03-20', expiresOn: '2026-03-20', status: 'PENDING', enrollment: { id: enrollment.data?.enrollIndependentWorker.id },
    });
    expect(res.data?.issueIndependentWorkerPaymentReference.reference).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{2}\d{2}$/);
    const misaligned = await staff.query(ISSUE_PTI, { i: { enrollmentId: enrollment.data?.enrollIndependentWorker.id, period: '2026-03' } });
    expect(codeOf(misaligned)).toBe('PAYMENT_PERIOD_NOT_PAYABLE');
  });

  it('dates employer cuotas on day 17 of the next month, rolled past a weekend, and accepts a late one until month end', async ({ clock, as }) => {
    clock.set('2026-03-10');
    const employer = as('EMPLOYER', { claims: { employer_registrations: ['F1234567101'] } });
    // 17 January 2026 is a Saturday: due Monday the 19th.
    const december = await employer.query(ISSUE_EMPLOYER, { i: { employerRegistration: 'F1234567101', period: '2025-12', amountCentavos: 1_234_500 } });
    expect(december.errors).toBeUndefined();
    expect(december.data?.issueEmployerPaymentReference).toMatchObject({ dueDate: '2026-01-19', expiresOn: '2026-03-31', status: 'PENDING', employerRegistration: 'F1234567101' });
    const february = await employer.query(ISSUE_EMPLOYER, { i: { employerRegistration: 'F1234567101', period: '2026-02', amountCentavos: 1_000_000 } });
    expect(february.data?.issueEmployerPaymentReference).toMatchObject({ dueDate: '2026-03-17', expiresOn: '2026-03-17' });
    const future = await employer.query(ISSUE_EMPLOYER, { i: { employerRegistration: 'F1234567101', period: '2026-04', amountCentavos: 1_000_000 } });
    expect(codeOf(future)).toBe('PAYMENT_PERIOD_NOT_PAYABLE');
    const other = await employer.query(ISSUE_EMPLOYER, { i: { employerRegistration: 'Z9999999101', period: '2026-02', amountCentavos: 1_000_000 } });
    expect(codeOf(other)).toBe('NOT_FOUND');
  });

  it('lets a bank look a reference up without showing whose obligation it is', async ({ clock, as }) => {
    clock.set('2026-03-10');
    const { reference, amount } = await ptiReference(as);
    const res = await bank(as, null).query(LOOKUP_AS_BANK, { r: reference.toLowerCase().replaceAll('-', ' ') });
    expect(res.errors).toBeUndefined();
    expect(res.data?.paymentReference).toEqual({
      reference, concept: 'INDEPENDENT_WORKER_CONTRIBUTION', period: '2026-04', periodStart: '2026-04-01', periodEnd: '2026-04-30',
      amountCentavos: amount, dueDate: '2026-03-20', expiresOn: '2026-03-20', status: 'PENDING', payment: null,
    });
    const nosy = await bank(as, null).query(gql`query($r: String!) { paymentReference(reference: $r) { amountCentavos enrollment { id person { curp } } } }`, { r: reference });
    expect(nosy.data?.paymentReference?.enrollment ?? null).toBeNull();
    expect(nosy.errors?.length).toBeGreaterThan(0);
    const typo = await bank(as, null).query(LOOKUP_AS_BANK, { r: `${reference.slice(0, -1)}${(Number(reference.slice(-1)) + 1) % 10}` });
    expect(codeOf(typo)).toBe('PAYMENT_REFERENCE_CHECK');
  });
});

describe('payments: recording with an Idempotency-Key', () => {
  it('needs the key, and refuses a malformed one at the gateway', async ({ clock, as }) => {
    clock.set('2026-03-10');
    const { reference, amount } = await ptiReference(as);
    expect(codeOf(await bank(as, null).query(PAY, payment(reference, amount)))).toBe('IDEMPOTENCY_KEY_REQUIRED');
    expect(codeOf(await bank(as, 'x'.repeat(256)).query(PAY, payment(reference, amount)))).toBe('IDEMPOTENCY_KEY_INVALID');
    expect(codeOf(await bank(as, 'tab\there').query(PAY, payment(reference, amount)))).toBe('IDEMPOTENCY_KEY_INVALID');
    expect(codeOf(await as('INSURED', { headers: { 'idempotency-key': 'k-1' } }).query(PAY, payment(reference, amount)))).toBe('FORBIDDEN');
  });

  it('records one payment for 50 concurrent retries of one request, each answered with the first result', async ({ clock, as, system }) => {
    clock.set('2026-03-10');
    const { reference, amount } = await ptiReference(as);
    const client = bank(as, 'bank-001/2026-03-10/000123');
    const results = await Promise.all(Array.from({ length: 50 }, () => client.query(PAY, payment(reference, amount))));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const ids = new Set(results.map((r) => r.data?.recordPayment.payment.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.data?.recordPayment.replayed === false)).toHaveLength(1);
    expect(new Set(results.map((r) => r.data?.recordPayment.receipt.folio)).size).toBe(1);
    const rows = await system.db.database.sql`select p.id from enrollments.payments p join enrollments.payment_references r on r.id = p.reference_id where r.reference = ${reference.replaceAll('-', '')}`;
    expect(rows).toHaveLength(1);
    const keys = await system.db.database.sql`select 1 from enrollments.idempotency_keys where key = ${'bank-001/2026-03-10/000123'}`;
    expect(keys).toHaveLength(1);
    // Later, the same retry still gets the same answer, receipt included, from one statement
    // (the key, its payment and the payment's receipt) and without a transaction.
    const counter = system.subgraphs.enrollments.database.statements;
    const before = counter.count;
    const late = await client.query(PAY, payment(reference, amount));
    expect(counter.count - before).toBe(1);
    expect(late.data?.recordPayment).toMatchObject({ replayed: true, payment: { id: [...ids][0] }, receipt: { folio: results[0]!.data?.recordPayment.receipt.folio } });
  });

  it('refuses the same key with another body, and another key for a paid reference', async ({ clock, as }) => {
    clock.set('2026-03-10');
    const { reference, amount } = await ptiReference(as);
    expect((await bank(as, 'key-A').query(PAY, payment(reference, amount))).errors).toBeUndefined();
    expect(codeOf(await bank(as, 'key-A').query(PAY, payment(reference, amount, '2026-03-10T17:00:01Z')))).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(codeOf(await bank(as, 'key-B').query(PAY, payment(reference, amount)))).toBe('PAYMENT_REFERENCE_ALREADY_PAID');
    // Keys are per bank: another bank's key-A is its own (and the reference is paid).
    expect(codeOf(await bank(as, 'key-A', 'BANK-002').query(PAY, payment(reference, amount)))).toBe('PAYMENT_REFERENCE_ALREADY_PAID');
  });

  it('records exactly one of two concurrent payments of one reference with two keys', async ({ clock, as, system }) => {
    clock.set('2026-03-10');
    for (let round = 0; round < 5; round++) {
      const { reference, amount } = await ptiReference(as);
      const [a, b] = await Promise.all([bank(as, `double-${round}-a`).query(PAY, payment(reference, amount)), bank(as, `double-${round}-b`, 'BANK-002').query(PAY, payment(reference, amount))]);
      const codes = [a, b].map((r) => codeOf(r) ?? 'OK').sort();
      expect(codes).toEqual(['OK', 'PAYMENT_REFERENCE_ALREADY_PAID']);
      const rows = await system.db.database.sql`select 1 from enrollments.payments p join enrollments.payment_references r on r.id = p.reference_id where r.reference = ${reference.replaceAll('-', '')}`;
      expect(rows).toHaveLength(1);
    }
  });

  it('refuses another amount, a payment after the expiry day and a payment dated in the future', async ({ clock, as }) => {
    clock.set('2026-03-10');
    const { reference, amount } = await ptiReference(as);
    const wrong = await bank(as, 'amount-1').query(PAY, payment(reference, amount - 1));
    expect(codeOf(wrong)).toBe('PAYMENT_AMOUNT_MISMATCH');
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ expected: amount, paid: amount - 1 });
    expect(codeOf(await bank(as, 'future-1').query(PAY, payment(reference, amount, '2026-03-11T18:00:00Z')))).toBe('PAYMENT_PAID_AT_IN_FUTURE');
    clock.set('2026-03-21');
    const late = await bank(as, 'late-1').query(PAY, payment(reference, amount, '2026-03-21T17:00:00Z'));
    expect(codeOf(late)).toBe('PAYMENT_REFERENCE_EXPIRED');
    expect((await bank(as, null).query(LOOKUP_AS_BANK, { r: reference })).data?.paymentReference.status).toBe('EXPIRED');
    // Paid on the expiry day and reported the next day: on time.
    const onTime = await bank(as, 'late-2').query(PAY, payment(reference, amount, '2026-03-20T23:00:00Z'));
    expect(onTime.errors).toBeUndefined();
  });

  it('settles a race between re-issuing a reference (which expires the old one) and paying the old one: exactly one wins', async ({ clock, as }) => {
    clock.set('2026-03-10');
    for (let round = 0; round < 5; round++) {
      const { curp, reference, amount, enrollmentId } = await ptiReference(as);
      const staff = as('CONSULATE_STAFF', { ...STAFF, caseFor: curp });
      const [paid, reissued] = await Promise.all([
        bank(as, `race-${round}`).query(PAY, payment(reference, amount)),
        staff.query(ISSUE_PTI, { i: { enrollmentId, period: '2026-04' } }),
      ]);
      const outcome = [codeOf(paid) ?? 'PAID', codeOf(reissued) ?? 'REISSUED'].sort();
      expect([['OBLIGATION_ALREADY_PAID', 'PAID'], ['PAYMENT_REFERENCE_EXPIRED', 'REISSUED']]).toContainEqual(outcome);
      const old = (await bank(as, null).query(LOOKUP_AS_BANK, { r: reference })).data?.paymentReference.status;
      expect(old).toBe(outcome.includes('PAID') ? 'PAID' : 'EXPIRED');
    }
  });
});

describe('payments: coverage and what a bank sees', () => {
  it('opens the paid PTI period as coverage: none before the payment, the period after it', async ({ clock, as }) => {
    clock.set('2026-03-10');
    const insured = as('INSURED');
    const enrollment = await insured.query(ENROLL_PTI, { i: { declaredMonthlyIncomeCentavos: 1_500_000, paymentPeriod: 'MONTHLY', country: 'MX' } });
    expect(enrollment.errors).toBeUndefined();
    const issued = await insured.query(ISSUE_PTI, { i: { enrollmentId: enrollment.data?.enrollIndependentWorker.id, period: '2026-04' } });
    const { reference, amountCentavos } = issued.data?.issueIndependentWorkerPaymentReference;
    const before = await insured.query(gql`{ me { coveragePeriods { kind start end } } }`);
    expect(before.data?.me.coveragePeriods.filter((p: { kind: string }) => p.kind === 'INDEPENDENT_WORKER')).toEqual([]);
    const paid = await bank(as, 'coverage-1').query(PAY, payment(reference, amountCentavos));
    expect(paid.data?.recordPayment.payment.coveragePeriod).toEqual({ kind: 'INDEPENDENT_WORKER', start: '2026-04-01', end: '2026-04-30' });
    const after = await insured.query(gql`{ me { coveragePeriods { kind start end } } }`);
    expect(after.data?.me.coveragePeriods).toContainEqual({ kind: 'INDEPENDENT_WORKER', start: '2026-04-01', end: '2026-04-30' });
  });

  it('shows a bank only its own payments: another bank sees the reference paid, not the payment', async ({ clock, as }) => {
    clock.set('2026-03-10');
    const { reference, amount } = await ptiReference(as);
    const paid = await bank(as, 'scoping-1').query(PAY, payment(reference, amount));
    const mine = await bank(as, null).query(LOOKUP_AS_BANK, { r: reference });
    expect(mine.data?.paymentReference).toMatchObject({ status: 'PAID', payment: { id: paid.data?.recordPayment.payment.id, bankId: 'BANK-001' } });
    const theirs = await bank(as, null, 'BANK-002').query(LOOKUP_AS_BANK, { r: reference });
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data?.paymentReference).toMatchObject({ status: 'PAID', payment: null });
  });
});

describe('receipts (acuses)', () => {
  const jwksOf = async (system: { gateway: { url: string } }) =>
    createLocalJWKSet({ keys: ((await (await fetch(new URL('/.well-known/jwks.json', system.gateway.url))).json()) as { keys: never[] }).keys });

  it('signs a payment receipt that verifies offline with the published JWKS, names the bank, and fails when tampered with', async ({ clock, as, system }) => {
    clock.set('2026-03-10');
    const { reference, amount, curp } = await ptiReference(as);
    const paid = await bank(as, 'receipt-1').query(PAY, payment(reference, amount));
    const receipt = paid.data?.recordPayment.receipt;
    expect(receipt).toMatchObject({ procedure: 'PAYMENT', folio: expect.stringMatching(/^ACU(-[0-9A-Z]{4}){6}$/) });
    const jwks = await jwksOf(system);
    const { payload, protectedHeader } = await compactVerify(receipt.document, jwks);
    expect(protectedHeader).toMatchObject({ alg: 'ES256', typ: 'imss-receipt+jwt', kid: expect.any(String) });
    const claims = JSON.parse(new TextDecoder().decode(payload));
    expect(claims).toMatchObject({ iss: 'imss-federation:enrollments', sub: receipt.folio });
    expect(claims.receipt).toMatchObject({
      folio: receipt.folio, procedure: 'PAYMENT', recordedBy: { role: 'BANK', organisation: 'BANK-001' },
      record: { reference, amountCentavos: amount, concept: 'INDEPENDENT_WORKER_CONTRIBUTION', period: '2026-04', bankId: 'BANK-001' },
    });
    // The bank holds this document: it does not say whose obligation was paid.
    expect(new TextDecoder().decode(payload)).not.toContain(curp);
    const [header, body, signature] = receipt.document.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, receipt: { ...claims.receipt, record: { ...claims.receipt.record, amountCentavos: 1 } } })).toString('base64url');
    await expect(compactVerify(`${header}.${forged}.${signature}`, jwks)).rejects.toThrow();
  });

  it('gives every enrollment and movement an acuse by role and organisation, never the staff member', async ({ clock, as, system }) => {
    clock.set('2026-03-10');
    const curp = testCurp(480);
    const staff = as('CONSULATE_STAFF', { ...STAFF, caseFor: curp, subject: 'staff-member-maria' });
    const enrolled = await staff.query(gql`mutation($i: EnrollIndependentWorkerInput!) { enrollIndependentWorker(input: $i) { id receipt { folio procedure document } } }`,
      { i: { curp, declaredMonthlyIncomeCentavos: 1_500_000, paymentPeriod: 'MONTHLY', country: 'US' } });
    expect(enrolled.errors).toBeUndefined();
    const receipt = enrolled.data?.enrollIndependentWorker.receipt;
    expect(receipt.procedure).toBe('INDEPENDENT_WORKER_ENROLLMENT');
    const { payload } = await compactVerify(receipt.document, await jwksOf(system));
    const text = new TextDecoder().decode(payload);
    expect(JSON.parse(text).receipt).toMatchObject({ recordedBy: { role: 'CONSULATE_STAFF', organisation: 'CON-LAX' }, record: { curp, enrollmentId: enrolled.data?.enrollIndependentWorker.id } });
    expect(text).not.toContain('staff-member-maria');
  });

  it('verifies a folio for any signed-in caller without personal data, and says when it does not exist', async ({ clock, as }) => {
    clock.set('2026-03-10');
    const { reference, amount } = await ptiReference(as);
    const paid = await bank(as, 'verify-1').query(PAY, payment(reference, amount));
    const { folio, document } = paid.data?.recordPayment.receipt;
    const VERIFY = gql`query($f: String!) { verifyReceipt(folio: $f) { folio exists procedure recordedAt issuer recordedBy { role organisation } documentSha256 } }`;
    const res = await as('ANALYST').query(VERIFY, { f: folio.toLowerCase() });
    expect(res.errors).toBeUndefined();
    expect(res.data?.verifyReceipt).toMatchObject({
      folio, exists: true, procedure: 'PAYMENT', issuer: 'enrollments', recordedBy: { role: 'BANK', organisation: 'BANK-001' },
      documentSha256: createHash('sha256').update(document).digest('hex'),
    });
    const unknown = await as('INSURED').query(VERIFY, { f: 'ACU-0000-0000-0000-0000-0000-0000' });
    expect(unknown.data?.verifyReceipt).toEqual({ folio: 'ACU-0000-0000-0000-0000-0000-0000', exists: false, procedure: null, recordedAt: null, issuer: null, recordedBy: null, documentSha256: null });
    expect(codeOf(await as('ANONYMOUS').query(VERIFY, { f: folio }))).toBe('FORBIDDEN');
  });
});

describe('payments: debt statement and reconciliation', () => {
  const STATEMENT = gql`query($i: DebtStatementInput!) { debtStatement(input: $i) {
    asOf totalOwedCentavos totalPaidCentavos totalOverdueCentavos
    obligations { concept period amountCentavos dueDate paid paidOn overdue }
    payments { amountCentavos bankId period }
  } }`;

  it("states an employer's obligations as of a day: overdue when unpaid after the due date, paid once the bank recorded it", async ({ clock, as }) => {
    clock.set('2026-03-10');
    const employer = as('EMPLOYER', { claims: { employer_registrations: ['D1234567101'] } });
    const january = await employer.query(ISSUE_EMPLOYER, { i: { employerRegistration: 'D1234567101', period: '2026-01', amountCentavos: 500_000 } });
    const february = await employer.query(ISSUE_EMPLOYER, { i: { employerRegistration: 'D1234567101', period: '2026-02', amountCentavos: 700_000 } });
    expect(january.errors ?? february.errors).toBeUndefined();
    const paid = await bank(as, 'statement-1').query(PAY, payment(february.data?.issueEmployerPaymentReference.reference, 700_000));
    expect(paid.errors).toBeUndefined();
    const now = await employer.query(STATEMENT, { i: { employerRegistration: 'D1234567101' } });
    expect(now.errors).toBeUndefined();
    expect(now.data?.debtStatement).toMatchObject({
      asOf: '2026-03-10', totalOwedCentavos: 500_000, totalPaidCentavos: 700_000, totalOverdueCentavos: 500_000,
      obligations: [
        { concept: 'EMPLOYER_MONTHLY_CUOTAS', period: '2026-01', amountCentavos: 500_000, dueDate: '2026-02-17', paid: false, paidOn: null, overdue: true },
        { concept: 'EMPLOYER_MONTHLY_CUOTAS', period: '2026-02', amountCentavos: 700_000, dueDate: '2026-03-17', paid: true, paidOn: '2026-03-10', overdue: false },
      ],
      payments: [{ amountCentavos: 700_000, bankId: 'BANK-001', period: '2026-02' }],
    });
    // The day before: nothing was issued yet.
    const before = await employer.query(STATEMENT, { i: { employerRegistration: 'D1234567101', asOf: '2026-03-09' } });
    expect(before.data?.debtStatement).toMatchObject({ obligations: [], payments: [], totalOwedCentavos: 0 });
    // Another employer gets an empty statement, like a registration without obligations.
    const other = await as('EMPLOYER').query(STATEMENT, { i: { employerRegistration: 'D1234567101' } });
    expect(other.data?.debtStatement).toMatchObject({ obligations: [], payments: [] });
    expect(codeOf(await employer.query(STATEMENT, { i: {} }))).toBe('DEBT_STATEMENT_OBLIGOR');
  });

  it("reconciles one bank's day: its payments and totals per concept, for that bank and IMSS officers only", async ({ clock, as }) => {
    clock.set('2026-03-12');
    const employer = as('EMPLOYER', { claims: { employer_registrations: ['E1234567101'] } });
    const cuotas = await employer.query(ISSUE_EMPLOYER, { i: { employerRegistration: 'E1234567101', period: '2026-02', amountCentavos: 900_000 } });
    const pti = await ptiReference(as);
    await bank(as, 'recon-1', 'BANK-007').query(PAY, payment(cuotas.data?.issueEmployerPaymentReference.reference, 900_000, '2026-03-12T16:00:00Z'));
    await bank(as, 'recon-2', 'BANK-007').query(PAY, payment(pti.reference, pti.amount, '2026-03-12T16:30:00Z'));
    const RECON = gql`query($b: ID!, $d: Date!) { bankReconciliation(bankId: $b, date: $d) { bankId date count totalCentavos byConcept { concept count totalCentavos } payments { reference bankId } } }`;
    const own = await bank(as, null, 'BANK-007').query(RECON, { b: 'BANK-007', d: '2026-03-12' });
    expect(own.errors).toBeUndefined();
    expect(own.data?.bankReconciliation).toMatchObject({
      bankId: 'BANK-007', date: '2026-03-12', count: 2, totalCentavos: 900_000 + pti.amount,
      byConcept: [{ concept: 'EMPLOYER_MONTHLY_CUOTAS', count: 1, totalCentavos: 900_000 }, { concept: 'INDEPENDENT_WORKER_CONTRIBUTION', count: 1, totalCentavos: pti.amount }],
    });
    expect(own.data?.bankReconciliation.payments.map((p: { reference: string }) => p.reference).sort()).toEqual([cuotas.data?.issueEmployerPaymentReference.reference, pti.reference].sort());
    const officer = await as('IMSS_OFFICER', { purpose: 'NSS_ASSISTANCE:recon' }).query(RECON, { b: 'BANK-007', d: '2026-03-12' });
    expect(officer.data?.bankReconciliation.count).toBe(2);
    expect(codeOf(await bank(as, null, 'BANK-001').query(RECON, { b: 'BANK-007', d: '2026-03-12' }))).toBe('FORBIDDEN');
    expect((await bank(as, null, 'BANK-007').query(RECON, { b: 'BANK-007', d: '2026-03-11' })).data?.bankReconciliation.count).toBe(0);
  });

  it('extends a family health enrollment by a year when its renewal is paid', async ({ clock, as, system }) => {
    clock.set('2026-03-10');
    const holder = testCurp(470, '1980-05-05');
    const staff = as('CONSULATE_STAFF', { ...STAFF, caseFor: holder });
    const enrolled = await staff.query(gql`mutation($i: EnrollFamilyHealthInput!) { enrollFamilyHealth(input: $i) { enrollment { id startDate endDate } receipt { procedure } } }`,
      { i: { holderCurp: holder, country: 'US', members: [{ curp: holder, relationship: 'HOLDER', declaredConditions: [] }] } });
    expect(enrolled.errors).toBeUndefined();
    const { id, endDate } = enrolled.data?.enrollFamilyHealth.enrollment;
    expect(enrolled.data?.enrollFamilyHealth.receipt.procedure).toBe('FAMILY_HEALTH_ENROLLMENT');
    const renewal = await staff.query(gql`mutation($i: IssueFamilyHealthPaymentReferenceInput!) { issueFamilyHealthPaymentReference(input: $i) { reference periodStart periodEnd dueDate amountCentavos } }`, { i: { enrollmentId: id, renewal: true } });
    expect(renewal.errors).toBeUndefined();
    const ref = renewal.data?.issueFamilyHealthPaymentReference;
    expect(ref).toMatchObject({ periodStart: '2027-04-01', periodEnd: '2028-03-31', dueDate: '2027-04-01' });
    expect(endDate).toBe('2027-03-31');
    const paid = await bank(as, 'renewal-1').query(PAY, payment(ref.reference, ref.amountCentavos));
    expect(paid.data?.recordPayment.payment.coveragePeriod).toEqual({ kind: 'FAMILY_HEALTH', start: '2027-04-01', end: '2028-03-31' });
    const [row] = await system.db.database.sql<{ end_date: string }[]>`select end_date::text from enrollments.enrollments where id = ${id}`;
    expect(row?.end_date).toBe('2028-03-31');
  });
});

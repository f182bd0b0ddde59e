/** Matrix rows of the enrollments subgraph, and the fixtures its mutation rows need. */
import { carryReferenceTablesForward, identityAssertion, testCurp } from '../../support/enrollments.ts';
import type { SeededSystem } from '../../support/seeded-system.ts';
import { newPaymentReference } from '../../../subgraphs/enrollments/rules/payments/index.ts';
import { ACTORS, SIGNED_IN, type Actor, type EnrollmentsMatrixFixtures, type Operation, type PaymentsMatrixFixtures } from './types.ts';

/** A CURP for this actor and row alone, so that one actor's enrollment never blocks another's. */
const curpFor = (actor: Actor, row: number) => testCurp(1000 + row * ACTORS.length + ACTORS.indexOf(actor));

/**
 * The matrix runs on the real clock: reference tables are carried forward past the seeded ones
 * (test fixture), two open employments are set up under the demo registration, and the dev
 * employer gets an identity assertion as the biometrics subgraph would issue it.
 */
export async function prepareEnrollmentsMatrix(system: SeededSystem): Promise<EnrollmentsMatrixFixtures> {
  await carryReferenceTablesForward(system.db.database);
  const salaryChangeWorker = testCurp(900);
  const bajaWorker = testCurp(901);
  for (const curp of [salaryChangeWorker, bajaWorker]) {
    await system.db.database.sql`insert into enrollments.enrollments (curp, kind, modality, employer_registration, start_date)
      values (${curp}, 'EMPLOYMENT', '10', 'Y1234567101', '2026-01-05')`;
  }
  return { employerAssertion: await identityAssertion(system, { expiresInSeconds: 3600 }), salaryChangeWorker, bajaWorker, payments: await preparePaymentsMatrix(system) };
}

/** The payment rows' person: the insured themself for INSURED, else a person of the actor's own. */
const paymentSubject = (s: { insuredCurp: string }, actor: Actor) => (actor === 'INSURED' ? s.insuredCurp : curpFor(actor, 20));

/**
 * References, a paid one, enrollments to issue references for and a registered receipt, on the
 * real clock: the PTI and family health enrollments start the month after next, so their first
 * payment is always still due.
 */
async function preparePaymentsMatrix(system: SeededSystem): Promise<PaymentsMatrixFixtures> {
  const { sql } = system.db.database;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date());
  const monthAfter = (n: number) => {
    const [y, m] = today.split('-').map(Number) as [number, number];
    const index = y * 12 + (m - 1) + n;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  };
  const start = `${monthAfter(2)}-01`;
  const yearEnd = `${Number(start.slice(0, 4)) + 1}${start.slice(4, 8)}01`;
  // Family health a year later: clear of the year the enrollFamilyHealth row enrolls the insured for.
  const familyStart = `${monthAfter(14)}-01`;
  const familyEnd = `${Number(familyStart.slice(0, 4)) + 1}${familyStart.slice(4, 8)}01`;
  const pti = new Map<Actor, string>();
  const family = new Map<Actor, string>();
  for (const actor of ACTORS) {
    const curp = paymentSubject(system, actor);
    const [p] = await sql<{ id: string }[]>`insert into enrollments.enrollments (curp, kind, modality, start_date, end_date)
      values (${curp}, 'INDEPENDENT_WORKER', '44', ${start}, ${yearEnd}::date - 1) returning id`;
    await sql`insert into enrollments.independent_worker_enrollments (enrollment_id, declared_monthly_income_centavos, payment_period, wage_zone, first_payment_deadline)
      values (${p!.id}, 1500000, 'MONTHLY', 'GENERAL', ${start}::date - 1)`;
    const [f] = await sql<{ id: string }[]>`insert into enrollments.enrollments (curp, kind, modality, start_date, end_date)
      values (${curp}, 'FAMILY_HEALTH', '33', ${familyStart}, ${familyEnd}::date - 1) returning id`;
    await sql`insert into enrollments.family_health_enrollments (enrollment_id, payment_date, total_annual_fee_centavos, fees_confirmed) values (${f!.id}, ${today}, 1380000, true)`;
    await sql`insert into enrollments.family_health_members (enrollment_id, curp, relationship, age_on_payment, age_band, annual_fee_centavos) values (${f!.id}, ${curp}, 'HOLDER', 40, '40-49', 1380000)`;
    pti.set(actor, p!.id);
    family.set(actor, f!.id);
  }
  const reference = async (row: { concept: string; curp?: string; enrollmentId?: string; registration?: string; amount: number }) => {
    const written = newPaymentReference();
    const [r] = await sql<{ id: string }[]>`insert into enrollments.payment_references
        (reference, concept, obligation, period, period_start, period_end, amount_centavos, due_date, expires_on, curp, employer_registration, enrollment_id)
      values (${written.replaceAll('-', '')}, ${row.concept}, ${`MATRIX:${written}`}, ${monthAfter(2)}, ${start}, ${start}::date + 29, ${row.amount},
        ${start}::date - 1, ${start}::date - 1, ${row.curp ?? null}, ${row.registration ?? null}, ${row.enrollmentId ?? null}) returning id`;
    return { written, id: r!.id };
  };
  const insured = { concept: 'INDEPENDENT_WORKER_CONTRIBUTION', curp: system.insuredCurp, enrollmentId: pti.get('INSURED')!, amount: 123_456 };
  const personReference = await reference(insured);
  const employerReference = await reference({ concept: 'EMPLOYER_MONTHLY_CUOTAS', registration: 'Y1234567101', amount: 2_000_000 });
  const payable = await reference(insured);
  const paid = await reference(insured);
  await sql`insert into enrollments.payments (reference_id, bank_id, amount_centavos, paid_at, recorded_at, recorded_on, receipt_folio)
    values (${paid.id}, 'BANK-002', 123456, now(), now(), ${today}, 'ACU-MATR-XX00-0000-0000-0000-0001')`;
  const folio = 'ACU-MATR-XX00-0000-0000-0000-0002';
  await sql`insert into audit.receipts (folio, procedure, issuer, record_id, recorded_at, actor_role, actor_organisation, document, document_sha256)
    values (${folio}, 'PAYMENT', 'enrollments', 'matrix', now(), 'BANK', 'BANK-002', 'not-a-jws', ${'0'.repeat(64)})`;
  return {
    personReference: personReference.written, employerReference: employerReference.written, paidByOtherBank: paid.written,
    payable: { reference: payable.written, amountCentavos: 123_456 },
    ptiEnrollmentOf: (actor) => pti.get(actor)!, familyHealthEnrollmentOf: (actor) => family.get(actor)!,
    ptiPeriod: monthAfter(2), thisMonth: monthAfter(0), today, folio,
  };
}

const STAFF: readonly Actor[] = ['CONSULATE_STAFF', 'IMSS_OFFICER'];
const ptiInput = (curp: string | null) => `{ ${curp ? `curp: "${curp}", ` : ''}declaredMonthlyIncomeCentavos: 1500000, paymentPeriod: MONTHLY, country: "US" }`;
const familyInput = (holder: string | null, self: string) =>
  `{ ${holder ? `holderCurp: "${holder}", ` : ''}country: "MX", members: [{ curp: "${self}", relationship: HOLDER, declaredConditions: [] }] }`;

export const enrollmentsOperations: Operation[] = [
  { name: 'Person.enrollments (entity path persons → enrollments)', subject: (s) => s.insuredCurp, procedure: 'VOLUNTARY_ENROLLMENT',  covers: [], query: (s) => `{ person(curp: "${s.insuredCurp}") { enrollments { kind } } }`, granted: (d) => d?.person?.enrollments?.length > 0, allowed: ['INSURED', 'CONSULATE_STAFF', 'IMSS_OFFICER'] },
  { name: "Enrollment.movements (an employer's reports, entity path)", subject: (s) => s.insuredCurp, procedure: 'VOLUNTARY_ENROLLMENT',  covers: [], query: (s) => `{ person(curp: "${s.insuredCurp}") { enrollments { movements { kind filedOn } } } }`, granted: (d) => (d?.person?.enrollments ?? []).some((e: any) => e?.movements?.length > 0), allowed: ['INSURED', 'CONSULATE_STAFF', 'IMSS_OFFICER'] },
  { name: 'enrollmentStatistics', covers: ['Query.enrollmentStatistics'], query: () => `{ enrollmentStatistics { kind count suppressed } }`, granted: (d) => d?.enrollmentStatistics?.length > 0, allowed: ['ANALYST'] },
  { name: 'enrollmentStatisticsTable', covers: ['Query.enrollmentStatisticsTable'], query: () => `{ enrollmentStatisticsTable(dimensions: [CONSULATE, SEX]) { cells { count suppressed } grandTotal { count } } }`, granted: (d) => d?.enrollmentStatisticsTable?.cells?.length > 0, allowed: ['ANALYST'] },
  { name: 'employerEnrollments', covers: ['Query.employerEnrollments'], query: () => `{ employerEnrollments { id person { curp } } }`, granted: (d) => d?.employerEnrollments?.length > 0, allowed: ['EMPLOYER'] },
  { name: "employerEnrollments of another employer's registration", covers: ['Query.employerEnrollments'], query: () => `{ employerEnrollments(registration: "B9876543101") { id } }`, granted: (d) => d?.employerEnrollments?.length > 0, allowed: [] },
  { name: "employer reading its workers' movements", covers: [], query: () => `{ employerEnrollments { movements { kind } } }`, granted: (d) => (d?.employerEnrollments ?? []).some((e: any) => e?.movements?.length > 0), allowed: ['EMPLOYER'] },
  { name: 'employer reaching person data through its workers', covers: [], query: () => `{ employerEnrollments { person { nss givenNames biometricStatus { consentInForce } } } }`, granted: (d) => (d?.employerEnrollments ?? []).some((e: any) => e?.person?.nss || e?.person?.biometricStatus), allowed: [] },
  { name: "employer reading its worker's coverage periods (other employers' included)", covers: [], query: () => `{ employerEnrollments { person { coveragePeriods { start } } } }`, granted: (d) => (d?.employerEnrollments ?? []).some((e: any) => e?.person?.coveragePeriods?.length > 0), allowed: [] },
  { name: 'referenceValues (public)', covers: ['Query.referenceValues'], query: () => `{ referenceValues(date: "2026-06-01") { uma { dailyCentavos } minimumWage { generalDailyCentavos } } }`, granted: (d) => d?.referenceValues?.uma?.dailyCentavos > 0, allowed: ACTORS },
  { name: 'independentWorkerQuote (public)', covers: ['Query.independentWorkerQuote'], query: () => `{ independentWorkerQuote(input: { declaredMonthlyIncomeCentavos: 1500000, paymentPeriod: MONTHLY }) { paymentDeadline contribution { totalCentavos } } }`, granted: (d) => d?.independentWorkerQuote?.contribution?.totalCentavos > 0, allowed: ACTORS },
  { name: 'familyHealthQuote (public)', covers: ['Query.familyHealthQuote'], query: () => `{ familyHealthQuote(input: { members: [{ birthDate: "1980-01-01" }], paymentDate: "2026-06-01" }) { totalCentavos } }`, granted: (d) => d?.familyHealthQuote?.totalCentavos > 0, allowed: ACTORS },
  { name: 'enrollIndependentWorker (oneself, or staff for the person served)', subject: (_s, actor) => curpFor(actor, 1), procedure: 'VOLUNTARY_ENROLLMENT',  covers: ['Mutation.enrollIndependentWorker'], query: (s, actor) => `mutation { enrollIndependentWorker(input: ${ptiInput(actor === 'INSURED' ? null : curpFor(actor, 1))}) { id } }`, granted: (d) => Boolean(d?.enrollIndependentWorker?.id), allowed: ['INSURED', ...STAFF] },
  { name: 'enrollIndependentWorker for someone else', subject: (_s, actor) => curpFor(actor, 2), procedure: 'VOLUNTARY_ENROLLMENT',  covers: ['Mutation.enrollIndependentWorker'], query: (_s, actor) => `mutation { enrollIndependentWorker(input: ${ptiInput(curpFor(actor, 2))}) { id } }`, granted: (d) => Boolean(d?.enrollIndependentWorker?.id), allowed: STAFF },
  { name: 'enrollFamilyHealth (one\'s own family, or staff for the holder served)', subject: (_s, actor) => curpFor(actor, 3), procedure: 'VOLUNTARY_ENROLLMENT',  covers: ['Mutation.enrollFamilyHealth'], query: (s, actor) => `mutation { enrollFamilyHealth(input: ${actor === 'INSURED' ? familyInput(null, s.insuredCurp) : familyInput(curpFor(actor, 3), curpFor(actor, 3))}) { enrollment { id } } }`, granted: (d) => Boolean(d?.enrollFamilyHealth?.enrollment?.id), allowed: ['INSURED', ...STAFF] },
  { name: 'enrollFamilyHealth for someone else', subject: (_s, actor) => curpFor(actor, 4), procedure: 'VOLUNTARY_ENROLLMENT',  covers: ['Mutation.enrollFamilyHealth'], query: (_s, actor) => `mutation { enrollFamilyHealth(input: ${familyInput(curpFor(actor, 4), curpFor(actor, 4))}) { enrollment { id } } }`, granted: (d) => Boolean(d?.enrollFamilyHealth?.enrollment?.id), allowed: STAFF },
  { name: 'fileAlta (verified employer, own registration)', covers: ['Mutation.fileAlta'], query: (s, actor) => `mutation { fileAlta(input: { employerRegistration: "Y12-34567-10-1", curp: "${curpFor(actor, 5)}", startDate: "2026-06-01", dailyBaseSalaryCentavos: 50000, wageZone: GENERAL, identityAssertion: "${s.enrollments.employerAssertion}" }) { id late } }`, granted: (d) => Boolean(d?.fileAlta?.id), allowed: ['EMPLOYER'] },
  { name: "fileAlta under another employer's registration", covers: ['Mutation.fileAlta'], query: (s, actor) => `mutation { fileAlta(input: { employerRegistration: "B9876543101", curp: "${curpFor(actor, 6)}", startDate: "2026-06-01", dailyBaseSalaryCentavos: 50000, wageZone: GENERAL, identityAssertion: "${s.enrollments.employerAssertion}" }) { id } }`, granted: (d) => Boolean(d?.fileAlta?.id), allowed: [] },
  { name: 'fileSalaryChange', covers: ['Mutation.fileSalaryChange'], query: (s) => `mutation { fileSalaryChange(input: { employerRegistration: "Y1234567101", curp: "${s.enrollments.salaryChangeWorker}", changeDate: "2026-06-15", dailyBaseSalaryCentavos: 60000, wageZone: GENERAL, identityAssertion: "${s.enrollments.employerAssertion}" }) { id } }`, granted: (d) => Boolean(d?.fileSalaryChange?.id), allowed: ['EMPLOYER'] },
  { name: 'fileBaja', covers: ['Mutation.fileBaja'], query: (s) => `mutation { fileBaja(input: { employerRegistration: "Y1234567101", curp: "${s.enrollments.bajaWorker}", terminationDate: "2026-07-31", cause: "2", identityAssertion: "${s.enrollments.employerAssertion}" }) { id effectiveDate } }`, granted: (d) => Boolean(d?.fileBaja?.id), allowed: ['EMPLOYER'] },
  // Payments (docs/security.md, "Partner banks").
  { name: 'paymentReference of a person\'s obligation', subject: (s) => s.insuredCurp, procedure: 'VOLUNTARY_ENROLLMENT', covers: ['Query.paymentReference'], query: (s) => `{ paymentReference(reference: "${s.enrollments.payments.personReference}") { amountCentavos status } }`, granted: (d) => d?.paymentReference?.amountCentavos > 0, allowed: ['INSURED', 'BANK', ...STAFF] },
  { name: 'paymentReference: who owes it (not for a bank)', subject: (s) => s.insuredCurp, procedure: 'VOLUNTARY_ENROLLMENT', covers: ['Query.paymentReference'], query: (s) => `{ paymentReference(reference: "${s.enrollments.payments.personReference}") { enrollment { id } } }`, granted: (d) => Boolean(d?.paymentReference?.enrollment?.id), allowed: ['INSURED', ...STAFF] },
  { name: 'paymentReference of employer cuotas', covers: ['Query.paymentReference'], query: (s) => `{ paymentReference(reference: "${s.enrollments.payments.employerReference}") { amountCentavos } }`, granted: (d) => d?.paymentReference?.amountCentavos > 0, allowed: ['EMPLOYER', 'BANK', 'IMSS_OFFICER'] },
  { name: "paymentReference paid through another bank: the payment", subject: (s) => s.insuredCurp, procedure: 'VOLUNTARY_ENROLLMENT', covers: ['Query.paymentReference'], query: (s) => `{ paymentReference(reference: "${s.enrollments.payments.paidByOtherBank}") { status payment { id amountCentavos } } }`, granted: (d) => Boolean(d?.paymentReference?.payment?.id), allowed: ['INSURED', ...STAFF] },
  { name: 'recordPayment (banks, with an Idempotency-Key)', covers: ['Mutation.recordPayment'], headers: (_s, actor) => ({ 'idempotency-key': `matrix-${actor}` }), query: (s) => `mutation { recordPayment(input: { reference: "${s.enrollments.payments.payable.reference}", amountCentavos: ${s.enrollments.payments.payable.amountCentavos}, paidAt: "${new Date().toISOString()}" }) { payment { id } receipt { folio } } }`, granted: (d) => Boolean(d?.recordPayment?.payment?.id), allowed: ['BANK'] },
  { name: 'issueIndependentWorkerPaymentReference', subject: (s, actor) => paymentSubject(s, actor), procedure: 'VOLUNTARY_ENROLLMENT', covers: ['Mutation.issueIndependentWorkerPaymentReference'], query: (s, actor) => `mutation { issueIndependentWorkerPaymentReference(input: { enrollmentId: "${s.enrollments.payments.ptiEnrollmentOf(actor)}", period: "${s.enrollments.payments.ptiPeriod}" }) { reference amountCentavos } }`, granted: (d) => Boolean(d?.issueIndependentWorkerPaymentReference?.reference), allowed: ['INSURED', ...STAFF] },
  { name: "issueIndependentWorkerPaymentReference for someone else's enrollment", covers: ['Mutation.issueIndependentWorkerPaymentReference'], query: (s) => `mutation { issueIndependentWorkerPaymentReference(input: { enrollmentId: "${s.enrollments.payments.ptiEnrollmentOf('ANALYST')}", period: "${s.enrollments.payments.ptiPeriod}" }) { reference } }`, granted: (d) => Boolean(d?.issueIndependentWorkerPaymentReference?.reference), allowed: [] },
  { name: 'issueFamilyHealthPaymentReference', subject: (s, actor) => paymentSubject(s, actor), procedure: 'VOLUNTARY_ENROLLMENT', covers: ['Mutation.issueFamilyHealthPaymentReference'], query: (s, actor) => `mutation { issueFamilyHealthPaymentReference(input: { enrollmentId: "${s.enrollments.payments.familyHealthEnrollmentOf(actor)}" }) { reference amountCentavos } }`, granted: (d) => Boolean(d?.issueFamilyHealthPaymentReference?.reference), allowed: ['INSURED', ...STAFF] },
  { name: 'issueEmployerPaymentReference (own registration)', covers: ['Mutation.issueEmployerPaymentReference'], query: (s) => `mutation { issueEmployerPaymentReference(input: { employerRegistration: "Y1234567101", period: "${s.enrollments.payments.thisMonth}", amountCentavos: 1000000 }) { reference } }`, granted: (d) => Boolean(d?.issueEmployerPaymentReference?.reference), allowed: ['EMPLOYER'] },
  { name: "issueEmployerPaymentReference for another employer's registration", covers: ['Mutation.issueEmployerPaymentReference'], query: (s) => `mutation { issueEmployerPaymentReference(input: { employerRegistration: "B9876543101", period: "${s.enrollments.payments.thisMonth}", amountCentavos: 1000000 }) { reference } }`, granted: (d) => Boolean(d?.issueEmployerPaymentReference?.reference), allowed: [] },
  { name: 'debtStatement of an employer registration', covers: ['Query.debtStatement'], query: () => `{ debtStatement(input: { employerRegistration: "Y1234567101" }) { obligations { amountCentavos } } }`, granted: (d) => d?.debtStatement?.obligations?.length > 0, allowed: ['EMPLOYER', 'IMSS_OFFICER'] },
  { name: 'debtStatement of a person', subject: (s) => s.insuredCurp, procedure: 'VOLUNTARY_ENROLLMENT', covers: ['Query.debtStatement'], query: (s) => `{ debtStatement(input: { curp: "${s.insuredCurp}" }) { obligations { amountCentavos } } }`, granted: (d) => d?.debtStatement?.obligations?.length > 0, allowed: ['INSURED', ...STAFF] },
  { name: 'bankReconciliation of the bank itself', covers: ['Query.bankReconciliation'], query: (s) => `{ bankReconciliation(bankId: "BANK-001", date: "${s.enrollments.payments.today}") { bankId count } }`, granted: (d) => d?.bankReconciliation?.bankId === 'BANK-001', allowed: ['BANK', 'IMSS_OFFICER'] },
  { name: "bankReconciliation of another bank", covers: ['Query.bankReconciliation'], query: (s) => `{ bankReconciliation(bankId: "BANK-002", date: "${s.enrollments.payments.today}") { bankId count payments { id } } }`, granted: (d) => d?.bankReconciliation?.bankId === 'BANK-002', allowed: ['IMSS_OFFICER'] },
  { name: 'verifyReceipt (any signed-in caller)', covers: ['Query.verifyReceipt'], query: (s) => `{ verifyReceipt(folio: "${s.enrollments.payments.folio}") { exists procedure recordedBy { role } } }`, granted: (d) => d?.verifyReceipt?.exists === true, allowed: SIGNED_IN },
];

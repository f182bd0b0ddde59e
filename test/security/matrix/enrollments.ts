/** Matrix rows of the enrollments subgraph, and the fixtures its mutation rows need. */
import { carryReferenceTablesForward, identityAssertion, testCurp } from '../../support/enrollments.ts';
import type { SeededSystem } from '../../support/seeded-system.ts';
import { ACTORS, type Actor, type EnrollmentsMatrixFixtures, type Operation } from './types.ts';

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
  return { employerAssertion: await identityAssertion(system, { expiresInSeconds: 3600 }), salaryChangeWorker, bajaWorker };
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
];

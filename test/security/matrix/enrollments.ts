/** Matrix rows of the enrollments subgraph. */
import type { Operation } from './types.ts';

export const enrollmentsOperations: Operation[] = [
  { name: 'Person.enrollments (entity path persons → enrollments)', covers: [], query: (s) => `{ person(curp: "${s.insuredCurp}") { enrollments { kind } } }`, granted: (d) => d?.person?.enrollments?.length > 0, allowed: ['INSURED', 'CONSULATE_STAFF', 'IMSS_OFFICER'] },
  { name: 'enrollmentStatistics', covers: ['Query.enrollmentStatistics'], query: () => `{ enrollmentStatistics { kind count suppressed } }`, granted: (d) => d?.enrollmentStatistics?.length > 0, allowed: ['ANALYST'] },
  { name: 'employerEnrollments', covers: ['Query.employerEnrollments'], query: () => `{ employerEnrollments { id person { curp } } }`, granted: (d) => d?.employerEnrollments?.length > 0, allowed: ['EMPLOYER'] },
  { name: "employerEnrollments of another employer's registration", covers: ['Query.employerEnrollments'], query: () => `{ employerEnrollments(registration: "B9876543101") { id } }`, granted: (d) => d?.employerEnrollments?.length > 0, allowed: [] },
  { name: 'employer reaching person data through its workers', covers: [], query: () => `{ employerEnrollments { person { nss givenNames biometricStatus { consentInForce } } } }`, granted: (d) => (d?.employerEnrollments ?? []).some((e: any) => e?.person?.nss || e?.person?.biometricStatus), allowed: [] },
  { name: "employer reading its worker's coverage periods (other employers' included)", covers: [], query: () => `{ employerEnrollments { person { coveragePeriods { start } } } }`, granted: (d) => (d?.employerEnrollments ?? []).some((e: any) => e?.person?.coveragePeriods?.length > 0), allowed: [] },
];

/** Matrix rows of the biometrics subgraph. */
import type { Operation } from './types.ts';

export const biometricsOperations: Operation[] = [
  { name: 'Person.biometricStatus (entity path persons → biometrics)', covers: [], query: (s) => `{ person(curp: "${s.insuredCurp}") { biometricStatus { consentInForce } } }`, granted: (d) => d?.person?.biometricStatus?.consentInForce === true, allowed: ['INSURED', 'IMSS_OFFICER'] },
];

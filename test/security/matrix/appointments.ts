/** Matrix rows of the appointments subgraph. */
import { ACTORS, type Operation } from './types.ts';

export const appointmentsOperations: Operation[] = [
  { name: 'consulates (public)', covers: ['Query.consulates'], query: () => `{ consulates { id } }`, granted: (d) => d?.consulates?.length > 0, allowed: ACTORS },
  { name: 'consulate (public)', covers: ['Query.consulate'], query: () => `{ consulate(id: "CON-LAX") { name timeZone } }`, granted: (d) => Boolean(d?.consulate?.name), allowed: ACTORS },
  { name: 'Person.appointments (entity path persons → appointments)', covers: [], query: (s) => `{ person(curp: "${s.insuredCurp}") { appointments { id } } }`, granted: (d) => d?.person?.appointments?.length > 0, allowed: ['INSURED', 'CONSULATE_STAFF'] },
  { name: 'consulate queue (own consulate)', covers: [], query: () => `{ consulate(id: "CON-LAX") { queue { id } } }`, granted: (d) => d?.consulate?.queue?.length > 0, allowed: ['CONSULATE_STAFF', 'CONSULATE_STAFF_NO_PURPOSE'] },
  { name: "consulate queue (another consulate's)", covers: [], query: () => `{ consulate(id: "CON-CHI") { queue { id } } }`, granted: (d) => Array.isArray(d?.consulate?.queue), allowed: [] },
];

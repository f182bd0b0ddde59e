/**
 * Matrix rows of the appointments subgraph. Offices, services and slots are public; an
 * appointment is the person's and its office's staff's (the matrix's consulate staff are
 * CON-LAX's, its IMSS officer subdelegation 01's); staff act on their office's queue without a
 * declared purpose (see subgraphs/appointments/permissions.ts).
 */
import { personOf, slotsOnOpenDay } from './appointment-fixtures.ts';
import { ACTORS, type Actor, type Operation } from './types.ts';

const LAX_STAFF: readonly Actor[] = ['CONSULATE_STAFF', 'CONSULATE_STAFF_NO_PURPOSE', 'CONSULATE_STAFF_NO_CASE'];
const PERSON_AND_LAX_STAFF: readonly Actor[] = ['INSURED', ...LAX_STAFF];
const bookedFor = (actor: Actor, insuredCurp: string) => (actor === 'INSURED' ? insuredCurp : personOf(actor));
const step = (name: string, state: Parameters<Parameters<Operation['query']>[0]['appointmentOf']>[1]): Operation['query'] =>
  (s, actor) => `mutation { ${name}(id: "${s.appointmentOf(actor, state)}") { id status } }`;

export const appointmentsOperations: Operation[] = [
  { name: 'consulates (public)', covers: ['Query.consulates'], query: () => `{ consulates { id } }`, granted: (d) => d?.consulates?.length > 0, allowed: ACTORS },
  { name: 'consulate (public)', covers: ['Query.consulate'], query: () => `{ consulate(id: "CON-LAX") { name timeZone } }`, granted: (d) => Boolean(d?.consulate?.name), allowed: ACTORS },
  { name: 'offices search (public)', covers: ['Query.offices'], query: () => `{ offices(country: "US", city: "los angeles", service: PROOF_OF_LIFE) { id } }`, granted: (d) => d?.offices?.[0]?.id === 'CON-LAX', allowed: ACTORS },
  { name: 'office (public)', covers: ['Query.office'], query: () => `{ office(id: "IMSS-01") { name kind services { code } } }`, granted: (d) => d?.office?.kind === 'IMSS_SUBDELEGATION', allowed: ACTORS },
  { name: 'services with checklists (public)', covers: ['Query.services'], query: () => `{ services { code documents { code } } }`, granted: (d) => d?.services?.length > 0, allowed: ACTORS },
  {
    name: 'slots (anonymous slot search allowed)', covers: ['Query.slots'],
    query: () => { const [slot] = slotsOnOpenDay('CON-LAX', 'PROOF_OF_LIFE', 0); return `{ slots(officeId: "CON-LAX", service: PROOF_OF_LIFE, from: "${slot!.localDate}", to: "${slot!.localDate}") { id available } }`; },
    granted: (d) => d?.slots?.length > 0, allowed: ACTORS,
  },
  // Staff on the person's case see the person's appointments at their own office (the case is one of them).
  { name: 'Person.appointments (entity path persons → appointments)', covers: [], subject: (s) => s.insuredCurp, query: (s) => `{ person(curp: "${s.insuredCurp}") { appointments { id } } }`, granted: (d) => d?.person?.appointments?.length > 0, allowed: ['INSURED', 'CONSULATE_STAFF', 'IMSS_OFFICER'] },
  { name: 'appointment (the person’s, at CON-LAX)', covers: ['Query.appointment'], query: (s) => `{ appointment(id: "${s.appointmentOf('INSURED', 'RESCHEDULE')}") { id serviceDetails { documents { code } } } }`, granted: (d) => Boolean(d?.appointment?.id), allowed: PERSON_AND_LAX_STAFF },
  { name: 'appointmentCase (the person’s, at CON-LAX)', covers: ['Query.appointmentCase'], query: (s) => `{ appointmentCase(id: "${s.appointmentOf('INSURED', 'RESCHEDULE')}") { curp open procedure } }`, granted: (d) => Boolean(d?.appointmentCase?.curp), allowed: PERSON_AND_LAX_STAFF },
  { name: 'appointmentCase of another office (CON-CHI)', covers: ['Query.appointmentCase'], query: (s) => `{ appointmentCase(id: "${s.appointmentOf('CONSULATE_STAFF', 'CHECK_IN_ELSEWHERE')}") { curp } }`, granted: (d) => Boolean(d?.appointmentCase?.curp), allowed: [] },
  { name: 'consulate queue (own consulate)', covers: [], query: () => `{ consulate(id: "CON-LAX") { queue { id } } }`, granted: (d) => d?.consulate?.queue?.length > 0, allowed: LAX_STAFF },
  { name: "consulate queue (another consulate's)", covers: [], query: () => `{ consulate(id: "CON-CHI") { queue { id } } }`, granted: (d) => Array.isArray(d?.consulate?.queue), allowed: [] },
  { name: 'IMSS office queue (own subdelegation)', covers: [], query: () => `{ office(id: "IMSS-01") { queue { id } } }`, granted: (d) => d?.office?.queue?.length > 0, allowed: ['IMSS_OFFICER'] },
  { name: 'daily summary (own consulate; IMSS officers)', covers: [], query: () => `{ office(id: "CON-LAX") { dailySummary { appointments } } }`, granted: (d) => d?.office?.dailySummary?.appointments > 0, allowed: [...LAX_STAFF, 'IMSS_OFFICER'] },
  { name: "daily summary (another consulate's: IMSS officers only)", covers: [], query: () => `{ office(id: "CON-CHI") { dailySummary { appointments } } }`, granted: (d) => typeof d?.office?.dailySummary?.appointments === 'number', allowed: ['IMSS_OFFICER'] },
  {
    name: 'bookAppointment at CON-LAX (own, or by its staff)', covers: ['Mutation.bookAppointment'],
    query: (s, actor) => `mutation { bookAppointment(input: { slotId: "${slotsOnOpenDay('CON-LAX', 'GENERAL_ADVICE', 2)[0]!.key}", curp: "${bookedFor(actor, s.insuredCurp)}" }) { id serviceDetails { documents { code } } } }`,
    granted: (d) => d?.bookAppointment?.serviceDetails?.documents?.length > 0, allowed: PERSON_AND_LAX_STAFF,
  },
  {
    name: 'bookAppointment at another consulate (CON-NYC)', covers: ['Mutation.bookAppointment'],
    query: (s, actor) => `mutation { bookAppointment(input: { slotId: "${slotsOnOpenDay('CON-NYC', 'PROOF_OF_LIFE', 2)[0]!.key}", curp: "${bookedFor(actor, s.insuredCurp)}" }) { id } }`,
    granted: (d) => Boolean(d?.bookAppointment?.id), allowed: ['INSURED'],
  },
  {
    name: 'rescheduleAppointment', covers: ['Mutation.rescheduleAppointment'],
    query: (s, actor) => `mutation { rescheduleAppointment(input: { id: "${s.appointmentOf(actor, 'RESCHEDULE')}", slotId: "${slotsOnOpenDay('CON-LAX', 'BENEFICIARY_UPDATE', 3)[0]!.key}" }) { id } }`,
    granted: (d) => Boolean(d?.rescheduleAppointment?.id), allowed: PERSON_AND_LAX_STAFF,
  },
  { name: 'cancelAppointment', covers: ['Mutation.cancelAppointment'], query: step('cancelAppointment', 'CANCEL'), granted: (d) => d?.cancelAppointment?.status === 'CANCELLED', allowed: PERSON_AND_LAX_STAFF },
  { name: 'checkInAppointment', covers: ['Mutation.checkInAppointment'], query: step('checkInAppointment', 'CHECK_IN'), granted: (d) => d?.checkInAppointment?.status === 'CHECKED_IN', allowed: LAX_STAFF },
  { name: "checkInAppointment at another consulate's queue", covers: ['Mutation.checkInAppointment'], query: step('checkInAppointment', 'CHECK_IN_ELSEWHERE'), granted: (d) => d?.checkInAppointment?.status === 'CHECKED_IN', allowed: [] },
  { name: 'callAppointment', covers: ['Mutation.callAppointment'], query: step('callAppointment', 'CALL'), granted: (d) => d?.callAppointment?.status === 'CALLED', allowed: LAX_STAFF },
  { name: 'serveAppointment', covers: ['Mutation.serveAppointment'], query: step('serveAppointment', 'SERVE'), granted: (d) => d?.serveAppointment?.status === 'SERVED', allowed: LAX_STAFF },
  { name: 'markAppointmentNoShow', covers: ['Mutation.markAppointmentNoShow'], query: step('markAppointmentNoShow', 'NO_SHOW'), granted: (d) => d?.markAppointmentNoShow?.status === 'NO_SHOW', allowed: LAX_STAFF },
  {
    name: "registerWalkIn at the staff member's own office", covers: ['Mutation.registerWalkIn'],
    query: (_s, actor) => `mutation { registerWalkIn(input: { curp: "${personOf(actor, 1)}", service: COVERAGE_VALIDITY }) { id office { id } } }`,
    granted: (d) => Boolean(d?.registerWalkIn?.id), allowed: [...LAX_STAFF, 'IMSS_OFFICER'],
  },
  {
    name: 'registerWalkIn at another consulate (CON-CHI)', covers: ['Mutation.registerWalkIn'],
    query: (_s, actor) => `mutation { registerWalkIn(input: { curp: "${personOf(actor, 1)}", service: BENEFICIARY_UPDATE, officeId: "CON-CHI" }) { id } }`,
    granted: (d) => Boolean(d?.registerWalkIn?.id), allowed: [],
  },
];

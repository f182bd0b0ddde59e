/**
 * Shared by the appointments integration tests: the fixed clock they run at, synthetic people
 * (valid CURPs that are nobody), slot ids and the documents most tests send.
 */
import { syntheticCrowd, syntheticCurp } from '../../../db/seed.ts';
import { gql } from '../../support/graphql.ts';

/** Friday 2026-03-06, 09:00 in Los Angeles (PST): two days before the US spring-forward change. */
export const FRIDAY_0900_LAX = new Date('2026-03-06T17:00:00Z');

/** `count` valid CURPs of synthetic people, none of them in the demo data's queues. */
export function syntheticPeople(count: number, offset = 0): string[] {
  const crowd = syntheticCrowd(400 + offset + count).slice(400 + offset);
  return [...new Set(crowd.map((p, i) => syntheticCurp(p, String(i % 10))))].slice(0, count);
}

export const slotId = (officeId: string, service: string, startsAt: string) => `${officeId}/${service}/${new Date(startsAt).toISOString()}`;

export const BOOK = gql`mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) {
  id status startsAt localDate localStartTime office { id } service
  serviceDetails { name durationMinutes procedure documents { code label ifAvailable anyOf { code } } } } }`;
export const RESCHEDULE = gql`mutation($i: RescheduleAppointmentInput!) { rescheduleAppointment(input: $i) { id status startsAt localStartTime } }`;
export const CANCEL = gql`mutation($id: ID!) { cancelAppointment(id: $id) { id status } }`;
export const SLOTS = gql`query($o: ID!, $s: AppointmentService!, $f: Date!, $t: Date!) { slots(officeId: $o, service: $s, from: $f, to: $t) {
  id startsAt endsAt localDate localStartTime localEndTime utcOffset capacity available } }`;
export const CASE = gql`query($id: ID!) { appointmentCase(id: $id) { id curp officeId service procedure status open localDate } }`;

/**
 * Seguro de Salud para la Familia (modalidad 33) quote: an annual fee, paid in advance, for each
 * enrolled person by the age band they are in on the date of payment (docs/domain.md §5). Only
 * the persons listed are enrolled and covered — a relative not quoted is not covered (§8).
 */
import type { ValidationIssue } from '../../../../schema/scalars/identifiers/issues.ts';
import { ageOn } from '../../../shared/dates.ts';
import type { DatedTable } from '../reference/dated-table.ts';
import { isIsoDate, valueInForce } from '../reference/dated-table.ts';
import type { AgeBandCode, AgeBandFee, FamilyHealthFeeSchedule } from '../reference/family-health-fees.ts';

export interface FamilyMemberInput {
  birthDate: string;
  /** Caller's reference for the member (e.g. a person id), echoed back. */
  ref?: string;
}

export interface MemberFee {
  ref?: string;
  birthDate: string;
  ageOnPayment: number;
  band: AgeBandCode;
  /** Annual fee in centavos. */
  fee: number;
}

export interface FamilyHealthQuote {
  paymentDate: string;
  members: MemberFee[];
  /** Centavos; the sum of the members' fees (each fee is a whole amount, so no rounding). */
  total: number;
  feeTable: { validFrom: string; validTo: string | null; source: string; checkedOn: string; confirmed: boolean };
  /** False when the fee row is unconfirmed or provisional: present the total as an estimate. */
  confirmed: boolean;
}

export type FamilyHealthQuoteResult = ({ ok: true } & FamilyHealthQuote) | { ok: false; issues: ValidationIssue[] };

/** The band an age falls in; throws if the schedule leaves a gap (a data error). */
export function bandForAge(schedule: FamilyHealthFeeSchedule, age: number): AgeBandFee {
  const band = schedule.bands.find((b) => age >= b.minAge && (b.maxAge === null || age <= b.maxAge));
  if (!band) throw new RangeError(`Family health fee schedule has no band for age ${age}`);
  return band;
}

/**
 * Quotes the annual fee of each member on `paymentDate` with the fee row in force that day.
 * Issues carry the member's 1-based `position`.
 * @throws MissingReferenceValue when no fee row is in force on the payment date.
 */
export function familyHealthQuote(members: readonly FamilyMemberInput[], paymentDate: string, feeTable: DatedTable<FamilyHealthFeeSchedule>): FamilyHealthQuoteResult {
  const issues: ValidationIssue[] = [];
  if (!isIsoDate(paymentDate)) issues.push({ code: 'PAYMENT_DATE_INVALID', message: `Payment date must be an ISO date, got "${paymentDate}".` });
  if (members.length === 0) issues.push({ code: 'FAMILY_HEALTH_NO_MEMBERS', message: 'A family health quote needs at least one member to enroll.' });
  members.forEach((member, i) => {
    if (!isIsoDate(member.birthDate)) {
      issues.push({ code: 'MEMBER_BIRTH_DATE_INVALID', position: i + 1, message: `Member ${i + 1} has an invalid birth date "${member.birthDate}".` });
    } else if (isIsoDate(paymentDate) && member.birthDate > paymentDate) {
      issues.push({ code: 'MEMBER_BIRTH_DATE_AFTER_PAYMENT', position: i + 1, message: `Member ${i + 1} was born on ${member.birthDate}, after the payment date ${paymentDate}.` });
    }
  });
  if (issues.length > 0) return { ok: false, issues };

  const row = valueInForce(feeTable, paymentDate);
  const quoted = members.map((member): MemberFee => {
    const ageOnPayment = ageOn(member.birthDate, paymentDate);
    const band = bandForAge(row.value, ageOnPayment);
    return { ...(member.ref === undefined ? {} : { ref: member.ref }), birthDate: member.birthDate, ageOnPayment, band: band.band, fee: band.annualFee };
  });
  return {
    ok: true,
    paymentDate,
    members: quoted,
    total: quoted.reduce((sum, m) => sum + m.fee, 0),
    feeTable: { validFrom: row.validFrom, validTo: row.validTo, source: row.source, checkedOn: row.checkedOn, confirmed: row.confirmed },
    confirmed: row.confirmed,
  };
}

/**
 * Who a new beneficiary is, from what the window typed: with a CURP, the CURP is the authority —
 * the birth date comes from it, and the names must agree with it (docs/domain.md §1), so a child
 * cannot be registered with another child's CURP or a made-up birth date; without one, the typed
 * birth date is required.
 */
import { validateCurp } from '../../../schema/scalars/identifiers/index.ts';
import { checkCurpConsistency, type CurpMismatch } from './curp-consistency.ts';

export interface BeneficiaryIdentityInput {
  curp?: string | null;
  givenNames: string;
  firstSurname: string;
  secondSurname?: string | null;
  birthDate?: string | null;
}

export type BeneficiaryIdentity =
  | { ok: true; curp: string | null; birthDate: string }
  | { ok: false; code: string; message: string; mismatches?: CurpMismatch[] };

export function beneficiaryIdentity(input: BeneficiaryIdentityInput, { asOf }: { asOf: string }): BeneficiaryIdentity {
  if (!input.curp) {
    if (!input.birthDate) return { ok: false, code: 'BENEFICIARY_BIRTH_DATE_REQUIRED', message: 'A beneficiary without a CURP needs a birth date' };
    return { ok: true, curp: null, birthDate: input.birthDate };
  }
  const parts = validateCurp(input.curp, { asOf });
  if (!parts.ok) return { ok: false, code: parts.issues[0]?.code ?? 'CURP_FORMAT', message: parts.issues.map((i) => i.message).join('; ') };
  if (input.birthDate && input.birthDate !== parts.birthDate) {
    return { ok: false, code: 'BENEFICIARY_BIRTH_DATE_MISMATCH', message: `The CURP says born on ${parts.birthDate}, not ${input.birthDate}` };
  }
  const consistency = checkCurpConsistency(parts.value, {
    givenNames: input.givenNames,
    firstSurname: input.firstSurname,
    secondSurname: input.secondSurname ?? null,
    birthDate: parts.birthDate,
    sex: parts.sex,
    birthState: parts.state,
  }, { asOf });
  if (!consistency.consistent) {
    return { ok: false, code: 'BENEFICIARY_CURP_MISMATCH', message: 'The names do not match the CURP', mismatches: consistency.mismatches };
  }
  return { ok: true, curp: parts.value, birthDate: parts.birthDate };
}

/**
 * How an NSS is assigned (docs/domain.md §2), in one transaction:
 * - a known person with an NSS: the NSS is located (idempotent: asking twice gives the same NSS),
 *   and the read of their record is audited like any other;
 * - otherwise a new NSS = subdelegation (from the address's clinic) + registration year + birth
 *   year + a per-(subdelegation, year) sequence drawn under a row lock + Luhn check digit.
 * A new person's names must agree with their CURP: a mismatch is the commonest cause of rejected
 * procedures, so it is caught here, with every mismatch listed, and nothing is written.
 * An assignment is answered with its acuse (shared/documents/receipts.ts); locating one is not.
 */
import type { Tx } from '../../../db/client.ts';
import { badInput } from '../../../schema/errors/client-errors.ts';
import { composeNss, validateCurp } from '../../../schema/scalars/identifiers/index.ts';
import { authorize } from '../../shared/access/index.ts';
import { issueReceipt, selfOrStaffActor } from '../../shared/documents/receipts.ts';
import type { AssignNssPayload, MutationAssignNssArgs } from '../__generated__/resolvers-types.ts';
import type { PersonsContext } from '../context.ts';
import type { PersonRow } from '../mappers.ts';
import { managePerson } from '../permissions.ts';
import { txQueries } from '../repository.ts';
import { checkCurpConsistency, validateAddress } from '../rules/index.ts';

type Payload = Omit<AssignNssPayload, 'person'> & { person: PersonRow };

export async function assignNss({ input }: MutationAssignNssArgs, ctx: PersonsContext): Promise<Payload> {
  const parsed = validateCurp(input.curp);
  if (!parsed.ok) throw badInput(parsed.issues[0]?.code ?? 'CURP_FORMAT', 'Invalid CURP');
  // An insured person locates only their own NSS; staff need a declared purpose. Anyone else is
  // told "not found", so the call cannot be used to probe whether a CURP has an NSS.
  await authorize(ctx, managePerson(ctx, parsed.value), { subjectCurp: parsed.value, what: 'assignNss' });
  const now = ctx.clock.now();

  const result = await ctx.repository.transaction(async (tx) => {
    const person = (await txQueries.lockPerson(tx, parsed.value)) ?? (await createPerson(tx, input, parsed, ctx));
    if (person.nss) {
      await ctx.audit.append([{ action: 'READ', subjectCurp: person.curp, what: 'Person', fields: ['nss', 'givenNames', 'firstSurname', 'secondSurname', 'email'] }], tx);
      return { outcome: 'LOCATED' as const, nss: person.nss, person, receipt: null };
    }
    const address = input.address ? validateAddress(input.address) : null;
    if (!address) throw badInput('NSS_ADDRESS_REQUIRED', 'A first NSS assignment needs a Mexican address');
    await txQueries.upsertAddress(tx, { curp: person.curp, ...address });
    const clinic = await txQueries.clinicForPostalCode(tx, address.postalCode);
    if (!clinic) throw badInput('NSS_NO_CLINIC_FOR_POSTAL_CODE', `No family-medicine clinic serves postal code ${address.postalCode}`);

    const registrationYear = String(now.getUTCFullYear() % 100).padStart(2, '0');
    const sequence = await txQueries.nextNssSequence(tx, clinic.subdelegation, registrationYear);
    if (sequence > 9999) throw badInput('NSS_SEQUENCE_EXHAUSTED', 'No NSS numbers left for this subdelegation and year');
    const nss = composeNss({
      subdelegation: clinic.subdelegation,
      registrationYear: now.getUTCFullYear(),
      birthYear: Number(person.birthDate.slice(0, 4)),
      sequence,
    });
    const [updated] = await txQueries.setNss(tx, person.curp, nss, clinic.id, input.email);
    await ctx.audit.append([{ action: 'WRITE', subjectCurp: person.curp, what: 'assignNss', fields: ['nss', 'address', 'clinic', 'email'] }], tx);
    const receipt = await issueReceipt(ctx.documents, tx, {
      procedure: 'NSS_ASSIGNMENT', recordId: person.curp, recordedAt: now,
      actor: selfOrStaffActor(ctx, person.curp),
      record: { curp: person.curp, nss, clinicId: clinic.id },
    });
    return { outcome: 'ASSIGNED' as const, nss, person: updated!, receipt };
  });
  ctx.loaders.personByCurp.clear(result.person.curp).prime(result.person.curp, result.person);
  ctx.released.release('Person', result.person.curp);
  return result;
}

async function createPerson(
  tx: Tx,
  input: MutationAssignNssArgs['input'],
  parsed: { value: string; birthDate: string; sex: 'H' | 'M' | 'X'; state: string },
  ctx: PersonsContext,
): Promise<PersonRow> {
  if (!input.givenNames || !input.firstSurname) {
    throw badInput('NSS_PERSON_DATA_REQUIRED', 'A person not yet known needs givenNames and firstSurname');
  }
  const consistency = checkCurpConsistency(parsed.value, {
    givenNames: input.givenNames,
    firstSurname: input.firstSurname,
    secondSurname: input.secondSurname ?? null,
    birthDate: parsed.birthDate,
    sex: parsed.sex,
    birthState: parsed.state,
  });
  if (!consistency.consistent) {
    throw badInput('CURP_MISMATCH', 'The names do not match the CURP', {
      mismatches: consistency.mismatches.map((m) => ({ field: m.field, positions: m.positions, message: m.message })),
    });
  }
  await txQueries.insertPerson(tx, {
    curp: parsed.value,
    givenNames: input.givenNames.trim().toUpperCase(),
    firstSurname: input.firstSurname.trim().toUpperCase(),
    secondSurname: input.secondSurname?.trim().toUpperCase() || null,
    birthDate: parsed.birthDate,
    sex: parsed.sex,
    birthState: parsed.state,
    email: input.email,
  });
  // Another request may have created the same person concurrently: lock whichever row won.
  const person = await txQueries.lockPerson(tx, parsed.value);
  if (!person) throw new Error('a person created for NSS assignment vanished inside its transaction');
  ctx.log.info('person created for NSS assignment');
  return person;
}

/**
 * Receipts (acuses, docs/security.md "Receipts"): every recorded procedure — a payment, a PTI or
 * family health enrollment, an employer's movement, an NSS assignment, a proof of life — gets a
 * compact JWS (typ imss-receipt+jwt) signed by the subgraph that recorded it, with its own key id,
 * verifiable offline with /.well-known/jwks.json like the NSS certificate. It says what was
 * recorded, when, and by whom as a role and an organisation: never a staff member's name or
 * subject. The folio and the facts without personal data go to the shared register
 * (audit.receipts), which verifyReceipt reads.
 */
import { createHash, randomBytes } from 'node:crypto';
import { DOCUMENT_TYPES } from '../../../schema/documents/document-types.ts';
import type { Role } from '../../../schema/identity/viewer.ts';
import type { Executor } from '../../../db/client.ts';
import { receipts, type RECEIPT_PROCEDURES } from '../../../db/schema/audit.ts';
import { isSelf, type Access } from '../access/predicates.ts';
import type { DocumentSigner } from './document-signer.ts';
import { encodeCrockford } from '../crockford-base32.ts';

export type ReceiptProcedure = (typeof RECEIPT_PROCEDURES)[number];

export interface ReceiptActor {
  role: Role;
  /** The bank, consulate, employer registration, IMSS subdelegation, or SELF. */
  organisation: string;
}

export interface IssuedReceipt {
  folio: string;
  procedure: ReceiptProcedure;
  recordedAt: Date;
  document: string;
}

/** `ACU-` and 120 random bits in Crockford base32 (6 groups of 4): unguessable, so existence reveals nothing. */
export function newFolio(random: (size: number) => Uint8Array = randomBytes): string {
  return `ACU-${encodeCrockford(random(15)).match(/.{4}/g)!.join('-')}`;
}

export const FOLIO_PATTERN = /^ACU(-[0-9A-HJKMNP-TV-Z]{4}){6}$/;

/**
 * Who recorded a procedure, as a receipt shows it: the role the caller acted in (the one named,
 * when the procedure has one) and its organisation from the token; a person acting for
 * themself is SELF.
 */
export function receiptActor(access: Access, role: Role, organisation?: string): ReceiptActor {
  const viewer = access.viewer;
  if (!viewer || !viewer.roles.includes(role)) throw new TypeError(`the caller does not hold role ${role}`);
  const fromToken: Record<Role, string | null> = {
    INSURED: 'SELF',
    CONSULATE_STAFF: viewer.consulateId,
    EMPLOYER: organisation ?? viewer.employerRegistrations[0] ?? null,
    BANK: viewer.bankId,
    ANALYST: 'IMSS',
    IMSS_OFFICER: viewer.subdelegation === null ? null : `IMSS-${viewer.subdelegation}`,
  };
  return { role, organisation: fromToken[role] ?? 'UNKNOWN' };
}

/** The first of the roles a procedure may be recorded in that the caller holds. */
export function actingRole(access: Access, candidates: readonly Role[]): Role {
  const role = candidates.find((r) => access.viewer?.roles.includes(r));
  if (!role) throw new TypeError('the caller holds none of the roles this procedure is recorded in');
  return role;
}

/** A procedure about a person: the person for themself (INSURED), or the staff member's role and office. */
export function selfOrStaffActor(access: Access, curp: string): ReceiptActor {
  return receiptActor(access, isSelf(access, curp) ? 'INSURED' : actingRole(access, ['CONSULATE_STAFF', 'IMSS_OFFICER']));
}

/**
 * Signs the receipt and registers it, inside the procedure's transaction (`executor`), so a
 * procedure is never recorded without its receipt, nor a receipt without its procedure.
 */
export async function issueReceipt(
  signer: DocumentSigner,
  executor: Executor,
  input: { procedure: ReceiptProcedure; recordId: string; actor: ReceiptActor; recordedAt: Date; record: Record<string, unknown> },
): Promise<IssuedReceipt> {
  const folio = newFolio();
  const signed = await signer.sign(
    DOCUMENT_TYPES.RECEIPT,
    {
      sub: folio,
      receipt: {
        folio,
        procedure: input.procedure,
        recordedAt: input.recordedAt.toISOString(),
        recordedBy: input.actor,
        record: input.record,
      },
    },
    { now: input.recordedAt },
  );
  await executor.insert(receipts).values({
    folio,
    procedure: input.procedure,
    issuer: signer.subgraph,
    recordId: input.recordId,
    recordedAt: input.recordedAt,
    actorRole: input.actor.role,
    actorOrganisation: input.actor.organisation,
    document: signed.jws,
    documentSha256: sha256Hex(signed.jws),
  });
  return { folio, procedure: input.procedure, recordedAt: input.recordedAt, document: signed.jws };
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

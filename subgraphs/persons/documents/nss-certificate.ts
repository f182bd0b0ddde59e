/**
 * The NSS certificate (constancia de NSS): what it states, signed with the persons subgraph's
 * document key (shared/documents). A bank or clinic verifies it offline with the keys the gateway
 * publishes at /.well-known/jwks.json; nothing needs to call back to IMSS.
 */
import { DOCUMENT_TYPES } from '../../../schema/documents/document-types.ts';
import { INSTITUTION_TIME_ZONE, dateIn } from '../../shared/dates.ts';
import type { DocumentSigner, SignedDocument } from '../../shared/documents/document-signer.ts';

export interface NssCertificateData {
  curp: string;
  nss: string;
  name: string;
  clinic: { number: number; name: string } | null;
}

/** Signs the certificate; `issuedOn` is the calendar date in Mexico City, as a constancia shows it. */
export async function signNssCertificate(signer: DocumentSigner, data: NssCertificateData, now: Date): Promise<SignedDocument & { issuedOn: string }> {
  const issuedOn = dateIn(INSTITUTION_TIME_ZONE, now);
  const signed = await signer.sign(DOCUMENT_TYPES.NSS_CERTIFICATE, { sub: data.curp, certificate: { type: 'CONSTANCIA_NSS', ...data, issuedOn } }, { now });
  return { ...signed, issuedOn };
}

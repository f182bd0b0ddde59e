/**
 * The signed documents of the system: compact JWS (ES256), each with its own `typ` so a document
 * of one kind can never pass for another, the signing subgraph's `kid`, and `iss` naming that
 * subgraph. Anyone verifies them offline with the keys published at /.well-known/jwks.json.
 */
import type { SubgraphName } from '../subgraphs.ts';

export const DOCUMENT_TYPES = {
  /** Constancia de NSS (persons). */
  NSS_CERTIFICATE: 'imss-nss-certificate+jwt',
  /** Acuse: the receipt of a recorded procedure (payment, enrollment, movement, NSS assignment, proof of life). */
  RECEIPT: 'imss-receipt+jwt',
  /** A verified identity (e.firma or biometric) that another subgraph relies on, e.g. for employer movements. */
  IDENTITY_ASSERTION: 'imss-identity-assertion+jwt',
} as const;

export type DocumentType = (typeof DOCUMENT_TYPES)[keyof typeof DOCUMENT_TYPES];

export function documentIssuer(subgraph: SubgraphName): string {
  return `imss-federation:${subgraph}`;
}

/** The enrollments subgraph's per-request context: the shared one, its repository, loaders, reference tables and document verifier. */
import type { BaseContext } from '../shared/context.ts';
import type { DocumentSigner } from '../shared/documents/document-signer.ts';
import type { DocumentVerifier } from '../shared/documents/document-verifier.ts';
import { createPaymentLoaders, type PaymentLoaders } from './payment-loaders.ts';
import type { PaymentRepository } from './payment-repository.ts';
import { createEnrollmentsLoaders, type EnrollmentsLoaders } from './loaders.ts';
import type { EnrollmentsRead, EnrollmentsWrite } from './permissions.ts';
import { referenceTables, type ReferenceTables } from './reference-tables.ts';
import type { EnrollmentsRepository } from './repository.ts';

export interface EnrollmentsContext extends BaseContext<EnrollmentsRead, EnrollmentsWrite> {
  repository: EnrollmentsRepository;
  loaders: EnrollmentsLoaders;
  /** The dated reference tables, read from the database at most once per request. */
  reference: ReferenceTables;
  /** Verifies documents other subgraphs signed (employers' identity assertions from biometrics). */
  documents: DocumentVerifier;
  /** Signs this subgraph's receipts (acuses). */
  signer: DocumentSigner;
  /** Payment references, payments, idempotency records and receipts. */
  payments: PaymentRepository;
  paymentLoaders: PaymentLoaders;
}

export function createEnrollmentsContext(
  base: BaseContext,
  shared: { repository: EnrollmentsRepository; documents: DocumentVerifier; signer: DocumentSigner; payments: PaymentRepository },
): EnrollmentsContext {
  return {
    ...base,
    ...shared,
    loaders: createEnrollmentsLoaders(base, shared.repository),
    paymentLoaders: createPaymentLoaders(base, shared.payments),
    reference: referenceTables(shared.repository.reference),
  };
}

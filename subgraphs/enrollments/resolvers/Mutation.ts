import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import { enrollFamilyHealth } from '../services/enrollFamilyHealth.ts';
import { enrollIndependentWorker } from '../services/enrollIndependentWorker.ts';
import { fileAlta } from '../services/fileAlta.ts';
import { fileBaja } from '../services/fileBaja.ts';
import { fileSalaryChange } from '../services/fileSalaryChange.ts';
import { issueEmployerPaymentReference } from '../services/issueEmployerPaymentReference.ts';
import { issueFamilyHealthPaymentReference } from '../services/issueFamilyHealthPaymentReference.ts';
import { issueIndependentWorkerPaymentReference } from '../services/issueIndependentWorkerPaymentReference.ts';
import { recordPayment } from '../services/recordPayment.ts';

/** Thin: arguments in, one service (one transaction, its own authorization), result out. */
export const Mutation: MutationResolvers = {
  enrollIndependentWorker: (_parent, args, ctx) => enrollIndependentWorker(args, ctx),
  enrollFamilyHealth: (_parent, args, ctx) => enrollFamilyHealth(args, ctx),
  fileAlta: (_parent, args, ctx) => fileAlta(args, ctx),
  fileBaja: (_parent, args, ctx) => fileBaja(args, ctx),
  fileSalaryChange: (_parent, args, ctx) => fileSalaryChange(args, ctx),
  issueIndependentWorkerPaymentReference: (_parent, args, ctx) => issueIndependentWorkerPaymentReference(args, ctx),
  issueFamilyHealthPaymentReference: (_parent, args, ctx) => issueFamilyHealthPaymentReference(args, ctx),
  issueEmployerPaymentReference: (_parent, args, ctx) => issueEmployerPaymentReference(args, ctx),
  recordPayment: (_parent, args, ctx) => recordPayment(args, ctx),
};

import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import { enrollFamilyHealth } from '../services/enrollFamilyHealth.ts';
import { enrollIndependentWorker } from '../services/enrollIndependentWorker.ts';
import { fileAlta } from '../services/fileAlta.ts';
import { fileBaja } from '../services/fileBaja.ts';
import { fileSalaryChange } from '../services/fileSalaryChange.ts';

/** Thin: arguments in, one service (one transaction, its own authorization), result out. */
export const Mutation: MutationResolvers = {
  enrollIndependentWorker: (_parent, args, ctx) => enrollIndependentWorker(args, ctx),
  enrollFamilyHealth: async (_parent, args, ctx) => ({ ...(await enrollFamilyHealth(args, ctx)), receipt: null as never }), // receipt: next commit
  fileAlta: (_parent, args, ctx) => fileAlta(args, ctx),
  fileBaja: (_parent, args, ctx) => fileBaja(args, ctx),
  fileSalaryChange: (_parent, args, ctx) => fileSalaryChange(args, ctx),
  // Payments: the contract is committed first (issue 14); services follow.
  issueIndependentWorkerPaymentReference: () => { throw new Error('not implemented'); },
  issueFamilyHealthPaymentReference: () => { throw new Error('not implemented'); },
  issueEmployerPaymentReference: () => { throw new Error('not implemented'); },
  recordPayment: () => { throw new Error('not implemented'); },
};

import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import { addBeneficiary } from '../services/addBeneficiary.ts';
import { assignNss } from '../services/assignNss.ts';
import { issueNssCertificate } from '../services/issueNssCertificate.ts';
import { recordProofOfLife } from '../services/recordProofOfLife.ts';
import { removeBeneficiary } from '../services/removeBeneficiary.ts';
import { updateBeneficiary } from '../services/updateBeneficiary.ts';
import { updateContactData } from '../services/updateContactData.ts';

/** Thin: arguments in, one service (one transaction, its own authorization), result out. */
export const Mutation: MutationResolvers = {
  assignNss: (_parent, args, ctx) => assignNss(args, ctx),
  issueNssCertificate: (_parent, args, ctx) => issueNssCertificate(args, ctx),
  updateContactData: (_parent, args, ctx) => updateContactData(args, ctx),
  addBeneficiary: (_parent, args, ctx) => addBeneficiary(args, ctx),
  updateBeneficiary: (_parent, args, ctx) => updateBeneficiary(args, ctx),
  removeBeneficiary: (_parent, args, ctx) => removeBeneficiary(args, ctx),
  recordProofOfLife: (_parent, args, ctx) => recordProofOfLife(args, ctx),
};

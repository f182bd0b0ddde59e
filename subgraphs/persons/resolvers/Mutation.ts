import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import { addBeneficiary, removeBeneficiary, updateBeneficiary } from '../services/beneficiaries.ts';
import { issueNssCertificate } from '../services/certificate-issuing.ts';
import { updateContactData } from '../services/contact.ts';
import { assignNss } from '../services/nss-assignment.ts';
import { recordProofOfLife } from '../services/proof-of-life-recording.ts';

/** Thin: arguments in, one service call (one transaction), result out. */
export const Mutation: MutationResolvers = {
  assignNss: (_parent, { input }, ctx) => assignNss(input, ctx),
  issueNssCertificate: (_parent, { curp }, ctx) => issueNssCertificate(curp, ctx),
  updateContactData: (_parent, { input }, ctx) => updateContactData(input, ctx),
  addBeneficiary: (_parent, { input }, ctx) => addBeneficiary(input, ctx),
  updateBeneficiary: (_parent, { input }, ctx) => updateBeneficiary(input, ctx),
  removeBeneficiary: (_parent, { id }, ctx) => removeBeneficiary(id, ctx),
  recordProofOfLife: (_parent, { input }, ctx) => recordProofOfLife(input, ctx),
};

import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import { captureBiometric } from '../services/captureBiometric.ts';
import { recordBiometricConsent } from '../services/recordBiometricConsent.ts';
import { recordEmployerIdentityVerification } from '../services/recordEmployerIdentityVerification.ts';
import { revokeBiometricConsent } from '../services/revokeBiometricConsent.ts';
import { verifyBiometric } from '../services/verifyBiometric.ts';

/** Thin: arguments in, one service (one transaction, its own authorization), result out. */
export const Mutation: MutationResolvers = {
  recordBiometricConsent: (_parent, args, ctx) => recordBiometricConsent(args, ctx),
  revokeBiometricConsent: (_parent, args, ctx) => revokeBiometricConsent(args, ctx),
  captureBiometric: (_parent, args, ctx) => captureBiometric(args, ctx),
  verifyBiometric: (_parent, args, ctx) => verifyBiometric(args, ctx),
  recordEmployerIdentityVerification: (_parent, args, ctx) => recordEmployerIdentityVerification(args, ctx),
};

import type { BiometricConsentResolvers } from '../__generated__/resolvers-types.ts';

export const BiometricConsent: BiometricConsentResolvers = {
  inForce: (consent) => consent.revokedAt === null,
};

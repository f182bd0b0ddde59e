import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { employerIdentityAssertion } from '../services/employerIdentityAssertion.ts';

export const Query: QueryResolvers = {
  // Decided in the service (permissions.ts: assertEmployerIdentity).
  employerIdentityAssertion: (_parent, args, ctx) => employerIdentityAssertion(args, ctx),
};

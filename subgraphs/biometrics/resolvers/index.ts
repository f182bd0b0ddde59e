import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { sharedScalars } from '../../../schema/scalars/scalars.ts';
import { BiometricConsent } from './BiometricConsent.ts';
import { BiometricData } from './BiometricData.ts';
import { Mutation } from './Mutation.ts';
import { Person } from './Person.ts';
import { Query } from './Query.ts';

export const resolvers: Resolvers = {
  Curp: sharedScalars.Curp,
  FreeText: sharedScalars.FreeText,
  DateTime: sharedScalars.DateTime,
  Query,
  Mutation,
  Person,
  BiometricData,
  BiometricConsent,
};

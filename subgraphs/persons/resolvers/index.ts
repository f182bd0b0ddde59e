import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { sharedScalars } from '../../../schema/scalars/scalars.ts';
import { AccessLogEntry } from './AccessLogEntry.ts';
import { Beneficiary } from './Beneficiary.ts';
import { Clinic } from './Clinic.ts';
import { Mutation } from './Mutation.ts';
import { Person } from './Person.ts';
import { ProofOfLifeStatus } from './ProofOfLifeStatus.ts';
import { Query } from './Query.ts';

export const resolvers: Resolvers = {
  ...sharedScalars,
  Query,
  Mutation,
  Person,
  Beneficiary,
  Clinic,
  ProofOfLifeStatus,
  AccessLogEntry,
};

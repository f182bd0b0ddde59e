import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { sharedScalars } from '../../../schema/scalars/scalars.ts';
import { Enrollment } from './Enrollment.ts';
import { Person } from './Person.ts';
import { Query } from './Query.ts';

export const resolvers: Resolvers = {
  Curp: sharedScalars.Curp,
  Date: sharedScalars.Date,
  Query,
  Person,
  Enrollment,
};

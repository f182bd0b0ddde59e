import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { sharedScalars } from '../../../schema/scalars/scalars.ts';
import { Person } from './Person.ts';

export const resolvers: Resolvers = {
  Curp: sharedScalars.Curp,
  DateTime: sharedScalars.DateTime,
  Person,
};

import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { sharedScalars } from '../../../schema/scalars/scalars.ts';
import { Appointment } from './Appointment.ts';
import { Consulate } from './Consulate.ts';
import { Person } from './Person.ts';
import { Query } from './Query.ts';

export const resolvers: Resolvers = {
  Curp: sharedScalars.Curp,
  DateTime: sharedScalars.DateTime,
  Query,
  Consulate,
  Appointment,
  Person,
};

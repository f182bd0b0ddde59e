import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { sharedScalars } from '../../../schema/scalars/scalars.ts';
import { AdvisoryService, ServiceDocument } from './AdvisoryService.ts';
import { Appointment } from './Appointment.ts';
import { AppointmentCase } from './AppointmentCase.ts';
import { AppointmentSlot } from './AppointmentSlot.ts';
import { Mutation } from './Mutation.ts';
import { Office } from './Office.ts';
import { Person } from './Person.ts';
import { Query } from './Query.ts';

export const resolvers: Resolvers = {
  Curp: sharedScalars.Curp,
  Date: sharedScalars.Date,
  DateTime: sharedScalars.DateTime,
  Query,
  Mutation,
  Office,
  Appointment,
  AppointmentCase,
  AppointmentSlot,
  AdvisoryService,
  ServiceDocument,
  Person,
};

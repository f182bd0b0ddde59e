import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { sharedScalars } from '../../../schema/scalars/scalars.ts';
import { EmployerMovement } from './EmployerMovement.ts';
import { Enrollment } from './Enrollment.ts';
import { FamilyHealthEnrollment } from './FamilyHealthEnrollment.ts';
import { IndependentWorkerEnrollment } from './IndependentWorkerEnrollment.ts';
import { Mutation } from './Mutation.ts';
import { Payment } from './Payment.ts';
import { PaymentReference } from './PaymentReference.ts';
import { Person } from './Person.ts';
import { Query } from './Query.ts';
import { ReferenceValues } from './ReferenceValues.ts';

export const resolvers: Resolvers = {
  Curp: sharedScalars.Curp,
  Date: sharedScalars.Date,
  DateTime: sharedScalars.DateTime,
  Query,
  Mutation,
  Person,
  Enrollment,
  EmployerMovement,
  IndependentWorkerEnrollment,
  FamilyHealthEnrollment,
  ReferenceValues,
  PaymentReference,
  Payment,
};

/** Every row of the security matrix, by subgraph (a subgraph's rows live in its own file). */
import { appointmentsOperations } from './appointments.ts';
import { biometricsOperations } from './biometrics.ts';
import { enrollmentsOperations } from './enrollments.ts';
import { personsOperations } from './persons.ts';

export * from './types.ts';
export const OPERATIONS = [...personsOperations, ...enrollmentsOperations, ...appointmentsOperations, ...biometricsOperations];

export * as personsTables from './persons.ts';
export * as enrollmentsTables from './enrollments.ts';
export * as appointmentsTables from './appointments.ts';
export * as biometricsTables from './biometrics.ts';
export * as auditTables from './audit.ts';

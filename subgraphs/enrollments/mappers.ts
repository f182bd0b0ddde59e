import type { enrollments } from '../../db/schema/enrollments.ts';

export type { PersonRefModel } from '../shared/person-ref.ts';
export type EnrollmentModel = typeof enrollments.$inferSelect;

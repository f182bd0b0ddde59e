/**
 * What the appointments resolvers receive as parents: database rows and reference data, not
 * GraphQL types. codegen.ts maps the GraphQL types to these.
 */
import type { appointments, officeHolidays, offices } from '../../db/schema/appointments.ts';
import type { DocumentRequirement, ServiceDefinition } from './reference/index.ts';
import type { DailyQueueSummary, Slot } from './rules/index.ts';

export type { PersonRefModel } from '../shared/person-ref.ts';
export type OfficeModel = typeof offices.$inferSelect;
export type OfficeHolidayModel = Omit<typeof officeHolidays.$inferSelect, 'officeId'>;
export type AppointmentModel = typeof appointments.$inferSelect;
/** A case is an appointment row, released to the shield under its own type. */
export type AppointmentCaseModel = AppointmentModel;
export type AdvisoryServiceModel = ServiceDefinition;
export type ServiceDocumentModel = DocumentRequirement;
export type AppointmentSlotModel = Slot & { available: number };
export type OfficeDailySummaryModel = DailyQueueSummary & { officeId: string; date: string; appointments: number };

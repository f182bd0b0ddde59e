import type { appointments, consulates } from '../../db/schema/appointments.ts';

export type { PersonRefModel } from '../shared/person-ref.ts';
export type ConsulateModel = typeof consulates.$inferSelect;
export type AppointmentModel = typeof appointments.$inferSelect;

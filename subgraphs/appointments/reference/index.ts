/** Appointments reference data: offices, services and their documents, holidays. */
export type { Holiday, IsoWeekday, Office, OfficeKind, OpeningInterval, ServiceCode, WeeklyOpeningHours } from './types.ts';
export type { DocumentRequirement } from './documents.ts';
export type { ServiceDefinition } from './services.ts';
export { OFFICES, OFFICES_CHECKED_ON, officeById, withHolidays } from './offices.ts';
export { US_OFFICES } from './offices-us.ts';
export { CANADA_OFFICES, OTHER_CONSULAR_OFFICES } from './offices-world.ts';
export { IMSS_OFFICES } from './offices-imss.ts';
export { CONSULAR_HOURS, CONSULAR_HOURS_WITH_SATURDAY, EMBASSY_HOURS, IMSS_HOURS } from './office-defaults.ts';
export { SERVICE_ALIASES, SERVICE_CODES, SERVICES, SERVICES_CHECKED_ON, parseServiceCode, servicesOfferedAt } from './services.ts';
export { HOLIDAYS_CHECKED_ON, HOLIDAYS_KNOWN_THROUGH, MEXICAN_HOLIDAYS, hasHostHolidayList, holidaysFor } from './holidays.ts';
export { HOST_COUNTRY_HOLIDAYS } from './host-holidays.ts';
export type { ProcedureCode, ProcedureDefinition } from './procedures.ts';
export { PROCEDURES, PROCEDURES_CHECKED_ON, PROCEDURE_CODES, caseCoversProcedure, isProcedureCode, procedureOfService } from './procedures.ts';
export { IMSS_OFFICE_PREFIX, imssOfficeId, subdelegationOfOffice } from './office-ids.ts';

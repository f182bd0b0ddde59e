/**
 * Shapes of the appointments reference data (offices, services, holidays). The rules in ../rules
 * take these as plain data, so an operator can replace any table without touching the rules.
 */

/** The three kinds of office that run an advisory window (docs/domain.md §10). */
export type OfficeKind = 'CONSULATE' | 'EMBASSY_CONSULAR_SECTION' | 'IMSS_SUBDELEGATION';

/** ISO 8601 weekday: 1 = Monday … 7 = Sunday (luxon's convention). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** One opening interval in the office's local wall-clock time, 'HH:mm', `opens` < `closes`. */
export interface OpeningInterval {
  opens: string;
  closes: string;
}

/** Local opening hours per weekday; a missing weekday is closed. */
export type WeeklyOpeningHours = Partial<Readonly<Record<IsoWeekday, readonly OpeningInterval[]>>>;

/**
 * Service codes. The first four are the `AppointmentService` values of the GraphQL schema, kept
 * verbatim so stored rows stay valid; NSS_ASSIGNMENT is the code of "NSS assistance" (see
 * services.ts); the last three are new and need adding to the schema enum before they are exposed.
 */
export type ServiceCode =
  | 'VOLUNTARY_ENROLLMENT'
  | 'NSS_ASSIGNMENT'
  | 'PROOF_OF_LIFE'
  | 'GENERAL_ADVICE'
  | 'BENEFICIARY_UPDATE'
  | 'COVERAGE_VALIDITY'
  | 'BIOMETRIC_CAPTURE';

/** A public office that takes advisory-window appointments. No personal data. */
export interface Office {
  /** Stable id: 'CON-XXX' for consular offices, 'IMSS-NN' for IMSS offices (NN = subdelegation). */
  id: string;
  /** Official name in Spanish. */
  name: string;
  city: string;
  /** State, province or region, for display and grouping. */
  region: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** IANA time zone; slot times are wall-clock times in this zone. */
  timeZone: string;
  kind: OfficeKind;
  /** Advisory windows staffed at once = capacity of each slot. */
  advisoryWindows: number;
  openingHours: WeeklyOpeningHours;
  services: readonly ServiceCode[];
  /** IMSS offices only: the 2-digit subdelegation code (the first two digits of an NSS it assigns). */
  subdelegation?: string;
}

/** A day an office is closed. */
export interface Holiday {
  date: string;
  name: string;
}

/**
 * Advisory-window services: duration of one appointment and the documents to bring.
 *
 * Reconciling with the GraphQL `AppointmentService` enum (VOLUNTARY_ENROLLMENT, NSS_ASSIGNMENT,
 * PROOF_OF_LIFE, GENERAL_ADVICE): those four codes are kept verbatim, so stored appointments stay
 * valid. "NSS assistance" (assigning a new NSS or locating an existing one) keeps the wire code
 * NSS_ASSIGNMENT; NSS_ASSISTANCE is accepted as an alias by `parseServiceCode`. The other three
 * (BENEFICIARY_UPDATE, COVERAGE_VALIDITY, BIOMETRIC_CAPTURE) are additions to the enum.
 *
 * Durations are an operating assumption (synthetic, last checked 2026-12-01), not a published
 * IMSS or SRE figure; they are data so that each deployment can set its own.
 */
import type { ValidationIssue } from '../../../schema/scalars/identifiers/issues.ts';
import {
  BENEFICIARY_CURPS, BIRTH_CERTIFICATES, CURP, EMAIL, NSS, NSS_REQUIRED, OFFICIAL_ID, PARTNER_CERTIFICATE,
  PENSIONER_ID, PENSION_RESOLUTION, PROOF_OF_ADDRESS,
} from './documents.ts';
import type { DocumentRequirement } from './documents.ts';
import type { OfficeKind, ServiceCode } from './types.ts';

export interface ServiceDefinition {
  code: ServiceCode;
  /** Spanish name shown to the person. */
  name: string;
  durationMinutes: number;
  /** Kinds of office that may offer it. */
  offeredAt: readonly OfficeKind[];
  documents: readonly DocumentRequirement[];
}

const EVERY_OFFICE: readonly OfficeKind[] = ['CONSULATE', 'EMBASSY_CONSULAR_SECTION', 'IMSS_SUBDELEGATION'];

export const SERVICES_CHECKED_ON = '2026-12-01';

export const SERVICES: Readonly<Record<ServiceCode, ServiceDefinition>> = {
  NSS_ASSIGNMENT: {
    code: 'NSS_ASSIGNMENT', name: 'Asignación o localización del Número de Seguridad Social', durationMinutes: 20,
    offeredAt: EVERY_OFFICE, documents: [CURP, OFFICIAL_ID, PROOF_OF_ADDRESS, EMAIL],
  },
  VOLUNTARY_ENROLLMENT: {
    // Workers abroad enroll as Personas Trabajadoras Independientes at any consulate (docs/domain.md §10).
    code: 'VOLUNTARY_ENROLLMENT', name: 'Incorporación voluntaria al régimen obligatorio', durationMinutes: 40,
    offeredAt: EVERY_OFFICE, documents: [CURP, NSS, OFFICIAL_ID, PROOF_OF_ADDRESS, EMAIL],
  },
  PROOF_OF_LIFE: {
    // Pensioners abroad prove survival at a consulate every six months (docs/domain.md §8).
    code: 'PROOF_OF_LIFE', name: 'Comprobación de supervivencia de personas pensionadas', durationMinutes: 15,
    offeredAt: EVERY_OFFICE, documents: [PENSIONER_ID, PENSION_RESOLUTION, NSS_REQUIRED],
  },
  BENEFICIARY_UPDATE: {
    code: 'BENEFICIARY_UPDATE', name: 'Alta o actualización de personas beneficiarias', durationMinutes: 30,
    offeredAt: EVERY_OFFICE, documents: [CURP, NSS_REQUIRED, OFFICIAL_ID, BENEFICIARY_CURPS, BIRTH_CERTIFICATES, PARTNER_CERTIFICATE],
  },
  COVERAGE_VALIDITY: {
    // The Constancia de Vigencia de Derechos is issued with CURP + NSS + e-mail (docs/domain.md §8).
    code: 'COVERAGE_VALIDITY', name: 'Constancia de vigencia de derechos', durationMinutes: 15,
    offeredAt: EVERY_OFFICE, documents: [CURP, NSS_REQUIRED, EMAIL, OFFICIAL_ID],
  },
  BIOMETRIC_CAPTURE: {
    // Fingerprint and face enrolment are IMSS processes (docs/domain.md §9); consulates do not
    // capture biometrics for IMSS, so only IMSS offices offer it.
    code: 'BIOMETRIC_CAPTURE', name: 'Registro de datos biométricos (huella y rostro)', durationMinutes: 20,
    offeredAt: ['IMSS_SUBDELEGATION'], documents: [CURP, NSS_REQUIRED, OFFICIAL_ID],
  },
  GENERAL_ADVICE: {
    code: 'GENERAL_ADVICE', name: 'Asesoría general sobre trámites del IMSS', durationMinutes: 20,
    offeredAt: EVERY_OFFICE, documents: [CURP],
  },
};

/** Every service code, in display order. */
export const SERVICE_CODES: readonly ServiceCode[] = Object.keys(SERVICES) as ServiceCode[];

/** Names accepted for a service besides its code. */
export const SERVICE_ALIASES: Readonly<Record<string, ServiceCode>> = { NSS_ASSISTANCE: 'NSS_ASSIGNMENT' };

/** The services an office of this kind may offer. */
export function servicesOfferedAt(kind: OfficeKind): ServiceCode[] {
  return SERVICE_CODES.filter((code) => SERVICES[code].offeredAt.includes(kind));
}

/** Resolves a service code or alias; SERVICE_UNKNOWN lists the accepted codes. */
export function parseServiceCode(input: string): { ok: true; code: ServiceCode } | { ok: false; issues: ValidationIssue[] } {
  const value = input.trim().toUpperCase();
  if (Object.hasOwn(SERVICES, value)) return { ok: true, code: value as ServiceCode };
  const alias = Object.hasOwn(SERVICE_ALIASES, value) ? SERVICE_ALIASES[value] : undefined;
  if (alias !== undefined) return { ok: true, code: alias };
  return {
    ok: false,
    issues: [{ code: 'SERVICE_UNKNOWN', message: `Unknown service '${input}'; expected one of ${SERVICE_CODES.join(', ')}` }],
  };
}

/**
 * The catalogue of procedures (trámites) staff may declare as their access purpose
 * (X-Access-Purpose): consulate staff read a person's data only for a catalogued procedure and a
 * case, i.e. an appointment of that person at their own consulate that is open today (see the
 * `appointmentCase` query). Pure data, no I/O, so the gateway can validate purposes with it.
 *
 * Every advisory-window service maps to exactly one procedure, so a case's service names the
 * procedure it justifies. The codes are the services' codes except NSS_ASSISTANCE, whose service
 * keeps the historical wire code NSS_ASSIGNMENT (assigning a new NSS or locating an existing one).
 * GENERAL_ADVICE is catalogued too: advice on a person's own procedures starts from their record.
 */
import { PROCEDURE_CODES, isProcedureCode, type ProcedureCode } from '../../../schema/identity/procedures.ts';
import type { ServiceCode } from './types.ts';

export { PROCEDURE_CODES, isProcedureCode, type ProcedureCode };

export interface ProcedureDefinition {
  code: ProcedureCode;
  /** Spanish name, as shown to staff choosing a purpose. */
  name: string;
  /** The advisory-window service whose appointment is this procedure's case. */
  service: ServiceCode;
}

export const PROCEDURES_CHECKED_ON = '2026-12-01';

export const PROCEDURES: Readonly<Record<ProcedureCode, ProcedureDefinition>> = {
  NSS_ASSISTANCE: { code: 'NSS_ASSISTANCE', name: 'Asignación o localización del NSS', service: 'NSS_ASSIGNMENT' },
  VOLUNTARY_ENROLLMENT: { code: 'VOLUNTARY_ENROLLMENT', name: 'Incorporación voluntaria', service: 'VOLUNTARY_ENROLLMENT' },
  PROOF_OF_LIFE: { code: 'PROOF_OF_LIFE', name: 'Comprobación de supervivencia', service: 'PROOF_OF_LIFE' },
  BENEFICIARY_UPDATE: { code: 'BENEFICIARY_UPDATE', name: 'Alta o actualización de beneficiarios', service: 'BENEFICIARY_UPDATE' },
  COVERAGE_VALIDITY: { code: 'COVERAGE_VALIDITY', name: 'Constancia de vigencia de derechos', service: 'COVERAGE_VALIDITY' },
  BIOMETRIC_CAPTURE: { code: 'BIOMETRIC_CAPTURE', name: 'Registro de datos biométricos', service: 'BIOMETRIC_CAPTURE' },
  GENERAL_ADVICE: { code: 'GENERAL_ADVICE', name: 'Asesoría general', service: 'GENERAL_ADVICE' },
};

const BY_SERVICE: ReadonlyMap<ServiceCode, ProcedureCode> = new Map(PROCEDURE_CODES.map((code) => [PROCEDURES[code].service, code]));

/** The procedure an appointment for `service` is the case of. */
export function procedureOfService(service: ServiceCode): ProcedureCode {
  const code = BY_SERVICE.get(service);
  if (code === undefined) throw new Error(`service ${service} has no catalogued procedure`);
  return code;
}

/** True when an appointment for `service` is a case for `procedure`. */
export function caseCoversProcedure(service: ServiceCode, procedure: ProcedureCode): boolean {
  return PROCEDURES[procedure].service === service;
}

/** The procedure catalogue that staff access purposes are checked against. */
import { describe, expect, it } from 'vitest';
import {
  PROCEDURES, PROCEDURE_CODES, SERVICE_CODES, caseCoversProcedure, isProcedureCode, procedureOfService,
} from '../../../subgraphs/appointments/reference/index.ts';

describe('procedures', () => {
  it('catalogues the procedures of the consular agreement', () => {
    expect(PROCEDURE_CODES).toEqual(expect.arrayContaining([
      'NSS_ASSISTANCE', 'VOLUNTARY_ENROLLMENT', 'PROOF_OF_LIFE', 'BENEFICIARY_UPDATE', 'COVERAGE_VALIDITY', 'BIOMETRIC_CAPTURE',
    ]));
  });

  it('maps every service to exactly one procedure, and back', () => {
    for (const service of SERVICE_CODES) expect(PROCEDURES[procedureOfService(service)].service).toBe(service);
    expect(new Set(PROCEDURE_CODES.map((code) => PROCEDURES[code].service)).size).toBe(PROCEDURE_CODES.length);
  });

  it('maps the NSS_ASSIGNMENT service to the NSS_ASSISTANCE procedure', () => {
    expect(procedureOfService('NSS_ASSIGNMENT')).toBe('NSS_ASSISTANCE');
  });

  it('accepts only exact catalogued codes, never prototype names or lower case', () => {
    expect(isProcedureCode('PROOF_OF_LIFE')).toBe(true);
    for (const value of ['proof_of_life', 'NSS_ASSIGNMENT', 'constructor', '__proto__', '']) expect(isProcedureCode(value), value).toBe(false);
  });

  it('says an appointment is the case of its own service’s procedure only', () => {
    expect(caseCoversProcedure('PROOF_OF_LIFE', 'PROOF_OF_LIFE')).toBe(true);
    expect(caseCoversProcedure('GENERAL_ADVICE', 'BENEFICIARY_UPDATE')).toBe(false);
  });
});

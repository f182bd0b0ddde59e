/** Services: durations, document checklists and the reconciliation with the schema enum. */
import { describe, expect, it } from 'vitest';
import { SERVICE_CODES, SERVICES, parseServiceCode, servicesOfferedAt } from '../../../subgraphs/appointments/reference/index.ts';

describe('services', () => {
  it('keeps every value of the schema enum AppointmentService', () => {
    expect(SERVICE_CODES).toEqual(expect.arrayContaining(['VOLUNTARY_ENROLLMENT', 'NSS_ASSIGNMENT', 'PROOF_OF_LIFE', 'GENERAL_ADVICE']));
  });

  it('maps NSS_ASSISTANCE onto the NSS_ASSIGNMENT code, case-insensitively', () => {
    expect(parseServiceCode('NSS_ASSISTANCE')).toEqual({ ok: true, code: 'NSS_ASSIGNMENT' });
    expect(parseServiceCode(' proof_of_life ')).toEqual({ ok: true, code: 'PROOF_OF_LIFE' });
  });

  it('rejects unknown codes, including object prototype names, with SERVICE_UNKNOWN', () => {
    for (const input of ['PASSPORT', 'constructor', '__proto__', 'toString']) {
      expect(parseServiceCode(input)).toMatchObject({ ok: false, issues: [{ code: 'SERVICE_UNKNOWN' }] });
    }
  });

  it('gives each service a positive whole duration and a keyed checklist with Spanish labels', () => {
    for (const code of SERVICE_CODES) {
      const service = SERVICES[code];
      expect(service.code).toBe(code);
      expect(Number.isInteger(service.durationMinutes) && service.durationMinutes > 0).toBe(true);
      expect(service.documents.length).toBeGreaterThan(0);
      for (const doc of service.documents) expect(doc.code).toMatch(/^[A-Z_]+$/);
      expect(new Set(service.documents.map((d) => d.code)).size).toBe(service.documents.length);
    }
  });

  it('accepts matrícula consular, passport or INE as official ID for enrollment', () => {
    const id = SERVICES.VOLUNTARY_ENROLLMENT.documents.find((d) => d.code === 'OFFICIAL_ID');
    expect(id?.anyOf?.map((d) => d.code)).toEqual(['MATRICULA_CONSULAR', 'PASSPORT', 'INE_VOTER_ID']);
    expect(SERVICES.VOLUNTARY_ENROLLMENT.documents.map((d) => d.code)).toEqual(expect.arrayContaining(['CURP', 'PROOF_OF_ADDRESS', 'EMAIL']));
  });

  it('asks a pensioner for ID and the pension resolution at proof of life', () => {
    expect(SERVICES.PROOF_OF_LIFE.documents.map((d) => d.code)).toEqual(expect.arrayContaining(['PENSIONER_ID', 'PENSION_RESOLUTION']));
  });

  it('asks for birth and marriage/cohabitation certificates to update beneficiaries', () => {
    const docs = SERVICES.BENEFICIARY_UPDATE.documents;
    expect(docs.map((d) => d.code)).toContain('BIRTH_CERTIFICATE');
    expect(docs.find((d) => d.code === 'PARTNER_CERTIFICATE')?.anyOf?.map((d) => d.code)).toContain('MARRIAGE_CERTIFICATE');
  });

  it('asks for CURP, NSS and e-mail for a coverage-validity certificate', () => {
    expect(SERVICES.COVERAGE_VALIDITY.documents.map((d) => d.code)).toEqual(expect.arrayContaining(['CURP', 'NSS', 'EMAIL']));
  });

  it('offers biometric capture at IMSS offices only', () => {
    expect(servicesOfferedAt('CONSULATE')).not.toContain('BIOMETRIC_CAPTURE');
    expect(servicesOfferedAt('EMBASSY_CONSULAR_SECTION')).not.toContain('BIOMETRIC_CAPTURE');
    expect(servicesOfferedAt('IMSS_SUBDELEGATION')).toContain('BIOMETRIC_CAPTURE');
  });
});

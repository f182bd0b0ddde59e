import { describe, expect, it } from 'vitest';
import { InvalidPurposeError, parsePurpose } from '../../../schema/identity/purpose.ts';
import { claimsFromViewer, identityClaimsSchema, viewerFromClaims } from '../../../schema/identity/viewer.ts';

const parse = (claims: Record<string, unknown>) => identityClaimsSchema.safeParse(claims);

describe('identityClaimsSchema', () => {
  it('accepts a role with its scope and ignores unrelated claims', () => {
    expect(parse({ sub: 'p', roles: ['INSURED'], curp: 'SABC560626MDFLRN01', email: 'a@b.mx' }).success).toBe(true);
  });

  it('requires each held role’s scope, naming the missing claim', () => {
    const result = parse({ sub: 'p', roles: ['INSURED', 'BANK'], curp: 'SABC560626MDFLRN01' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['bank_id']]);
  });

  it('refuses unknown roles, empty roles, an empty subject and control characters in ids', () => {
    expect(parse({ sub: 'p', roles: ['SUPERUSER'] }).success).toBe(false);
    expect(parse({ sub: 'p', roles: [] }).success).toBe(false);
    expect(parse({ sub: '', roles: ['ANALYST'] }).success).toBe(false);
    expect(parse({ sub: 'p\nq', roles: ['ANALYST'] }).success).toBe(false);
    expect(parse({ sub: 'p', roles: ['BANK'], bank_id: 'BANK-1,BANK-2' }).success).toBe(false);
  });

  it('checks the scope formats: subdelegation two digits, registro patronal 11 characters', () => {
    expect(parse({ sub: 'o', roles: ['IMSS_OFFICER'], subdelegation: '1' }).success).toBe(false);
    expect(parse({ sub: 'o', roles: ['IMSS_OFFICER'], subdelegation: '01' }).success).toBe(true);
    expect(parse({ sub: 'e', roles: ['EMPLOYER'], employer_registrations: ['Y123456710'] }).success).toBe(false);
    expect(parse({ sub: 'e', roles: ['EMPLOYER'], employer_registrations: ['Y1234567101', 'A0112345401'] }).success).toBe(true);
    // Position 1 is a letter, as the enrollments rules require (docs/domain.md §4).
    expect(parse({ sub: 'e', roles: ['EMPLOYER'], employer_registrations: ['11234567101'] }).success).toBe(false);
  });
});

describe('viewerFromClaims / claimsFromViewer', () => {
  it('round-trips, with duplicates removed', () => {
    const viewer = viewerFromClaims({
      sub: 'multi',
      roles: ['EMPLOYER', 'EMPLOYER', 'BANK'],
      employer_registrations: ['Y1234567101', 'Y1234567101'],
      bank_id: 'BANK-001',
    });
    expect(viewer.roles).toEqual(['EMPLOYER', 'BANK']);
    expect(viewer.employerRegistrations).toEqual(['Y1234567101']);
    expect(viewerFromClaims(identityClaimsSchema.parse(claimsFromViewer(viewer)))).toEqual(viewer);
  });
});

describe('parsePurpose', () => {
  it('trims, treats blank as none, and refuses oversized, multi-line or uncatalogued values', () => {
    expect(parsePurpose('  NSS_ASSISTANCE:consulado-123 ')).toBe('NSS_ASSISTANCE:consulado-123');
    expect(parsePurpose('PROOF_OF_LIFE')).toBe('PROOF_OF_LIFE');
    expect(() => parsePurpose('TRAMITE:consulado-123')).toThrow(InvalidPurposeError);
    expect(() => parsePurpose('nss_assistance:1')).toThrow(InvalidPurposeError);
    expect(() => parsePurpose('NSS_ASSISTANCEX')).toThrow(InvalidPurposeError);
    expect(parsePurpose('   ')).toBeNull();
    expect(parsePurpose(undefined)).toBeNull();
    expect(() => parsePurpose('x'.repeat(201))).toThrow(InvalidPurposeError);
    expect(() => parsePurpose('NSS_ASSISTANCE:a\r\nb')).toThrow(InvalidPurposeError);
  });
});

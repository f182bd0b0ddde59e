import { describe, expect, it } from 'vitest';
import { PROCEDURES } from '../../../subgraphs/appointments/reference/procedures.ts';
import { PROCEDURE_CODES } from '../../../schema/identity/procedures.ts';
import { pseudonym, purposeProcedure, safeErrorSerializer, scrubErrorText, scrubText } from '../../../schema/runtime/redaction.ts';

describe('scrubbing personal data from telemetry text', () => {
  it('replaces CURPs, RFCs, NSS, phones, e-mails and tokens, wherever they sit in the text', () => {
    const text = 'curp GOMA800101HDFRRN09 rfc GOMA800101AB1 nss 12345678901 tel +52 (55) 1234-5678 mail ana.lopez@example.mx jwt eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln Bearer abc.def-123456 op Q_GOMA800101HDFRRN09';
    const scrubbed = scrubText(text);
    for (const secret of ['GOMA800101HDFRRN09', 'GOMA800101AB1', '12345678901', '1234-5678', 'ana.lopez@example.mx', 'eyJhbGciOiJFUzI1NiJ9', 'abc.def-123456']) {
      expect(scrubbed).not.toContain(secret);
    }
    expect(scrubbed).toContain('[curp]');
    expect(scrubbed).toContain('[email]');
  });

  it('keeps dates, instants and short numbers, which identify no one', () => {
    expect(scrubText('on 2026-01-01 at 2026-01-01T10:00:00.000 took 12.5 ms, port 4001')).toBe('on 2026-01-01 at 2026-01-01T10:00:00.000 took 12.5 ms, port 4001');
  });

  it('cuts the input values GraphQL messages quote, names included', () => {
    expect(scrubErrorText('Expected value of type "Curp", found "JUAN PEREZ"; bad')).toBe('Expected value of type "Curp", found [value]; bad');
    expect(scrubErrorText('Variable "$i" got invalid value { givenNames: "María; José" }; Field "x" missing')).toBe('Variable "$i" got invalid value [value]');
    expect(scrubErrorText("Position 2 must be a vowel, found 'B'")).toBe('Position 2 must be a vowel, found [value]');
  });
});

describe('serializing errors for logs', () => {
  it("drops a driver's bound parameters and PostgreSQL's detail, and scrubs message and stack", () => {
    const error = Object.assign(new Error('duplicate key value for GOMA800101HDFRRN09'), {
      code: '23505',
      constraint_name: 'persons_curp_key',
      detail: 'Key (curp)=(GOMA800101HDFRRN09) already exists.',
      parameters: ['GOMA800101HDFRRN09', 'María'],
      args: ['María'],
    });
    const serialized = safeErrorSerializer(error) as Record<string, unknown>;
    expect(serialized).toMatchObject({ type: 'Error', code: '23505', constraint_name: 'persons_curp_key' });
    expect(JSON.stringify(serialized)).not.toMatch(/GOMA800101HDFRRN09|María|detail|parameters/);
  });

  it('keeps the code of a GraphQL error but not its extensions', () => {
    const error = Object.assign(new Error('Invalid Curp'), { extensions: { code: 'CURP_CHECK_DIGIT', issues: [{ message: 'found GOMA800101HDFRRN01' }] } });
    const serialized = safeErrorSerializer(error) as Record<string, unknown>;
    expect(serialized.code).toBe('CURP_CHECK_DIGIT');
    expect(JSON.stringify(serialized)).not.toContain('GOMA');
  });
});

describe('what of a caller may be logged', () => {
  it('gives a client the same pseudonym each time, and different clients different ones, never the subject', () => {
    const a = pseudonym('sub:GOMA800101HDFRRN09');
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(pseudonym('sub:GOMA800101HDFRRN09')).toBe(a);
    expect(pseudonym('sub:LOPA700101MDFRRN02')).not.toBe(a);
  });

  it("logs a purpose's catalogued procedure only, never its free text", () => {
    expect(purposeProcedure('NSS_ASSISTANCE:window 3, Juan Pérez')).toBe('NSS_ASSISTANCE');
    expect(purposeProcedure('Verificación de María López GOMA800101HDFRRN09')).toBe('UNCATALOGUED');
    expect(purposeProcedure('JUAN:case')).toBe('UNCATALOGUED');
    expect(purposeProcedure(null)).toBeNull();
  });

  it("lists exactly the appointments subgraph's procedures", () => {
    expect([...PROCEDURE_CODES].sort()).toEqual(Object.keys(PROCEDURES).sort());
  });
});

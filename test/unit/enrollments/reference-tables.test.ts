/** Reference tables read from the database rows (a fake repository) into the rules' dated tables. */
import { describe, expect, it } from 'vitest';
import { referenceTables } from '../../../subgraphs/enrollments/reference-tables.ts';
import type { EnrollmentsRepository } from '../../../subgraphs/enrollments/repository.ts';
import { valueInForce } from '../../../subgraphs/enrollments/rules/reference/index.ts';
import { mexicoCityToday } from '../../../subgraphs/enrollments/mexico-today.ts';
import { clockAt } from '../../../subgraphs/shared/context.ts';

const version = (id: string, validFrom: string, validTo: string | null) => ({ versionId: id, validFrom, validTo, source: 's', checkedOn: '2026-12-01', confirmed: true });

function fake(overrides: Partial<EnrollmentsRepository['reference']>): EnrollmentsRepository['reference'] {
  const base = {
    uma: async () => [{ ...version('u1', '2025-02-01', '2026-01-31'), dailyCentavos: 11_314 }],
    nonBusinessDays: async () => [{ day: '2026-06-07', kind: 'ELECTION_DAY' as const, source: 's', checkedOn: '2026-12-01' }, { day: '2026-06-08', kind: 'DECLARED_CLOSURE' as const, source: 's', checkedOn: '2026-11-01' }],
  };
  return { ...base, ...overrides } as EnrollmentsRepository['reference'];
}

describe('reference tables from the database', () => {
  it('builds one dated row per version and reads each table once per request', async () => {
    let reads = 0;
    const tables = referenceTables(fake({ uma: async () => { reads += 1; return [{ ...version('u1', '2025-02-01', '2026-01-31'), dailyCentavos: 11_314 }, { ...version('u2', '2026-02-01', null), dailyCentavos: 11_731 }]; } }));
    const uma = await tables.uma();
    await tables.uma();
    expect(reads).toBe(1);
    expect(valueInForce(uma, '2026-01-31').value.daily).toBe(11_314);
    expect(valueInForce(uma, '2026-02-01').value.daily).toBe(11_731);
    expect(() => valueInForce(uma, '2025-01-31')).toThrow(/UMA has no value in force on 2025-01-31/);
  });

  it('groups the zones of a minimum wage version, and refuses a version missing a zone', async () => {
    const complete = referenceTables(fake({ minimumWages: async () => [{ ...version('w1', '2026-01-01', null), zone: 'GENERAL', dailyCentavos: 31_504 }, { ...version('w1', '2026-01-01', null), zone: 'NORTHERN_BORDER', dailyCentavos: 44_087 }] }));
    expect(valueInForce(await complete.minimumWage(), '2026-05-01').value).toEqual({ GENERAL: 31_504, NORTHERN_BORDER: 44_087 });
    const partial = referenceTables(fake({ minimumWages: async () => [{ ...version('w1', '2026-01-01', null), zone: 'GENERAL', dailyCentavos: 31_504 }] }));
    await expect(partial.minimumWage()).rejects.toMatchObject({ code: 'REFERENCE_TABLE_INVALID' });
  });

  it('makes election days and declared closures non-business days of the deadline calendar', async () => {
    const calendar = await referenceTables(fake({})).calendar();
    expect(calendar.isBusinessDay('2026-06-08')).toBe(false);
    expect(calendar.nonBusinessReason('2026-06-08')).toMatch(/declared/);
    expect(calendar.checkedOn).toBe('2026-12-01');
  });
});

describe('IMSS calendar day', () => {
  it('is the Mexico City date, not the UTC one', () => {
    expect(mexicoCityToday(clockAt(new Date('2026-03-06T01:30:00Z')))).toBe('2026-03-05');
    expect(mexicoCityToday(clockAt(new Date('2026-03-06T06:30:00Z')))).toBe('2026-03-06');
  });
});

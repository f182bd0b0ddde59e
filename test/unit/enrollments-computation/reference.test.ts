/** Dated reference tables and their seeds (UMA, minimum wage, family health fees, PTI rates). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../support/thrown.ts';
import { addDays } from '../../../subgraphs/shared/dates.ts';
import type { DatedTable } from '../../../subgraphs/enrollments/rules/reference/index.ts';
import {
  assertValidTable, FAMILY_HEALTH_FEE_TABLE, MINIMUM_WAGE_TABLE, MissingReferenceValue, percent, PTI_PROGRAMME_TABLE, PTI_RATE_TABLE,
  ptiPaymentRulesFrom, ReferenceTableError, UMA_TABLE, umaAnnual, umaMonthly, valueInForce,
} from '../../../subgraphs/enrollments/rules/reference/index.ts';

const row = (value: number, validFrom: string, validTo: string | null) => ({ value, validFrom, validTo, source: 'test', checkedOn: '2026-12-01', confirmed: true });

const errorOf = (fn: () => unknown): ReferenceTableError => thrownBy(fn, ReferenceTableError);

describe('valueInForce', () => {
  it('includes both ends of a row (UMA changes on 1 February)', () => {
    expect(valueInForce(UMA_TABLE, '2025-02-01').value.daily).toBe(11314);
    expect(valueInForce(UMA_TABLE, '2026-01-31').value.daily).toBe(11314);
    expect(valueInForce(UMA_TABLE, '2026-02-01').value.daily).toBe(11731);
  });

  it('answers any later date from an open-ended row', () => {
    const table: DatedTable<number> = { name: 'T', rows: [row(1, '2020-01-01', '2020-12-31'), row(2, '2021-01-01', null)] };
    expect(valueInForce(table, '2099-06-30').value).toBe(2);
  });

  it('throws REFERENCE_TABLE_MISSING naming the table and the date', () => {
    const error = errorOf(() => valueInForce(UMA_TABLE, '2025-01-31'));
    expect(error).toBeInstanceOf(MissingReferenceValue);
    expect(error.code).toBe('REFERENCE_TABLE_MISSING');
    expect(error.details).toEqual({ table: 'UMA', date: '2025-01-31' });
    expect(error.message).toContain('UMA');
    expect(error.message).toContain('2025-01-31');
  });

  it('throws REFERENCE_TABLE_MISSING in a gap between rows', () => {
    const table: DatedTable<number> = { name: 'GAPPY', rows: [row(1, '2020-01-01', '2020-06-30'), row(2, '2020-07-02', null)] };
    expect(errorOf(() => valueInForce(table, '2020-07-01')).code).toBe('REFERENCE_TABLE_MISSING');
  });

  it('refuses rows that share a day, even when asked about another date', () => {
    const table: DatedTable<number> = { name: 'OVER', rows: [row(1, '2020-01-01', '2020-12-31'), row(2, '2020-12-31', null)] };
    const error = errorOf(() => valueInForce(table, '2020-03-01'));
    expect(error.code).toBe('REFERENCE_TABLE_OVERLAP');
    expect(error.details.table).toBe('OVER');
    expect(error.details.date).toBe('2020-12-31');
  });

  it('refuses an open-ended row followed by another row', () => {
    const table: DatedTable<number> = { name: 'OPEN', rows: [row(2, '2021-01-01', null), row(1, '2022-01-01', null)] };
    expect(errorOf(() => valueInForce(table, '2021-05-01')).code).toBe('REFERENCE_TABLE_OVERLAP');
  });

  it('refuses a row that ends before it starts and a date that is not a calendar date', () => {
    const reversed: DatedTable<number> = { name: 'REV', rows: [row(1, '2021-01-01', '2020-01-01')] };
    expect(errorOf(() => valueInForce(reversed, '2020-06-01')).code).toBe('REFERENCE_TABLE_INVALID');
    expect(errorOf(() => valueInForce(UMA_TABLE, '2025-02-30')).code).toBe('REFERENCE_TABLE_INVALID');
  });

  it('answers every day of the seeded UMA range without a gap (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 729 }), (offset) => {
      const date = addDays('2025-02-01', offset);
      expect(valueInForce(UMA_TABLE, date).value.daily).toBe(date < '2026-02-01' ? 11314 : 11731);
    }));
  });
});

describe('UMA monthly and annual values', () => {
  it('reproduces the published 2025 figures 3,439.46 and 41,273.52', () => {
    expect(umaMonthly({ daily: 11314 })).toBe(343946);
    expect(umaAnnual({ daily: 11314 })).toBe(4127352);
  });

  it('reproduces the published 2026 figures 3,566.22 and 42,794.64', () => {
    expect(umaMonthly({ daily: 11731 })).toBe(356622);
    expect(umaAnnual({ daily: 11731 })).toBe(4279464);
  });
});

describe('seed tables', () => {
  const seeds = [UMA_TABLE, MINIMUM_WAGE_TABLE, FAMILY_HEALTH_FEE_TABLE, PTI_RATE_TABLE] as DatedTable<unknown>[];

  it('are valid and dated with the last check', () => {
    for (const table of seeds) {
      expect(() => assertValidTable(table)).not.toThrow();
      for (const r of table.rows) expect(r.checkedOn).toBe('2026-12-01');
    }
  });

  it('change the minimum wage on 1 January, by zone', () => {
    expect(valueInForce(MINIMUM_WAGE_TABLE, '2025-12-31').value).toEqual({ GENERAL: 27880, NORTHERN_BORDER: 41988 });
    expect(valueInForce(MINIMUM_WAGE_TABLE, '2026-01-01').value).toEqual({ GENERAL: 31504, NORTHERN_BORDER: 44087 });
  });

  it('switch family health fees on 1 March 2025 and mark the carried-forward 2026 fees unconfirmed', () => {
    expect(valueInForce(FAMILY_HEALTH_FEE_TABLE, '2025-02-28').value.bands[0]?.annualFee).toBe(820000);
    const from2025 = valueInForce(FAMILY_HEALTH_FEE_TABLE, '2025-03-01');
    expect(from2025.value.bands.map((b) => b.annualFee)).toEqual([890000, 1110000, 1185000, 1380000, 1425000, 1980000, 2065000, 2130000]);
    expect(from2025.confirmed).toBe(true);
    const provisional = valueInForce(FAMILY_HEALTH_FEE_TABLE, '2026-03-01');
    expect(provisional.confirmed).toBe(false);
    expect(provisional.validTo).toBeNull();
  });

  it('keep every PTI rate line unconfirmed and citing its legal article', () => {
    for (const r of PTI_RATE_TABLE.rows) {
      expect(r.confirmed).toBe(false);
      for (const line of r.value.lines) {
        expect(line.confirmed).toBe(false);
        expect(line.source).toContain(line.article);
        expect(line.article).toMatch(/^(LSS art\.|Ley del Infonavit art\.)/);
      }
    }
  });
});

describe('percent', () => {
  it('moves the decimal point exactly', () => {
    expect(percent('20.40')).toBe('0.204');
    expect(percent('0.375')).toBe('0.00375');
    expect(percent('5.00')).toBe('0.05');
    expect(percent('100')).toBe('1');
    expect(percent('7.513')).toBe('0.07513');
  });
});

describe('PTI programme table', () => {
  it('keeps the unconfirmed deadline day and modalidad as a dated, unconfirmed row', () => {
    const row = valueInForce(PTI_PROGRAMME_TABLE, '2026-12-01');
    expect(row.value).toEqual({ paymentDeadlineDay: 20, rollForwardOnNonBusinessDay: true, modality: '44' });
    expect(row.confirmed).toBe(false);
    expect(() => valueInForce(PTI_PROGRAMME_TABLE, '2023-12-01')).toThrow(MissingReferenceValue);
  });

  it('gives the payment rules of the row, unconfirmed unless the row is confirmed', () => {
    const row = valueInForce(PTI_PROGRAMME_TABLE, '2026-12-01');
    expect(ptiPaymentRulesFrom(row)).toMatchObject({ paymentDeadlineDay: 20, rollForwardOnNonBusinessDay: true, status: 'UNCONFIRMED', checkedOn: '2026-12-01' });
    expect(ptiPaymentRulesFrom({ ...row, confirmed: true, value: { ...row.value, paymentDeadlineDay: 15 } })).toMatchObject({ paymentDeadlineDay: 15, status: 'CONFIRMED' });
  });
});

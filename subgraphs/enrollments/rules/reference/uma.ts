/**
 * UMA (Unidad de Medida y Actualización): INEGI publishes a daily value each January, in force
 * from 1 February to 31 January; the monthly and annual figures are derived from it
 * (docs/domain.md §5): monthly = daily × 30.4, annual = monthly × 12, each rounded half-up to the
 * centavo, which reproduces the published 3,439.46 / 41,273.52 (2025) and 3,566.22 / 42,794.64 (2026).
 */
import type { DatedTable } from './dated-table.ts';
import { integer, multiply, parseDecimal, roundHalfUp } from './exact.ts';

export interface UmaValue {
  /** Daily UMA in centavos. */
  daily: number;
}

/** Days per month INEGI uses to derive the monthly UMA from the daily one. */
export const UMA_DAYS_PER_MONTH = '30.4';

/** Monthly UMA in centavos: daily × 30.4, rounded half-up. */
export function umaMonthly(uma: UmaValue): number {
  return roundHalfUp(multiply(integer(uma.daily), parseDecimal(UMA_DAYS_PER_MONTH)));
}

/** Annual UMA in centavos: the (rounded) monthly UMA × 12, as INEGI publishes it. */
export function umaAnnual(uma: UmaValue): number {
  return umaMonthly(uma) * 12;
}

const CHECKED_ON = '2026-12-01';

/** Seed UMA values (docs/domain.md §5). */
export const UMA_TABLE: DatedTable<UmaValue> = {
  name: 'UMA',
  rows: [
    {
      value: { daily: 11314 },
      validFrom: '2025-02-01',
      validTo: '2026-01-31',
      source: 'INEGI UMA 2025 (daily 113.14) as reported by https://eldiariodesonora.com.mx/mexico/2025/01/10/aumenta-uma-2025-impacto-tu-bolsillo.html',
      checkedOn: CHECKED_ON,
      confirmed: true,
    },
    {
      value: { daily: 11731 },
      validFrom: '2026-02-01',
      validTo: '2027-01-31',
      source: 'INEGI UMA 2026 (daily 117.31) as reported by https://www.eluniversal.com.mx/cartera/el-valor-diario-de-la-uma-sera-de-11731-pesos-durante-2026/',
      checkedOn: CHECKED_ON,
      confirmed: true,
    },
  ],
};

/**
 * Daily minimum wage by zone, set by CONASAMI and in force from 1 January (docs/domain.md §5).
 * Only daily values are stored: press monthly figures use different day counts.
 */
import type { DatedTable } from './dated-table.ts';

/** GENERAL = rest of the country; NORTHERN_BORDER = Zona Libre de la Frontera Norte. */
export type WageZone = 'GENERAL' | 'NORTHERN_BORDER';

export const WAGE_ZONES: readonly WageZone[] = ['GENERAL', 'NORTHERN_BORDER'];

/** Daily minimum wage per zone, in centavos. */
export type MinimumWageValue = Readonly<Record<WageZone, number>>;

const CHECKED_ON = '2026-12-01';

/** Seed minimum wages (docs/domain.md §5). */
export const MINIMUM_WAGE_TABLE: DatedTable<MinimumWageValue> = {
  name: 'MINIMUM_WAGE',
  rows: [
    {
      value: { GENERAL: 27880, NORTHERN_BORDER: 41988 },
      validFrom: '2025-01-01',
      validTo: '2025-12-31',
      source: 'CONASAMI 2025 (278.80 general, 419.88 frontera norte) as reported by https://piedraconsultores.com.mx/?p=6320',
      checkedOn: CHECKED_ON,
      confirmed: true,
    },
    {
      value: { GENERAL: 31504, NORTHERN_BORDER: 44087 },
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      source: 'CONASAMI 2026 (315.04 general, 440.87 frontera norte) as reported by https://www.sdpnoticias.com/negocios/desde-hoy-el-salario-minimo-en-mexico-es-de-31504-diarios/',
      checkedOn: CHECKED_ON,
      confirmed: true,
    },
  ],
};

/**
 * Seguro de Salud para la Familia (modalidad 33): an annual fee per enrolled person by age band,
 * set by the Consejo Técnico each year since the 2014 reform of LSS art. 242 (docs/domain.md §5).
 *
 * Seed decisions:
 * - Earlier table: reported by the press in 2023/24 with no start date found; it starts here on
 *   2024-01-01 (confirmed: false) so a quote before that fails loudly instead of using a guess.
 * - Table from 1 Mar 2025: in force until 2026-02-28 (confirmed: true, two press sources).
 * - 2026 table: UNCONFIRMED. The 2025 figures are carried forward in a separate open-ended row
 *   from 2026-03-01 marked confirmed: false, so quotes keep working but every quote on or after
 *   that date says its fees are provisional; replace the row when the 2026 table is published.
 */
import type { DatedTable } from './dated-table.ts';

export type AgeBandCode = '0-19' | '20-29' | '30-39' | '40-49' | '50-59' | '60-69' | '70-79' | '80+';

export interface AgeBandFee {
  band: AgeBandCode;
  minAge: number;
  /** Inclusive; null for the open top band. */
  maxAge: number | null;
  /** Annual fee per person, in centavos. */
  annualFee: number;
}

export interface FamilyHealthFeeSchedule {
  bands: readonly AgeBandFee[];
}

const BAND_LIMITS: readonly [AgeBandCode, number, number | null][] = [
  ['0-19', 0, 19], ['20-29', 20, 29], ['30-39', 30, 39], ['40-49', 40, 49],
  ['50-59', 50, 59], ['60-69', 60, 69], ['70-79', 70, 79], ['80+', 80, null],
];

/** Builds a schedule from eight annual fees in pesos (whole pesos, as published), youngest first. */
export function scheduleFromPesos(pesos: readonly number[]): FamilyHealthFeeSchedule {
  if (pesos.length !== BAND_LIMITS.length) throw new RangeError(`Expected ${BAND_LIMITS.length} fees, got ${pesos.length}`);
  return {
    bands: BAND_LIMITS.map(([band, minAge, maxAge], i) => ({ band, minAge, maxAge, annualFee: Math.round(pesos[i]! * 100) })),
  };
}

const CHECKED_ON = '2026-12-01';
const SOURCES = 'https://laverdadnoticias.com/ultimas-noticias/mexico/imss-afiliacion-voluntaria ; https://www.mediotiempo.com/otros-mundos/imss-estas-son-las-enfermedades-que-no-cubre-el-seguro-voluntario';
const FEES_FROM_MARCH_2025 = scheduleFromPesos([8900, 11100, 11850, 13800, 14250, 19800, 20650, 21300]);

/** Seed fee tables (docs/domain.md §5). */
export const FAMILY_HEALTH_FEE_TABLE: DatedTable<FamilyHealthFeeSchedule> = {
  name: 'FAMILY_HEALTH_FEES',
  rows: [
    {
      value: scheduleFromPesos([8200, 10200, 10950, 12700, 13150, 18300, 19050, 19700]),
      validFrom: '2024-01-01',
      validTo: '2025-02-28',
      source: `Earlier table as reported in 2023/24; start date not found (2024-01-01 assumed). ${SOURCES}`,
      checkedOn: CHECKED_ON,
      confirmed: false,
    },
    {
      value: FEES_FROM_MARCH_2025,
      validFrom: '2025-03-01',
      validTo: '2026-02-28',
      source: `Table in force from 1 Mar 2025. ${SOURCES}`,
      checkedOn: CHECKED_ON,
      confirmed: true,
    },
    {
      value: FEES_FROM_MARCH_2025,
      validFrom: '2026-03-01',
      validTo: null,
      source: 'PROVISIONAL: the 2026 table was not found; the table from 1 Mar 2025 is carried forward until it is published (LSS art. 242: fees are set yearly by the Consejo Técnico).',
      checkedOn: CHECKED_ON,
      confirmed: false,
    },
  ],
};

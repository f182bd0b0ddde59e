/**
 * Contribution lines of the régimen obligatorio that a persona trabajadora independiente (PTI)
 * pays in full — the employer's and the worker's share — on the declared monthly income
 * (LSS art. 227-I; docs/domain.md §5). IMSS's exact PTI rates are UNCONFIRMED: this seed is built
 * from the obligatory-regime rates of the LSS as publicly known, every line `confirmed: false`.
 * Replace the table with IMSS's own figures when they are published.
 */
import type { DatedTable } from './dated-table.ts';

export type ContributionShare = 'EMPLOYER' | 'WORKER';

/** What a line's rate applies to, for one month. */
export type ContributionBasis =
  /** The monthly UMA (daily UMA × days per month). */
  | { kind: 'UMA' }
  /** The part of the declared income above `umaMultiple` monthly UMAs (never negative). */
  | { kind: 'EXCESS_OVER_UMA'; umaMultiple: string }
  /** The declared monthly income. */
  | { kind: 'INCOME' };

/** A rate that depends on the income expressed in UMAs; `upToUmaMultiple` is inclusive, null = no limit. */
export interface RateBand {
  upToUmaMultiple: string | null;
  rate: string;
}

/** Banded rate (cesantía y vejez since 2023): one rate at the minimum wage, then UMA bands. */
export interface BandedRate {
  atMinimumWage: string;
  bands: readonly RateBand[];
}

export interface PtiRateLine {
  code: string;
  label: string;
  share: ContributionShare;
  basis: ContributionBasis;
  /** Decimal fraction as text ('0.0204' = 2.04 %), or a banded rate. */
  rate: string | BandedRate;
  article: string;
  source: string;
  confirmed: boolean;
}

export interface PtiRateSet {
  lines: readonly PtiRateLine[];
}

/** '20.40' (percent) → '0.204' (fraction), exactly, by moving the decimal point. */
export function percent(text: string): string {
  if (!/^\d+(\.\d+)?$/.test(text)) throw new RangeError(`Not a percentage: "${text}"`);
  const [whole = '0', fraction = ''] = text.split('.');
  const padded = whole.padStart(3, '0');
  const digits = `${padded.slice(0, -2).replace(/^0+(?=\d)/, '')}.${padded.slice(-2)}${fraction}`;
  return digits.replace(/0+$/, '').replace(/\.$/, '');
}

const PUBLIC = 'obligatory-regime rate as publicly known; that IMSS charges exactly this to a PTI is unconfirmed';

function line(code: string, label: string, share: ContributionShare, basis: ContributionBasis, rate: string | BandedRate, article: string, note = PUBLIC): PtiRateLine {
  return { code, label, share, basis, rate, article, source: `${article}: ${note}`, confirmed: false };
}

const INCOME: ContributionBasis = { kind: 'INCOME' };

/** Lines whose rates did not change between 2025 and 2026. */
function fixedLines(): PtiRateLine[] {
  return [
    line('EM_CUOTA_FIJA', 'Enfermedades y maternidad — cuota fija', 'EMPLOYER', { kind: 'UMA' }, percent('20.40'), 'LSS art. 106-I',
      'obligatory-regime rate (20.40 % of the UMA per day, UMA in place of the minimum wage since the 2016 desindexación); PTI application unconfirmed'),
    line('EM_EXCEDENTE_PATRON', 'Enfermedades y maternidad — excedente de 3 UMA (patrón)', 'EMPLOYER', { kind: 'EXCESS_OVER_UMA', umaMultiple: '3' }, percent('1.10'), 'LSS art. 106-II'),
    line('EM_EXCEDENTE_OBRERO', 'Enfermedades y maternidad — excedente de 3 UMA (trabajador)', 'WORKER', { kind: 'EXCESS_OVER_UMA', umaMultiple: '3' }, percent('0.40'), 'LSS art. 106-II'),
    line('EM_DINERO_PATRON', 'Enfermedades y maternidad — prestaciones en dinero (patrón)', 'EMPLOYER', INCOME, percent('0.70'), 'LSS art. 107'),
    line('EM_DINERO_OBRERO', 'Enfermedades y maternidad — prestaciones en dinero (trabajador)', 'WORKER', INCOME, percent('0.25'), 'LSS art. 107'),
    line('EM_PENSIONADOS_PATRON', 'Enfermedades y maternidad — gastos médicos de pensionados (patrón)', 'EMPLOYER', INCOME, percent('1.05'), 'LSS art. 25'),
    line('EM_PENSIONADOS_OBRERO', 'Enfermedades y maternidad — gastos médicos de pensionados (trabajador)', 'WORKER', INCOME, percent('0.375'), 'LSS art. 25'),
    line('IV_PATRON', 'Invalidez y vida (patrón)', 'EMPLOYER', INCOME, percent('1.75'), 'LSS art. 147'),
    line('IV_OBRERO', 'Invalidez y vida (trabajador)', 'WORKER', INCOME, percent('0.625'), 'LSS art. 147'),
    line('RT', 'Riesgos de trabajo (prima mínima)', 'EMPLOYER', INCOME, percent('0.50'), 'LSS art. 74',
      'UNSURE: 0.5 % is the legal minimum premium; a new registration pays its class average instead (art. 73, e.g. class I 0.54355 %), and IMSS says the PTI amount depends on the activity'),
    line('GPS', 'Guarderías y prestaciones sociales', 'EMPLOYER', INCOME, percent('1.00'), 'LSS art. 211'),
    line('RETIRO', 'Retiro', 'EMPLOYER', INCOME, percent('2.00'), 'LSS art. 168-I'),
    line('CYV_OBRERO', 'Cesantía en edad avanzada y vejez (trabajador)', 'WORKER', INCOME, percent('1.125'), 'LSS art. 168-II'),
    line('INFONAVIT', 'Aportación de vivienda (Infonavit)', 'EMPLOYER', INCOME, percent('5.00'), 'Ley del Infonavit art. 29-II'),
  ];
}

const CYV_NOTE = 'banded employer rate of the 2020 pension reform (DOF 16 Dec 2020, transitory schedule 2023-2030, rising each 1 January); the top band matches the published modalidad 40 totals (13.347 % in 2025, 14.438 % in 2026); lower bands as published by payroll references, not checked against the DOF text';

/** Employer cesantía y vejez line for one year's schedule (percentages, lowest band first). */
function cesantiaPatron(atMinimumWage: string, upTo150: string, upTo200: string, upTo250: string, upTo300: string, upTo350: string, upTo400: string, above400: string): PtiRateLine {
  const bands: RateBand[] = [
    { upToUmaMultiple: '1.50', rate: percent(upTo150) },
    { upToUmaMultiple: '2.00', rate: percent(upTo200) },
    { upToUmaMultiple: '2.50', rate: percent(upTo250) },
    { upToUmaMultiple: '3.00', rate: percent(upTo300) },
    { upToUmaMultiple: '3.50', rate: percent(upTo350) },
    { upToUmaMultiple: '4.00', rate: percent(upTo400) },
    { upToUmaMultiple: null, rate: percent(above400) },
  ];
  return line('CYV_PATRON', 'Cesantía en edad avanzada y vejez (patrón)', 'EMPLOYER', INCOME, { atMinimumWage: percent(atMinimumWage), bands }, 'LSS art. 168-II', CYV_NOTE);
}

/** Places the banded employer line after RETIRO so the lines read in the usual order. */
function rateSet(cyvPatron: PtiRateLine): PtiRateSet {
  const lines = fixedLines();
  const at = lines.findIndex((l) => l.code === 'CYV_OBRERO');
  lines.splice(at, 0, cyvPatron);
  return { lines };
}

const CHECKED_ON = '2026-12-01';

/** Seed PTI rate table: one row per calendar year (the banded rate changes on 1 January). */
export const PTI_RATE_TABLE: DatedTable<PtiRateSet> = {
  name: 'PTI_RATES',
  rows: [
    {
      value: rateSet(cesantiaPatron('3.150', '3.544', '4.426', '4.954', '5.307', '5.559', '5.747', '6.422')),
      validFrom: '2025-01-01',
      validTo: '2025-12-31',
      source: 'LSS obligatory-regime rates for 2025, applied to PTI via LSS art. 227-I; PTI rates UNCONFIRMED (IMSS quotes by income and activity)',
      checkedOn: CHECKED_ON,
      confirmed: false,
    },
    {
      value: rateSet(cesantiaPatron('3.150', '3.676', '4.851', '5.556', '6.026', '6.361', '6.613', '7.513')),
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      source: 'LSS obligatory-regime rates for 2026, applied to PTI via LSS art. 227-I; PTI rates UNCONFIRMED (IMSS quotes by income and activity)',
      checkedOn: CHECKED_ON,
      confirmed: false,
    },
  ],
};

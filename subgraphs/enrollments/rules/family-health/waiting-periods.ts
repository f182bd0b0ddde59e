/**
 * Waiting periods of the voluntary schemes (RACERF art. 83, with LSS art. 225): certain care is
 * given only after a number of months from the enrollment (docs/domain.md §5, PARTIAL). The
 * tiers — 6 months, 10 months, 1 year, 2 years — are reported; the full list of procedures was not
 * retrieved, so the catalogue below is dated data with every entry `confirmed: false` and its own
 * source, and is meant to be replaced by the regulation's list.
 */
import { addDays, addMonths } from '../../../shared/dates.ts';
import type { DatedTable } from '../reference/dated-table.ts';
import { valueInForce } from '../reference/dated-table.ts';

export interface WaitingPeriodRule {
  code: string;
  label: string;
  months: number;
  source: string;
  confirmed: boolean;
}

export interface WaitingPeriodEnd extends WaitingPeriodRule {
  /** Last day of the waiting period. */
  waitingEndsOn: string;
  /** First day the procedure is covered: the enrollment date plus `months` (a 31st without one falls to the month's last day). */
  coveredFrom: string;
}

const NEWS_6_10 = 'RACERF art. 83 as reported by https://www.desafio.mx/2025/08/13/imss-conoce-que-cirugias-y-servicios-no-cubre-tu-seguro-social and https://quenoticia.com.mx/2025/07/30/imss-excluye-procedimientos-esteticos-reproductivos-y-otros-servicios-medicos-en-2025';
const NEWS_12_GYN = 'RACERF art. 83 as reported by https://quenoticia.com.mx/2025/07/30/imss-excluye-procedimientos-esteticos-reproductivos-y-otros-servicios-medicos-en-2025 (1-year list, only partly retrieved)';
const NEWS_12_HERNIA = 'RACERF art. 83 as reported by https://www.aztecaveracruz.com/noticias/cuales-cirugias-no-son-cubiertas-por-el-imss ("doce [meses] para cirugías como hernias o várices")';

/** Seed catalogue: RACERF (DOF 1 Nov 2002) in force from the next day; no later change found. */
export const WAITING_PERIOD_TABLE: DatedTable<readonly WaitingPeriodRule[]> = {
  name: 'WAITING_PERIODS',
  rows: [
    {
      value: [
        { code: 'BENIGN_BREAST_TUMOUR', label: 'Benign breast tumour', months: 6, source: NEWS_6_10, confirmed: false },
        { code: 'CHILDBIRTH', label: 'Childbirth', months: 10, source: NEWS_6_10, confirmed: false },
        { code: 'GYNAECOLOGICAL_SURGERY', label: 'Surgery for gynaecological conditions other than cancer', months: 12, source: NEWS_12_GYN, confirmed: false },
        { code: 'LITHOTRIPSY', label: 'Lithotripsy (kidney or bladder stones)', months: 12, source: NEWS_12_GYN, confirmed: false },
        { code: 'HERNIA_SURGERY', label: 'Hernia surgery', months: 12, source: NEWS_12_HERNIA, confirmed: false },
        { code: 'VARICOSE_VEIN_SURGERY', label: 'Varicose vein surgery', months: 12, source: NEWS_12_HERNIA, confirmed: false },
        {
          code: 'ORTHOPAEDIC_SURGERY', label: 'Orthopaedic surgery', months: 24, confirmed: false,
          source: 'UNSURE: 2-year tier of RACERF art. 83 (tier reported by https://informativotoluca.com/noticia/lo-que-el-seguro-del-imss-no-cubre-cirugias-esteticas-lentes-de-contacto-y-otros-servicios); assigning orthopaedic surgery to it is not confirmed by a retrieved text',
        },
      ],
      validFrom: '2002-11-02',
      validTo: null,
      source: 'RACERF art. 83 (Reglamento de la LSS en materia de Afiliación, Clasificación de Empresas, Recaudación y Fiscalización, DOF 1 Nov 2002); list PARTIAL',
      checkedOn: '2026-12-01',
      confirmed: false,
    },
  ],
};

/**
 * Every procedure of the catalogue in force on `enrollmentStart`, with the date its waiting
 * period ends and the first day it is covered.
 * @throws MissingReferenceValue when no catalogue is in force on that date.
 */
export function waitingPeriods(enrollmentStart: string, catalogue: DatedTable<readonly WaitingPeriodRule[]> = WAITING_PERIOD_TABLE): WaitingPeriodEnd[] {
  return valueInForce(catalogue, enrollmentStart).value.map((rule) => {
    const coveredFrom = addMonths(enrollmentStart, rule.months);
    return { ...rule, coveredFrom, waitingEndsOn: addDays(coveredFrom, -1) };
  });
}

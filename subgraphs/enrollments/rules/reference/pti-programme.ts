/**
 * The PTI programme's own settings (docs/domain.md §5), dated like every other reference value:
 * the day of the month by which a month's payment is due, whether a deadline on a non-business
 * day rolls forward, and the modalidad an independent worker's enrollment is recorded under.
 * All three are UNCONFIRMED for the 2023 PTI regime, so the seed row says so (confirmed: false).
 */
import { addMonths } from '../../../shared/dates.ts';
import type { BusinessCalendar } from '../calendar/business-calendar.ts';
import type { PtiPaymentRules } from '../payments/independent-workers.ts';
import { PTI_PAYMENT_RULES, ptiPaymentDeadline } from '../payments/independent-workers.ts';
import { valueInForce, type DatedTable, type DatedValue } from './dated-table.ts';

export interface PtiProgrammeValue {
  /** Day of the month (1–28) by which that month's payment is due. */
  paymentDeadlineDay: number;
  /** Whether a deadline on a non-business day moves to the next business day. */
  rollForwardOnNonBusinessDay: boolean;
  /** Two-digit modalidad recorded on the enrollment. */
  modality: string;
}

/** Seed PTI programme settings: the deadline from payments/independent-workers.ts, modalidad 44. */
export const PTI_PROGRAMME_TABLE: DatedTable<PtiProgrammeValue> = {
  name: 'PTI_PROGRAMME',
  rows: [
    {
      value: {
        paymentDeadlineDay: PTI_PAYMENT_RULES.paymentDeadlineDay,
        rollForwardOnNonBusinessDay: PTI_PAYMENT_RULES.rollForwardOnNonBusinessDay,
        modality: '44',
      },
      // LSS reform for independent workers, DOF 1 Dec 2023; in force from the next day (assumed).
      validFrom: '2023-12-02',
      validTo: null,
      source: `UNCONFIRMED: payment by day ${PTI_PAYMENT_RULES.paymentDeadlineDay} (${PTI_PAYMENT_RULES.sources.join(' ; ')}); modalidad 44 is the code historically used for independent workers, not confirmed for the 2023 PTI regime; start date assumed from the DOF 1 Dec 2023 reform`,
      checkedOn: PTI_PAYMENT_RULES.checkedOn,
      confirmed: false,
    },
  ],
};

/** The payment rules of payments/independent-workers.ts from the programme row in force. */
export function ptiPaymentRulesFrom(row: DatedValue<PtiProgrammeValue>): PtiPaymentRules {
  return {
    paymentDeadlineDay: row.value.paymentDeadlineDay,
    rollForwardOnNonBusinessDay: row.value.rollForwardOnNonBusinessDay,
    status: row.confirmed ? 'CONFIRMED' : 'UNCONFIRMED',
    checkedOn: row.checkedOn,
    sources: [row.source],
  };
}

/**
 * The deadline of the payment that opens PTI coverage on `coverageStart` (a first of month): the
 * programme's deadline in the month before, by the programme row in force that month. One rule for
 * the enrollment's first deadline, each period's reference and the seeds.
 */
export function ptiDeadlineForCoverage(coverageStart: string, programme: DatedTable<PtiProgrammeValue>, calendar: BusinessCalendar): string {
  const paymentMonth = addMonths(coverageStart, -1);
  return ptiPaymentDeadline(paymentMonth.slice(0, 7), ptiPaymentRulesFrom(valueInForce(programme, paymentMonth)), calendar);
}

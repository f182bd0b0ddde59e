/**
 * The PTI programme's own settings (docs/domain.md §5), dated like every other reference value:
 * the day of the month by which a month's payment is due, whether a deadline on a non-business
 * day rolls forward, and the modalidad an independent worker's enrollment is recorded under.
 * All three are UNCONFIRMED for the 2023 PTI regime, so the seed row says so (confirmed: false).
 */
import type { PtiPaymentRules } from '../payments/independent-workers.ts';
import { PTI_PAYMENT_RULES } from '../payments/independent-workers.ts';
import type { DatedTable, DatedValue } from './dated-table.ts';

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

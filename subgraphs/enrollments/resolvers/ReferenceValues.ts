/**
 * The reference values in force on a date. Each field reads its own table, so a table without a
 * value that day is an error on that field only (REFERENCE_TABLE_MISSING naming the table).
 */
import type { ReferenceValuesResolvers } from '../__generated__/resolvers-types.ts';
import { withRuleErrors } from '../rule-errors.ts';
import { umaAnnual, umaMonthly, valueInForce } from '../rules/reference/index.ts';
import { validityView } from '../views.ts';

export const ReferenceValues: ReferenceValuesResolvers = {
  date: (values) => values.date,
  uma: ({ date }, _args, { reference }) => withRuleErrors(async () => {
    const row = valueInForce(await reference.uma(), date);
    return { dailyCentavos: row.value.daily, monthlyCentavos: umaMonthly(row.value), annualCentavos: umaAnnual(row.value), validity: validityView('UMA', row) };
  }),
  minimumWage: ({ date }, _args, { reference }) => withRuleErrors(async () => {
    const row = valueInForce(await reference.minimumWage(), date);
    return { generalDailyCentavos: row.value.GENERAL, northernBorderDailyCentavos: row.value.NORTHERN_BORDER, validity: validityView('MINIMUM_WAGE', row) };
  }),
  familyHealthFees: ({ date }, _args, { reference }) => withRuleErrors(async () => {
    const row = valueInForce(await reference.familyHealthFees(), date);
    return {
      bands: row.value.bands.map((b) => ({ band: b.band, minAge: b.minAge, maxAge: b.maxAge, annualFeeCentavos: b.annualFee })),
      validity: validityView('FAMILY_HEALTH_FEES', row),
    };
  }),
  ptiRates: ({ date }, _args, { reference }) => withRuleErrors(async () => {
    const row = valueInForce(await reference.ptiRates(), date);
    return {
      lines: row.value.lines.map((line) => ({
        code: line.code,
        label: line.label,
        share: line.share,
        basis: line.basis.kind,
        basisUmaMultiple: line.basis.kind === 'EXCESS_OVER_UMA' ? line.basis.umaMultiple : null,
        rate: typeof line.rate === 'string' ? line.rate : null,
        bandedRate: typeof line.rate === 'string' ? null : JSON.stringify(line.rate),
        article: line.article,
        confirmed: line.confirmed,
      })),
      validity: validityView('PTI_RATES', row),
    };
  }),
  ptiProgramme: ({ date }, _args, { reference }) => withRuleErrors(async () => {
    const row = valueInForce(await reference.ptiProgramme(), date);
    return { ...row.value, validity: validityView('PTI_PROGRAMME', row) };
  }),
  waitingPeriods: ({ date }, _args, { reference }) => withRuleErrors(async () => {
    const row = valueInForce(await reference.waitingPeriods(), date);
    return { procedures: row.value.map((p) => ({ code: p.code, label: p.label, months: p.months, source: p.source, confirmed: p.confirmed })), validity: validityView('WAITING_PERIODS', row) };
  }),
  excludedConditions: ({ date }, _args, { reference }) => withRuleErrors(async () => {
    const row = valueInForce(await reference.excludedConditions(), date);
    return { conditions: row.value.map((c) => ({ code: c.code, label: c.label, labelEs: c.labelEs })), validity: validityView('EXCLUDED_CONDITIONS', row) };
  }),
};

import { badInput, ruleViolation } from '../../../schema/errors/client-errors.ts';
import { ENROLLMENT_KINDS } from '../../../db/schema/enrollments.ts';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { mexicoCityToday } from '../mexico-today.ts';
import { withRuleErrors } from '../rule-errors.ts';
import { familyHealthQuote } from '../rules/family-health/index.ts';
import { normalizeEmployerRegistration } from '../rules/movements/index.ts';
import { MAX_FAMILY_MEMBERS } from '../services/enrollFamilyHealth.ts';
import { independentWorkerTerms } from '../services/independent-worker-terms.ts';
import { publishedStatistics } from '../statistics/published-table.ts';
import { contributionView, validityView } from '../views.ts';
import { bankReconciliation, debtStatement, paymentReference, verifyReceipt } from '../services/payment-queries.ts';

export const Query: QueryResolvers = {
  /** The programme table of enrollmentStatisticsTable, in the original shape. */
  enrollmentStatistics: async (_parent, _args, { repository }) => {
    const table = await publishedStatistics({ dimensions: ['PROGRAM'], measure: 'ENROLLMENTS', year: null }, repository);
    return table.cells.map((cell) => ({
      kind: ENROLLMENT_KINDS.find((kind) => kind === cell.key[0]?.value)!,
      count: cell.count,
      suppressed: cell.suppressed,
    }));
  },

  enrollmentStatisticsTable: (_parent, { dimensions, measure, year }, { repository }) =>
    publishedStatistics({ dimensions, measure: measure ?? 'ENROLLMENTS', year: year ?? null }, repository),

  /** The caller's own registros patronales (all, or the one named); scoped and audited by the loader. */
  employerEnrollments: async (_parent, { registration, activeOnly }, { viewer, loaders }) => {
    const registrations = registration ? [normalizeEmployerRegistration(registration)] : (viewer?.employerRegistrations ?? []);
    const rows = (await loaders.enrollmentsByRegistration.loadMany(registrations)).flatMap((r) => (r instanceof Error ? [] : r));
    return (activeOnly ?? true) ? rows.filter((row) => row.endDate === null) : rows;
  },

  referenceValues: (_parent, { date }) => ({ date }),

  independentWorkerQuote: async (_parent, { input }, ctx) => {
    const terms = await withRuleErrors(() => independentWorkerTerms({
      declaredMonthlyIncomeCentavos: input.declaredMonthlyIncomeCentavos,
      paymentPeriod: input.paymentPeriod,
      wageZone: input.wageZone ?? 'GENERAL',
      coverageStart: input.coverageStart ?? null,
    }, mexicoCityToday(ctx.clock), ctx));
    return { coverageStart: terms.coverageStart, paymentDeadline: terms.paymentDeadline, contribution: contributionView(terms.contribution) };
  },

  familyHealthQuote: async (_parent, { input }, { reference }) => {
    if (input.members.length > MAX_FAMILY_MEMBERS) throw badInput('FAMILY_HEALTH_TOO_MANY_MEMBERS', `A quote lists at most ${MAX_FAMILY_MEMBERS} members, got ${input.members.length}.`, { max: MAX_FAMILY_MEMBERS });
    const quote = await withRuleErrors(async () => familyHealthQuote(input.members, input.paymentDate, await reference.familyHealthFees()));
    if (!quote.ok) throw ruleViolation(quote.issues);
    return {
      paymentDate: quote.paymentDate,
      members: quote.members.map((m) => ({ birthDate: m.birthDate, ageOnPayment: m.ageOnPayment, ageBand: m.band, annualFeeCentavos: m.fee })),
      totalCentavos: quote.total,
      feeTable: validityView('FAMILY_HEALTH_FEES', quote.feeTable),
      confirmed: quote.confirmed,
    };
  },
  // Payments: each read decides, audits and releases in its service.
  paymentReference: (_parent, { reference }, ctx) => paymentReference(reference, ctx),
  debtStatement: (_parent, { input }, ctx) => debtStatement(input, ctx),
  bankReconciliation: (_parent, { bankId, date }, ctx) => bankReconciliation(bankId, date, ctx),
  verifyReceipt: (_parent, { folio }, ctx) => verifyReceipt(folio, ctx),
};

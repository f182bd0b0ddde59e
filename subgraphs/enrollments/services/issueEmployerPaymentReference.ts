/**
 * An employer's monthly cuotas (LSS art. 39) as a payment reference: the amount is the employer's
 * own SUA determination (as SIPARE takes it from an SUA file), due on day 17 of the following
 * month moved past non-business days; employers only, for a registration of their token.
 */
import { ruleViolation } from '../../../schema/errors/client-errors.ts';
import { authorize } from '../../shared/access/index.ts';
import type { MutationIssueEmployerPaymentReferenceArgs } from '../__generated__/resolvers-types.ts';
import type { EnrollmentsContext } from '../context.ts';
import type { PaymentReferenceModel } from '../mappers.ts';
import { mexicoCityToday } from '../mexico-today.ts';
import { fileMovementUnder } from '../permissions.ts';
import { withRuleErrors } from '../rule-errors.ts';
import { normalizeEmployerRegistration, validateEmployerRegistration } from '../rules/movements/index.ts';
import { employerObligation } from '../rules/payments/index.ts';
import { issueReference } from './payment-reference-issuing.ts';

export async function issueEmployerPaymentReference({ input }: MutationIssueEmployerPaymentReferenceArgs, ctx: EnrollmentsContext): Promise<PaymentReferenceModel> {
  const registration = normalizeEmployerRegistration(input.employerRegistration);
  await authorize(ctx, fileMovementUnder(ctx, registration), { subjectCurp: null, what: 'issueEmployerPaymentReference', notFoundAs: 'Employer registration' });
  const parsed = validateEmployerRegistration(registration);
  if (!parsed.ok) throw ruleViolation(parsed.issues);
  const today = mexicoCityToday(ctx.clock);
  const obligation = await withRuleErrors(async () => employerObligation(parsed.value, input.period, await ctx.reference.calendar(), today));
  return issueReference(ctx, 'issueEmployerPaymentReference', obligation, { employerRegistration: parsed.value }, input.amountCentavos);
}

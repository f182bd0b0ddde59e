/**
 * An IMSS officer records, in person, that an employer's user proved their identity for a
 * registro patronal: EFIRMA (the officer checked the SAT e.firma certificate, whose serial number
 * is recorded) or BIOMETRIC (the legal representative passed a 1:1 verification here, recorded by
 * the same officer within the configured minutes; that attempt is the evidence). The record is
 * what employerIdentityAssertion signs assertions from.
 */
import { badInput } from '../../../schema/errors/client-errors.ts';
import { authorize } from '../../shared/access/index.ts';
import type { MutationRecordEmployerIdentityVerificationArgs } from '../__generated__/resolvers-types.ts';
import type { BiometricsContext } from '../context.ts';
import type { EmployerIdentityVerificationModel } from '../mappers.ts';
import { actInPerson } from '../permissions.ts';
import { txQueries } from '../repository.ts';
import { checkLabel } from '../rules/capture.ts';
import { checkEvidence, checkRegistration, verificationValidUntil } from '../rules/employer-identity.ts';
import { officerOf } from './officer.ts';
import { applyRule } from './rule.ts';

export async function recordEmployerIdentityVerification(
  { input }: MutationRecordEmployerIdentityVerificationArgs,
  ctx: BiometricsContext,
): Promise<EmployerIdentityVerificationModel> {
  const representativeCurp = input.representativeCurp ?? null;
  // Only a biometric verification concerns a person's data (the representative's): that is audited.
  await authorize(ctx, actInPerson(ctx, representativeCurp), { subjectCurp: representativeCurp, what: 'recordEmployerIdentityVerification' });
  const officer = officerOf(ctx);
  const now = ctx.clock.now();
  const registration = applyRule(() => checkRegistration(input.registration));
  const employerSubject = applyRule(() => checkLabel(input.employerSubject, 'employerSubject', 1, 255));
  const certificateSerial = input.certificateSerial?.trim() || null;
  applyRule(() => checkEvidence(input.method, { certificateSerial, representativeCurp }));
  const requested = input.validUntil ? new Date(input.validUntil) : null;
  const validUntil = applyRule(() => verificationValidUntil(now, input.method, requested, ctx.settings.employerVerificationDays));

  return ctx.repository.transaction(async (tx) => {
    let verificationAttemptId: string | null = null;
    if (representativeCurp !== null) {
      const since = new Date(now.getTime() - ctx.settings.representativeMatchMinutes * 60_000);
      const match = await txQueries.recentMatchBy(tx, representativeCurp, officer.subject, since);
      if (!match) {
        throw badInput(
          'EMPLOYER_REPRESENTATIVE_NOT_VERIFIED',
          `No successful biometric verification of the representative by this officer in the last ${ctx.settings.representativeMatchMinutes} minutes`,
          { withinMinutes: ctx.settings.representativeMatchMinutes },
        );
      }
      verificationAttemptId = match.id;
    }
    const row = await txQueries.insertEmployerVerification(tx, {
      registration,
      employerSubject,
      method: input.method,
      verifiedAt: now,
      validUntil,
      certificateSerial,
      representativeCurp,
      verificationAttemptId,
      recordedByRole: officer.role,
      recordedBySubject: officer.subject,
      office: officer.office,
      purpose: ctx.purpose!,
    });
    if (representativeCurp !== null) {
      await ctx.audit.append([{ action: 'WRITE', subjectCurp: representativeCurp, what: 'recordEmployerIdentityVerification', fields: ['employerIdentityVerification'] }], tx);
    }
    return row;
  });
}

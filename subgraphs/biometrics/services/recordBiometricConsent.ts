/**
 * An IMSS officer records, in person, a person's explicit consent to biometric processing
 * (docs/domain.md §9: biometrics are sensitive data that need prior, specific, informed consent):
 * what it is for, when, at which office, by which officer. One consent is in force at a time.
 */
import { badInput } from '../../../schema/errors/client-errors.ts';
import { authorize } from '../../shared/access/index.ts';
import type { MutationRecordBiometricConsentArgs } from '../__generated__/resolvers-types.ts';
import type { BiometricsContext } from '../context.ts';
import type { ConsentModel } from '../mappers.ts';
import { actInPerson } from '../permissions.ts';
import { txQueries } from '../repository.ts';
import { checkLabel } from '../rules/capture.ts';
import { officerOf } from './officer.ts';
import { applyRule } from './rule.ts';

export async function recordBiometricConsent({ input }: MutationRecordBiometricConsentArgs, ctx: BiometricsContext): Promise<ConsentModel> {
  await authorize(ctx, actInPerson(ctx, input.curp), { subjectCurp: input.curp, what: 'recordBiometricConsent' });
  const officer = officerOf(ctx);
  const purpose = applyRule(() => checkLabel(input.purpose, 'purpose', 3, 200));
  const consent = await ctx.repository.transaction(async (tx) => {
    if (await txQueries.lockConsentInForce(tx, input.curp)) {
      throw badInput('BIOMETRIC_CONSENT_ALREADY_IN_FORCE', 'The person already has a consent in force; revoke it before recording another');
    }
    const row = await txQueries.insertConsent(tx, {
      curp: input.curp,
      purpose,
      grantedAt: ctx.clock.now(),
      office: officer.office,
      officerRole: officer.role,
      officerSubject: officer.subject,
    });
    await ctx.audit.append([{ action: 'WRITE', subjectCurp: input.curp, what: 'recordBiometricConsent', fields: ['consent'] }], tx);
    return row;
  });
  ctx.loaders.statusByCurp.clear(input.curp);
  return consent;
}
